/**
 * Writes the search index (format: src/lib/search/format.ts) from search
 * records, streaming: each record is tokenized once (terms as dense ids,
 * terms.ts) and its postings go to the spill (spill.ts) as one record per
 * hash bucket, its card and body to a text spill. At the end entries are
 * numbered (by practice, then key: entries on one practice sit together, so a
 * page of results touches few document-table chunks); each bucket is read
 * back walking the entries in that order, so every term's postings come out
 * sorted and are written once, in their stored form with their BM25F weights.
 * The files are written to a temporary folder that replaces the old index
 * only when complete. The same records give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIELD_WEIGHTS, FILTERS, type SearchRecord } from '../../../src/lib/search/record.ts';
import {
  ByteWriter, CARDS_PER_SHARD, decodePostings, encodeBrowse, encodeFacets, encodePostings, encodeShard, FORMAT, impact, NAME_LENGTH, packNames, paths, placedName, shardPlace, termHash, TEXT_START, TOP_CARDS, topDocs, VERSION, withHeader,
  type Card, type StoredManifest,
} from '../../../src/lib/search/format.ts';
import { normalize, scan } from '../../../src/lib/search/tokenize.ts';
import { CommonPhrases, type EntryText, leastEntries, MAX_PHRASES, SAMPLE } from './phrases.ts';
import { BUCKETS, PostingSpill } from './spill.ts';
import { splitShard } from './split.ts';
import { grown, TermTable } from './terms.ts';

export interface BuildOptions {
  /** How many shards (a power of two); by default shardsFor(entries). */
  shards?: number;
  /** A shard larger than this (raw postings bytes, before gzip) that holds more than one term is split (split.ts). */
  shardBytes?: number;
  cardsPerChunk?: number;
  textsPerChunk?: number;
  /** Bytes of postings held in memory before they are appended to temporary files. */
  spillBytes?: number;
  /** At most this many phrases get postings of their own (phrases.ts); 0: none. */
  maxPhrases?: number;
  /** Phrases are mined from this many entries first read (phrases.ts SAMPLE). */
  phraseSample?: number;
}

export interface BuildStats {
  entries: number;
  terms: number;
  shards: number;
  files: number;
  bytes: number;
}

/** What stays in memory of an entry until the end: what numbering, filters and browsing need (card and body go to a file). */
interface Pending {
  record: Pick<SearchRecord, 'key' | 'cluster' | 'date' | 'filters'>;
  length: number;
}

/** One entry's terms, by slot in the order first seen: term id, weighted frequency, title flag, and for trigrams a list of positions; reused from entry to entry. */
class EntryTerms {
  count = 0;
  term = new Int32Array(1024);
  tf = new Int32Array(1024);
  title = new Uint8Array(1024);
  /** Positions as linked cells: the slot's first and last cell (-1: none), each cell's position and next cell. */
  head = new Int32Array(1024);
  tail = new Int32Array(1024);
  positionCount = new Int32Array(1024);
  cellPosition = new Int32Array(4096);
  cellNext = new Int32Array(4096);
  private cells = 0;
  /** Per term id: the entry it was last seen in (`entry`) and its slot there. */
  private seen = new Int32Array(1024);
  private slotOf = new Int32Array(1024);
  private entry = 0;
  clear(): void {
    this.entry++;
    this.count = 0;
    this.cells = 0;
  }
  add(id: number, position: number, weight: number, inTitle: boolean, positioned: boolean): void {
    if (id >= this.seen.length) {
      this.seen = grown(this.seen, id + 1);
      this.slotOf = grown(this.slotOf, id + 1);
    }
    let slot: number;
    if (this.seen[id] === this.entry) slot = this.slotOf[id] as number;
    else {
      slot = this.count++;
      if (slot >= this.term.length) {
        this.term = grown(this.term, slot + 1);
        this.tf = grown(this.tf, slot + 1);
        this.title = grown(this.title, slot + 1);
        this.head = grown(this.head, slot + 1);
        this.tail = grown(this.tail, slot + 1);
        this.positionCount = grown(this.positionCount, slot + 1);
      }
      this.seen[id] = this.entry;
      this.slotOf[id] = slot;
      this.term[slot] = id;
      this.tf[slot] = 0;
      this.title[slot] = 0;
      this.head[slot] = -1;
      this.positionCount[slot] = 0;
    }
    this.tf[slot] = (this.tf[slot] as number) + weight;
    if (inTitle) this.title[slot] = 1;
    if (!positioned) return;
    const cell = this.cells++;
    if (cell >= this.cellPosition.length) {
      this.cellPosition = grown(this.cellPosition, cell + 1);
      this.cellNext = grown(this.cellNext, cell + 1);
    }
    this.cellPosition[cell] = position;
    this.cellNext[cell] = -1;
    if ((this.head[slot] as number) < 0) this.head[slot] = cell;
    else this.cellNext[this.tail[slot] as number] = cell;
    this.tail[slot] = cell;
    this.positionCount[slot] = (this.positionCount[slot] as number) + 1;
  }
}

/** Tokenizes one entry's normalised fields into `terms`; returns its field-weighted length. */
function collect({ title, summary, body }: EntryText, terms: EntryTerms, table: TermTable): number {
  terms.clear();
  let titleLength = 0;
  // The ids of the previous Han character and of the one before it in the same run, or -1.
  let previousId = -1;
  let beforeId = -1;
  scan(
    title,
    (cp, previous, position) => {
      titleLength = position + 1;
      const id = table.char(cp);
      if (previous < 0) previousId = -1;
      if (position < TEXT_START - 1) {
        terms.add(table.unigram(id), position, FIELD_WEIGHTS.title, true, false);
        if (previousId >= 0) terms.add(table.han(previousId, id, -1), position - 1, FIELD_WEIGHTS.title, true, false);
        if (previousId >= 0 && beforeId >= 0) terms.add(table.han(beforeId, previousId, id), position - 2, FIELD_WEIGHTS.title, true, true);
      }
      beforeId = previousId;
      previousId = id;
    },
    (word, position) => {
      titleLength = position + word.length;
      terms.add(table.word(word), position, FIELD_WEIGHTS.title, true, false);
    },
  );
  // Summary and body with a line break between them, so no bigram joins the two.
  previousId = -1;
  beforeId = -1;
  const summaryLength = [...summary].length;
  let textLength = 0;
  scan(
    `${summary}\n${body}`,
    (cp, previous, position) => {
      const weight = position < summaryLength ? FIELD_WEIGHTS.summary : FIELD_WEIGHTS.body;
      const id = table.char(cp);
      if (previous < 0) previousId = -1;
      terms.add(table.unigram(id), TEXT_START + position, weight, false, false);
      if (previousId >= 0) terms.add(table.han(previousId, id, -1), TEXT_START + position - 1, weight, false, false);
      if (previousId >= 0 && beforeId >= 0) terms.add(table.han(beforeId, previousId, id), TEXT_START + position - 2, weight, false, true);
      beforeId = previousId;
      previousId = id;
      textLength = position;
    },
    (word, position) => {
      terms.add(table.word(word), TEXT_START + position, position < summaryLength ? FIELD_WEIGHTS.summary : FIELD_WEIGHTS.body, false, false);
      textLength = position;
    },
  );
  return FIELD_WEIGHTS.title * titleLength + FIELD_WEIGHTS.summary * summaryLength + FIELD_WEIGHTS.body * Math.max(0, textLength - summaryLength);
}

/** [shard, depth] pairs ordered by shard (groups of buckets finish out of order). */
const pairsByShard = (pairs: readonly number[]): number[] =>
  Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i] as number, pairs[2 * i + 1] as number])
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .flat();

const hashName = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, NAME_LENGTH);

/** Bytes of a varint. */
const varintSize = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

/** Per term: how many entries hold it, and the bytes of its stored positions: what its postings will need. */
class TermSizes {
  df = new Int32Array(1024);
  positionBytes = new Int32Array(1024);
  add(id: number, positionBytes: number): void {
    if (id >= this.df.length) {
      this.df = grown(this.df, id + 1);
      this.positionBytes = grown(this.positionBytes, id + 1);
    }
    this.df[id] = (this.df[id] as number) + 1;
    this.positionBytes[id] = (this.positionBytes[id] as number) + positionBytes;
  }
}

/**
 * Writes an entry's terms to the spill, one record per bucket they fall in.
 */
function spillEntry(doc: number, terms: EntryTerms, table: TermTable, spill: PostingSpill, sizes: TermSizes, bucketOf: Uint8Array, byBucket: { order: Int32Array<ArrayBuffer>; counts: Int32Array }): void {
  const { counts } = byBucket;
  counts.fill(0);
  const n = terms.count;
  for (let slot = 0; slot < n; slot++) {
    // The hash modulo BUCKETS (a power of two), without turning it into a double.
    const b = (table.hashes[terms.term[slot] as number] as number) & (BUCKETS - 1);
    bucketOf[slot] = b;
    counts[b] = (counts[b] as number) + 1;
  }
  // Slots grouped by bucket (a counting sort): bucket b's slots are order[from[b] .. from[b] + counts[b]].
  const from = new Int32Array(BUCKETS);
  for (let b = 1; b < BUCKETS; b++) from[b] = (from[b - 1] as number) + (counts[b - 1] as number);
  const next = from.slice();
  if (byBucket.order.length < n) byBucket.order = grown(byBucket.order, n);
  const order = byBucket.order;
  for (let slot = 0; slot < n; slot++) {
    const b = bucketOf[slot] as number;
    order[next[b] as number] = slot;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 0; b < BUCKETS; b++) {
    const count = counts[b] as number;
    if (!count) continue;
    const out = spill.record(b, doc);
    out.varint(count);
    for (let k = from[b] as number, end = k + count; k < end; k++) {
      const slot = order[k] as number;
      const id = terms.term[slot] as number;
      const tf = terms.tf[slot] as number;
      out.varint(id);
      out.varint(tf * 2 + (terms.title[slot] as number));
      if (!table.positioned[id]) {
        sizes.add(id, 0);
        continue;
      }
      const before = out.length;
      const positions = terms.positionCount[slot] as number;
      out.varint(positions);
      let last = 0;
      for (let cell = terms.head[slot] as number; cell >= 0; cell = terms.cellNext[cell] as number) {
        const position = terms.cellPosition[cell] as number;
        out.varint(position - last);
        last = position;
      }
      sizes.add(id, out.length - before);
    }
  }
  spill.entryDone();
}

/** Reads the varints of the spill's records (trusted bytes: no checks). */
class Cursor {
  bytes: Uint8Array = new Uint8Array(0);
  at = 0;
  varint(): number {
    const bytes = this.bytes;
    let b = bytes[this.at++] as number;
    if (b < 0x80) return b;
    let value = b & 0x7f;
    let scale = 0x80;
    do {
      b = bytes[this.at++] as number;
      value += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    return value;
  }
}

/**
 * Postings, a bucket (or, below 64 shards, a group of buckets) at a time:
 * the bucket's records are walked in entry-number order, so each term's
 * postings are appended already sorted and in their stored form (format.ts:
 * entry-number delta, impact byte, the trigrams' positions copied as they
 * are); then each shard of the bucket is encoded, its terms in code-unit
 * order. Returns the shard names, in shard order.
 */
/**
 * The number of shards for a library of `entries`: the power of two nearest
 * 24 √entries. A query downloads the manifest, which lists every shard (4
 * bytes each), and a shard or two, whose size falls as their number grows;
 * measured over 30 queries on synthetic libraries, the fewest bytes came at
 * 1,024 shards for 1,000 entries, 2,048 for 10,000 and 4,096 for 30,000.
 */
export function shardsFor(entries: number): number {
  return 2 ** Math.max(0, Math.round(Math.log2(24 * Math.sqrt(Math.max(1, entries)))));
}

/** A term as the shard writer gets it: its postings in stored form, and its hash (for splitting). */
interface ShardTerm {
  term: string;
  df: number;
  postings: Uint8Array;
  positioned: boolean;
  hash: number;
}

function writeShards(spill: PostingSpill, table: TermTable, sizes: TermSizes, order: readonly number[], lengths: Float64Array, averageLength: number, shardCount: number, extra: readonly ShardTerm[], writeShard: (shard: number, terms: ShardTerm[]) => string[]): string[][] {
  const shards: string[][] = new Array(shardCount);
  // Terms that are not in the spill (phrases), by shard.
  const extraOf = new Map<number, ShardTerm[]>();
  for (const t of extra) {
    const list = extraOf.get(t.hash % shardCount);
    if (list) list.push(t);
    else extraOf.set(t.hash % shardCount, [t]);
  }
  const groups = shardCount >= BUCKETS
    ? Array.from({ length: BUCKETS }, (_, b) => [b])
    : Array.from({ length: shardCount }, (_, s) => Array.from({ length: BUCKETS / shardCount }, (_, k) => s + k * shardCount));
  const termsOf: number[][] = Array.from({ length: BUCKETS }, () => []);
  for (let id = 0; id < table.size; id++) (termsOf[(table.hashes[id] as number) % BUCKETS] as number[]).push(id);
  const { hashes, positioned, texts } = table;
  const { df, positionBytes } = sizes;
  // Per term: where its postings start and end in its bucket's buffer, and its last entry number so far.
  const begin = new Int32Array(table.size);
  const end = new Int32Array(table.size);
  const lastDoc = new Int32Array(table.size);
  // An entry-number delta takes at most this many bytes, the impact one more.
  const postingBytes = varintSize(Math.max(0, order.length - 1)) + 1;
  const cursor = new Cursor();
  for (const group of groups) {
    const buffers = new Map<number, Uint8Array>();
    for (const b of group) {
      // Room for every posting of the bucket's terms, known from the spilled counts: nothing grows.
      let total = 0;
      for (const id of termsOf[b] as number[]) {
        begin[id] = end[id] = total;
        lastDoc[id] = -1;
        total += (df[id] as number) * postingBytes + (positionBytes[id] as number);
      }
      const out = new Uint8Array(total);
      buffers.set(b, out);
      const bytes = (cursor.bytes = spill.read(b));
      for (let doc = 0; doc < order.length; doc++) {
        const old = order[doc] as number;
        const at = spill.at(b, old);
        if (at < 0) continue;
        const length = lengths[old] as number;
        cursor.at = at;
        for (let count = cursor.varint(); count > 0; count--) {
          const id = cursor.varint();
          const tf = cursor.varint();
          let p = end[id] as number;
          let delta = doc - (lastDoc[id] as number) - 1;
          lastDoc[id] = doc;
          while (delta >= 0x80) {
            out[p++] = (delta & 0x7f) | 0x80;
            delta >>>= 7;
          }
          out[p++] = delta;
          out[p++] = (tf & 1 ? 0x80 : 0) | impact(Math.floor(tf / 2), length, averageLength);
          if (positioned[id]) {
            // The positions, already in their stored form: copied.
            const from = cursor.at;
            for (let k = cursor.varint(); k > 0; k--) cursor.varint();
            for (let k = from; k < cursor.at; k++) out[p++] = bytes[k] as number;
          }
          end[id] = p;
        }
      }
      spill.release(b);
    }
    const inGroup = shardCount >= BUCKETS ? Array.from({ length: shardCount / BUCKETS }, (_, k) => (group[0] as number) + k * BUCKETS) : [group[0] as number];
    const ids = group.flatMap((b) => termsOf[b] as number[]);
    for (const s of inGroup) {
      const inShard: ShardTerm[] = ids.filter((id) => (hashes[id] as number) % shardCount === s).map((id) => ({
        term: texts[id] as string,
        df: df[id] as number,
        postings: (buffers.get((hashes[id] as number) % BUCKETS) as Uint8Array).subarray(begin[id] as number, end[id] as number),
        positioned: positioned[id] === 1,
        hash: hashes[id] as number,
      }));
      inShard.push(...(extraOf.get(s) ?? []));
      shards[s] = writeShard(s, inShard.sort((x, y) => (x.term < y.term ? -1 : 1)));
    }
  }
  return shards;
}

/**
 * Texts as JSON (each entry's card, and its body), held in memory up to a
 * budget, beyond it appended to a temporary file as they stream by; read
 * back by number as bytes, ready to be joined into a JSON array.
 */
class TextSpill {
  private readonly file: string;
  private readonly buffer = new ByteWriter();
  private written = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private fd: number | undefined;
  private readonly budget: number;
  constructor(dir: string, budget: number) {
    this.file = join(dir, 'texts');
    this.budget = budget;
  }
  add(json: string): void {
    // Encoded in place (a UTF-16 unit takes at most 3 bytes of UTF-8): no array per text.
    const room = this.buffer.length + json.length * 3;
    if (room > this.buffer.bytes.length) {
      // Doubling, but never much past the budget: what is held in memory stays bounded at any library size.
      const next = new Uint8Array(Math.max(room, Math.min(2 * this.buffer.bytes.length, this.budget + json.length * 3)));
      next.set(this.buffer.bytes.subarray(0, this.buffer.length));
      this.buffer.bytes = next;
    }
    const { written } = encoder.encodeInto(json, this.buffer.bytes.subarray(this.buffer.length));
    this.offsets.push(this.written + this.buffer.length);
    this.lengths.push(written);
    this.buffer.length += written;
    if (this.buffer.length > this.budget) this.flush();
  }
  private flush(): void {
    this.fd ??= openSync(this.file, 'a+');
    writeSync(this.fd, this.buffer.bytes, 0, this.buffer.length);
    this.written += this.buffer.length;
    this.buffer.length = 0;
  }
  get(index: number): Uint8Array {
    const offset = this.offsets[index] as number;
    const length = this.lengths[index] as number;
    if (!this.written) return this.buffer.bytes.subarray(offset, offset + length);
    if (this.buffer.length) this.flush();
    const out = new Uint8Array(length);
    for (let at = 0; at < length; ) at += readSync(this.fd as number, out, at, length - at, offset + at);
    return out;
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** What encodeJson gives for an array of these JSON texts, without parsing them: the same bytes. */
function jsonArray(items: readonly Uint8Array[]): Uint8Array {
  const out = new ByteWriter();
  out.byte(0x5b);
  items.forEach((item, i) => {
    if (i) out.byte(0x2c);
    out.append(item);
  });
  out.byte(0x5d);
  return withHeader(out.result());
}

const encoder = new TextEncoder();

/** Builds the index of `records` into `outDir` (replaced when complete). */
export function buildSearchIndex(records: Iterable<SearchRecord>, outDir: string, options: BuildOptions = {}): BuildStats {
  const { shards = 0, shardBytes = 24_576, cardsPerChunk = 64, textsPerChunk = 16, spillBytes = 8 * 2 ** 20, maxPhrases = MAX_PHRASES, phraseSample = SAMPLE } = options;
  const tmp = join(dirname(outDir), `.search-${process.pid}`);
  const work = `${tmp}-spill`;
  for (const dir of [tmp, work]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    return build(records, outDir, tmp, work, { shards, shardBytes, cardsPerChunk, textsPerChunk, spillBytes, maxPhrases, phraseSample });
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

function build(records: Iterable<SearchRecord>, outDir: string, tmp: string, work: string, options: Required<BuildOptions>): BuildStats {
  const { shards: shardsAsked, shardBytes, cardsPerChunk, textsPerChunk, spillBytes, maxPhrases, phraseSample } = options;
  const spill = new PostingSpill(work, spillBytes);
  const texts = new TextSpill(work, spillBytes * 4);
  const pending: Pending[] = [];
  const terms = new EntryTerms();
  const table = new TermTable();
  const sizes = new TermSizes();
  const byBucket = { order: new Int32Array(1024), counts: new Int32Array(BUCKETS) };
  let bucketOf = new Uint8Array(1024);
  let totalLength = 0;
  /** Trigrams in at least `least` of the entries read so far (phrases.ts). */
  const hotTrigrams = (least: number) => {
    const hot = new Uint8Array(table.size);
    for (let id = 0; id < table.size; id++) if (table.positioned[id] && (sizes.df[id] as number) >= least) hot[id] = 1;
    return { table, hot };
  };
  const phrases = maxPhrases ? new CommonPhrases(maxPhrases, phraseSample) : undefined;
  try {
    for (const record of records) {
      const doc = pending.length;
      const text: EntryText = { title: normalize(record.title), summary: normalize(record.summary), body: normalize(record.body) };
      const length = collect(text, terms, table);
      bucketOf = grown(bucketOf, terms.count);
      spillEntry(doc, terms, table, spill, sizes, bucketOf, byBucket);
      phrases?.add(text, hotTrigrams);
      const card: Card = { key: record.key, title: record.title, byline: record.byline, date: record.date, summary: record.summary };
      texts.add(JSON.stringify(card));
      // Well-formed as the old UTF-8 round trip made it: JSON would otherwise escape a lone surrogate.
      texts.add(JSON.stringify(record.body.toWellFormed()));
      // Copies: the record's strings may be slices of the whole file's text, which would stay in memory with them.
      const { key, cluster, date, filters } = record;
      pending.push({ record: JSON.parse(JSON.stringify({ key, cluster, date, filters })) as Pending['record'], length });
      totalLength += length;
    }
  } catch (error) {
    spill.close();
    texts.close();
    throw error;
  }
  const n = pending.length;
  // Two significant digits: editing one entry seldom changes it, and so seldom reweighs every other entry's postings.
  const averageLength = n ? Number((totalLength / n).toPrecision(2)) : 1;

  // Entry numbers: by practice (first theme), then key. order[i]: the entry (as read) numbered i.
  const order = pending.map((_, i) => i).sort((a, b) => {
    const x = (pending[a] as Pending).record;
    const y = (pending[b] as Pending).record;
    return x.cluster < y.cluster ? -1 : x.cluster > y.cluster ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
  });

  for (const folder of ['s', 'd', 't', 'f', 'b']) mkdirSync(join(tmp, folder), { recursive: true });
  let files = 1;
  let bytes = 0;
  /** Writes a file; returns its hash, which names it (after its place, for shards and chunks). */
  const write = (path: (name: string) => string, content: Uint8Array, place?: number | string): string => {
    const gz = gzipSync(content, { level: 6 });
    const hash = hashName(gz);
    writeFileSync(join(tmp, path(place === undefined ? hash : placedName(place, hash))), gz);
    files++;
    bytes += gz.length;
    return hash;
  };

  /** The document-table rows of the best entries of a shard's frequent terms (format.ts TOP_CARDS), by entry number. */
  const cardJson: Uint8Array[] = [];
  const bestCards = (terms: readonly ShardTerm[]) => {
    const docs = new Set<number>();
    // The most frequent terms first (their results are spread widest), while the rows stay within the shard's budget.
    const frequent = terms.filter((t) => t.df > TOP_CARDS).sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
    for (const t of frequent) {
      const best = topDocs(decodePostings(t.postings, t.positioned, t.df)).filter((doc) => !docs.has(doc));
      if (docs.size + best.length > CARDS_PER_SHARD) break;
      for (const doc of best) docs.add(doc);
    }
    // The same short entries lead many terms: each row is read from the spill once.
    return [...docs].sort((a, b) => a - b).map((doc) => ({ doc, json: (cardJson[doc] ??= texts.get(2 * (order[doc] as number))) }));
  };

  const shardCount = shardsAsked > 0 ? 2 ** Math.round(Math.log2(shardsAsked)) : shardsFor(n);
  const lengths = Float64Array.from(pending, (p) => p.length);
  /** The split shards' depths, as [shard, depth] pairs. */
  const splits: number[] = [];
  const writeShard = (shard: number, inShard: readonly ShardTerm[]): string[] => {
    const { depth, parts } = splitShard(inShard.map((t) => ({ ...t, size: t.postings.length + t.term.length * 3 + 8 })), shardCount, shardBytes);
    if (depth) splits.push(shard, depth);
    return parts.map((part, p) => write(paths.shard, encodeShard(part, bestCards(part)), shardPlace(shard, depth ? p : undefined)));
  };
  // The common phrases (phrases.ts) as terms: their postings in entry-number order, weighted like any term's.
  const numberOf = new Int32Array(n);
  order.forEach((old, doc) => (numberOf[old] = doc));
  const phraseTerms: ShardTerm[] = (phrases?.finish(hotTrigrams, leastEntries(n)) ?? []).map(({ phrase, postings }) => ({
    term: phrase,
    df: postings.length,
    postings: encodePostings(
      postings
        .map((p) => ({ doc: numberOf[p.entry] as number, impact: impact(p.tf, lengths[p.entry] as number, averageLength), inTitle: p.inTitle, positions: [] }))
        .sort((a, b) => a.doc - b.doc),
      false,
    ).result(),
    positioned: false,
    hash: termHash(phrase),
  }));
  let shards: string[][];
  try {
    shards = writeShards(spill, table, sizes, order, lengths, averageLength, shardCount, phraseTerms, writeShard);
  } finally {
    spill.close();
  }

  // Document table, body texts and filter values, in entry-number order.
  const sorted = order.map((old) => pending[old] as Pending);
  const chunks = <T>(size: number, row: (p: Pending, i: number) => T) =>
    Array.from({ length: Math.ceil(n / size) }, (_, c) => sorted.slice(c * size, (c + 1) * size).map((p, i) => row(p, c * size + i)));
  let cards: string[];
  let bodies: string[];
  try {
    cards = chunks(cardsPerChunk, (_, i) => texts.get(2 * (order[i] as number))).map((rows, c) => write(paths.cards, jsonArray(rows), c));
    bodies = chunks(textsPerChunk, (_, i) => texts.get(2 * (order[i] as number) + 1)).map((rows, c) => write(paths.texts, jsonArray(rows), c));
  } finally {
    texts.close();
  }
  const values: Record<string, string[]> = {};
  const columns = FILTERS.map(([name]) => {
    const list = [...new Set(sorted.flatMap((p) => p.record.filters[name]))].sort();
    const index = new Map(list.map((v, i) => [v, i]));
    values[name] = list;
    return sorted.map((p) => p.record.filters[name].map((v) => index.get(v) as number));
  });
  const browse = sorted
    .map((p, i) => ({ date: p.record.date, key: p.record.key, i }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.i);
  const manifest: StoredManifest = {
    format: FORMAT, version: VERSION, entries: n, shardCount, splits: pairsByShard(splits), shards: packNames(shards.flat()), phrases: phraseTerms.map((p) => p.term), cards: packNames(cards), cardsPerChunk, texts: packNames(bodies), textsPerChunk,
    facets: write(paths.facets, encodeFacets(columns)), browse: write(paths.browse, encodeBrowse(browse)), values,
  };
  const json = `${JSON.stringify(manifest)}\n`;
  writeFileSync(join(tmp, paths.manifest), json);
  bytes += Buffer.byteLength(json);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { entries: n, terms: table.size, shards: shardCount, files, bytes };
}
