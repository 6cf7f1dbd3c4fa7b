/**
 * Build-time postings that do not stay in memory: each term occurrence list
 * of an entry goes, as a small record, into one of a fixed number of buckets
 * (by the term's hash, the same hash that picks its shard), and the buckets
 * are appended to temporary files whenever they hold more than a budget. At
 * the end the builder reads back one bucket (or, for a small index, one group
 * of buckets) at a time, so its memory holds the vocabulary and one bucket,
 * not every posting of the library.
 *
 * Record: term id, entry number (as read), weighted frequency, title flag,
 * and for Han trigrams the positions (count, then absolute values), all varints.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteReader, ByteWriter, termHash } from '../../../src/lib/search/format.ts';

/** A power of two: every shard count ≥ it maps each shard to exactly one bucket. */
export const BUCKETS = 64;

export class PostingSpill {
  private readonly ids = new Map<number | string, number>();
  /** Per term id: its text, hash and whether it keeps positions. */
  readonly texts: string[] = [];
  readonly hashes: number[] = [];
  readonly positioned: boolean[] = [];
  private readonly buffers = Array.from({ length: BUCKETS }, () => new ByteWriter());
  private buffered = 0;
  /** Bytes of postings as the old in-memory form counted them (without term ids): what shard sizes are planned from. */
  raw = 0;

  private readonly dir: string;
  private readonly budget: number;
  constructor(dir: string, budget: number) {
    this.dir = dir;
    this.budget = budget;
  }

  /** The id of a build-time term key; `text` and `positioned` are asked for only the first time. */
  id(key: number | string, text: () => string, positioned: boolean): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(key, id);
      const t = text();
      this.texts.push(t);
      this.hashes.push(termHash(t));
      this.positioned.push(positioned);
    }
    return id;
  }

  add(id: number, doc: number, tf: number, inTitle: boolean, positions: readonly number[]): void {
    const out = this.buffers[(this.hashes[id] as number) % BUCKETS] as ByteWriter;
    const before = out.length;
    out.varint(id);
    const start = out.length;
    out.varint(doc);
    out.varint(tf);
    out.byte(inTitle ? 1 : 0);
    if (this.positioned[id]) {
      out.varint(positions.length);
      for (const p of positions) out.varint(p);
    }
    this.raw += out.length - start;
    this.buffered += out.length - before;
    if (this.buffered > this.budget) this.flush();
  }

  /** Appends every bucket's records to its file and empties the buffers. */
  flush(): void {
    this.buffers.forEach((out, b) => {
      if (out.length) appendFileSync(join(this.dir, `b${b}`), out.bytes.subarray(0, out.length));
      out.length = 0;
    });
    this.buffered = 0;
  }

  /**
   * The records of some buckets (flushed first), grouped by term: for each
   * term id, the offsets of its records in `bytes`, in the order they were added.
   */
  read(buckets: readonly number[]): { bytes: Uint8Array; terms: Map<number, number[]> } {
    this.flush();
    const parts = buckets.map((b) => join(this.dir, `b${b}`)).filter(existsSync).map((file) => readFileSync(file));
    const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const terms = new Map<number, number[]>();
    const reader = new ByteReader(bytes);
    while (!reader.done) {
      const start = reader.offset;
      const id = reader.varint();
      let list = terms.get(id);
      if (!list) terms.set(id, (list = []));
      list.push(start);
      reader.varint();
      reader.varint();
      reader.byte();
      if (this.positioned[id]) for (let k = reader.varint(); k > 0; k--) reader.varint();
    }
    return { bytes, terms };
  }
}
