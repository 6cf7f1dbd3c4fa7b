/**
 * Build-time postings that do not stay in memory. Each entry's terms are
 * split by bucket (a fixed number of them, by the term's hash, the same hash
 * that picks its shard) and written as one record per entry and bucket; the
 * buckets are appended to temporary files whenever together they hold more
 * than a budget. Where each entry's record starts in each bucket is kept, so
 * at the end the builder reads back one bucket (or, for a small index, one
 * group of buckets) at a time and walks its entries in their final order:
 * every term's postings come out already sorted by entry number, encoded
 * once in their final form. Memory holds the vocabulary, the record starts
 * (4 bytes per entry and bucket touched) and one bucket, not every posting of
 * the library.
 *
 * Record: the number of terms, then for each: term id, weighted frequency × 2
 * + title flag, and for Han trigrams the positions as stored in a shard
 * (count, then deltas), all varints.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { grown } from './terms.ts';

/** A power of two: every shard count ≥ it maps each shard to exactly one bucket. */
export const BUCKETS = 64;

/** A growable byte buffer of varints (values below 2³²), the room checked inline: the records' writer. */
export class RecordWriter {
  bytes = new Uint8Array(4096);
  length = 0;
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow();
    const bytes = this.bytes;
    let n = this.length;
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[n++] = v;
    this.length = n;
  }
  private grow(): void {
    const next = new Uint8Array(this.bytes.length * 2);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

export class PostingSpill {
  private readonly buffers = Array.from({ length: BUCKETS }, () => new RecordWriter());
  /** Per bucket: bytes already in its file, and its file (open for appending once it has one). */
  private readonly flushed = new Array<number>(BUCKETS).fill(0);
  private readonly files = new Array<number | undefined>(BUCKETS).fill(undefined);
  /** Per bucket, per entry (as read): where its record starts in the bucket, + 1 (0: no terms in that bucket). */
  private readonly starts: Uint32Array<ArrayBuffer>[] = Array.from({ length: BUCKETS }, () => new Uint32Array(1024));
  private buffered = 0;

  private readonly dir: string;
  private readonly budget: number;
  constructor(dir: string, budget: number) {
    this.dir = dir;
    this.budget = budget;
  }

  /** Starts entry `doc`'s record in `bucket` (each at most once per entry, entries in increasing order); returns the writer to append it to. */
  record(bucket: number, doc: number): RecordWriter {
    const out = this.buffers[bucket] as RecordWriter;
    const starts = (this.starts[bucket] = grown(this.starts[bucket] as Uint32Array<ArrayBuffer>, doc + 1));
    starts[doc] = (this.flushed[bucket] as number) + out.length + 1;
    return out;
  }

  /** After each entry: appends the buckets to their files when they hold more than the budget. */
  entryDone(): void {
    this.buffered = this.buffers.reduce((sum, out) => sum + out.length, 0);
    if (this.buffered > this.budget) this.flush();
  }

  private flush(): void {
    this.buffers.forEach((out, b) => {
      if (!out.length) return;
      const fd = (this.files[b] ??= openSync(join(this.dir, `b${b}`), 'a'));
      writeSync(fd, out.bytes, 0, out.length);
      this.flushed[b] = (this.flushed[b] as number) + out.length;
      out.length = 0;
    });
    this.buffered = 0;
  }

  /** A bucket's whole contents (what its file holds, then its buffer); `at(bucket, doc)` indexes into it. */
  read(bucket: number): Uint8Array {
    const out = this.buffers[bucket] as RecordWriter;
    const onDisk = this.flushed[bucket] as number;
    const bytes = new Uint8Array(onDisk + out.length);
    const fd = this.files[bucket];
    if (fd !== undefined) {
      closeSync(fd);
      this.files[bucket] = undefined;
      const reader = openSync(join(this.dir, `b${bucket}`), 'r');
      try {
        for (let at = 0; at < onDisk; ) at += readSync(reader, bytes, at, onDisk - at, at);
      } finally {
        closeSync(reader);
      }
    }
    bytes.set(out.bytes.subarray(0, out.length), onDisk);
    return bytes;
  }

  /** Where entry `doc`'s record starts in `read(bucket)`, or -1. */
  at(bucket: number, doc: number): number {
    return ((this.starts[bucket] as Uint32Array)[doc] ?? 0) - 1;
  }

  /** Releases a bucket once it is encoded. */
  release(bucket: number): void {
    this.buffers[bucket] = new RecordWriter();
    this.starts[bucket] = new Uint32Array(0);
  }

  close(): void {
    this.files.forEach((fd) => fd !== undefined && closeSync(fd));
    this.files.fill(undefined);
  }
}
