/**
 * Writes the search index (format: src/lib/search/format.ts) from search
 * records, streaming: each record is tokenized once and only its postings
 * stay in memory (growable byte buffers per term), with its document-table
 * row and body text. At the end entries are numbered (by practice, then key:
 * entries on one practice sit together, so a page of results touches few
 * document-table chunks), postings are re-encoded with their BM25F weights,
 * and the files are written to a temporary folder that replaces the old
 * index only when complete. The same records give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIELD_WEIGHTS, FILTERS, type SearchRecord } from '../../../src/lib/search/record.ts';
import {
  ByteReader, ByteWriter, decodePostings, encodeBrowse, encodeFacets, encodeJson, encodeShard, FORMAT, impact, NAME_LENGTH, packNames, paths, placedName, shardPlace, TEXT_START, TOP_CARDS, topDocs, VERSION, CARDS_PER_SHARD,
  type Card, type StoredManifest,
} from '../../../src/lib/search/format.ts';
import { isTrigram, normalize, scan } from '../../../src/lib/search/tokenize.ts';
import { BUCKETS, PostingSpill } from './spill.ts';
import { splitShard } from './split.ts';

export interface BuildOptions {
  /** Raw postings bytes per shard to aim for (before gzip). */
  shardBytes?: number;
  cardsPerChunk?: number;
  textsPerChunk?: number;
  /** Bytes of postings held in memory before they are appended to temporary files. */
  spillBytes?: number;
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

/**
 * Han terms as numbers while building (no string per occurrence): each
 * distinct Han character gets an id below 2¹⁵; a unigram's key is its id, a
 * bigram's 2¹⁵ + a·2¹⁵ + b, a trigram's TRI + (a·2¹⁵ + b)·2¹⁵ + c (below
 * 2⁵³, exact). Characters beyond the first 2¹⁵ distinct ones (no real library
 * has them) use string keys.
 */
const SPAN = 0x8000;
const TRI = SPAN + SPAN * SPAN;
class HanIds {
  private readonly ids = new Map<number, number>();
  private readonly chars: number[] = [];
  id(cp: number): number {
    let id = this.ids.get(cp);
    if (id === undefined) {
      id = this.chars.length;
      this.ids.set(cp, id);
      this.chars.push(cp);
    }
    return id;
  }
  unigram(id: number, cp: number): number | string {
    return id < SPAN ? id : String.fromCodePoint(cp);
  }
  bigram(a: number, b: number, cpA: number, cpB: number): number | string {
    return a < SPAN && b < SPAN ? SPAN + a * SPAN + b : String.fromCodePoint(cpA, cpB);
  }
  trigram(a: number, b: number, c: number, cpA: number, cpB: number, cpC: number): number | string {
    return a < SPAN && b < SPAN && c < SPAN ? TRI + (a * SPAN + b) * SPAN + c : String.fromCodePoint(cpA, cpB, cpC);
  }
  text(key: number | string): string {
    if (typeof key === 'string') return key;
    if (key < SPAN) return String.fromCodePoint(this.chars[key] as number);
    if (key >= TRI) {
      const k = key - TRI;
      const ab = Math.floor(k / SPAN);
      return String.fromCodePoint(this.chars[Math.floor(ab / SPAN)] as number, this.chars[ab % SPAN] as number, this.chars[k % SPAN] as number);
    }
    const k = key - SPAN;
    return String.fromCodePoint(this.chars[Math.floor(k / SPAN)] as number, this.chars[k % SPAN] as number);
  }
}

/** Whether a build-time key is a Han trigram (whose positions are kept). */
const keyIsTrigram = (key: number | string): boolean => (typeof key === 'number' ? key >= TRI : isTrigram(key));

/** One entry's terms: weighted frequency, whether in the title, positions (trigrams only); reused from entry to entry. */
class EntryTerms {
  readonly slots = new Map<number | string, number>();
  keys: (number | string)[] = [];
  tf: number[] = [];
  title: boolean[] = [];
  positions: number[][] = [];
  clear(): void {
    this.slots.clear();
    this.keys.length = 0;
  }
  add(key: number | string, position: number, weight: number, inTitle: boolean): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.slots.set(key, slot);
      this.keys.push(key);
      this.tf[slot] = 0;
      this.title[slot] = false;
      if (this.positions[slot]) (this.positions[slot] as number[]).length = 0;
      else this.positions[slot] = [];
    }
    this.tf[slot] = (this.tf[slot] as number) + weight;
    if (inTitle) this.title[slot] = true;
    if (keyIsTrigram(key)) (this.positions[slot] as number[]).push(position);
  }
}

/** Tokenizes one record into `terms`; returns its field-weighted length. */
function collect(record: SearchRecord, terms: EntryTerms, han: HanIds): number {
  terms.clear();
  const title = normalize(record.title);
  const summary = normalize(record.summary);
  let titleLength = 0;
  // The Han character before the previous one in the same run (its code point and id), or -1.
  let previousId = -1;
  let beforeCp = -1;
  let beforeId = -1;
  scan(
    title,
    (cp, previous, position) => {
      titleLength = position + 1;
      const id = han.id(cp);
      if (previous < 0) beforeCp = -1;
      if (position < TEXT_START - 1) {
        terms.add(han.unigram(id, cp), position, FIELD_WEIGHTS.title, true);
        if (previous >= 0) terms.add(han.bigram(previousId, id, previous, cp), position - 1, FIELD_WEIGHTS.title, true);
        if (beforeCp >= 0) terms.add(han.trigram(beforeId, previousId, id, beforeCp, previous, cp), position - 2, FIELD_WEIGHTS.title, true);
      }
      beforeCp = previous;
      beforeId = previousId;
      previousId = id;
    },
    (word, position) => {
      titleLength = position + word.length;
      terms.add(word, position, FIELD_WEIGHTS.title, true);
    },
  );
  // Summary and body with a line break between them, so no bigram joins the two.
  beforeCp = -1;
  const summaryLength = [...summary].length;
  let textLength = 0;
  scan(
    `${summary}\n${normalize(record.body)}`,
    (cp, previous, position) => {
      const weight = position < summaryLength ? FIELD_WEIGHTS.summary : FIELD_WEIGHTS.body;
      const id = han.id(cp);
      if (previous < 0) beforeCp = -1;
      terms.add(han.unigram(id, cp), TEXT_START + position, weight, false);
      if (previous >= 0) terms.add(han.bigram(previousId, id, previous, cp), TEXT_START + position - 1, weight, false);
      if (beforeCp >= 0) terms.add(han.trigram(beforeId, previousId, id, beforeCp, previous, cp), TEXT_START + position - 2, weight, false);
      beforeCp = previous;
      beforeId = previousId;
      previousId = id;
      textLength = position;
    },
    (word, position) => {
      terms.add(word, TEXT_START + position, position < summaryLength ? FIELD_WEIGHTS.summary : FIELD_WEIGHTS.body, false);
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

/**
 * One term's build-time records (spill.ts: term id, old entry number,
 * weighted frequency, title flag, absolute positions) as stored: renumbered,
 * in entry order, weighted.
 */
function renumber(bytes: Uint8Array, starts: readonly number[], positioned: boolean, number: Int32Array, lengthOf: (old: number) => number, averageLength: number): { df: number; postings: Uint8Array } {
  const reader = new ByteReader(bytes);
  const order = new Float64Array(starts.length);
  starts.forEach((start, i) => {
    reader.offset = start;
    reader.varint();
    order[i] = (number[reader.varint()] as number) * 2 ** 21 + i;
  });
  order.sort();
  const out = new ByteWriter();
  let previous = -1;
  for (const key of order) {
    const doc = Math.floor(key / 2 ** 21);
    reader.offset = starts[key % 2 ** 21] as number;
    reader.varint();
    const old = reader.varint();
    const tf = reader.varint();
    const inTitle = reader.byte() === 1;
    out.varint(doc - previous - 1);
    previous = doc;
    out.byte((inTitle ? 0x80 : 0) | impact(tf, lengthOf(old), averageLength));
    if (!positioned) continue;
    const count = reader.varint();
    out.varint(count);
    let last = 0;
    for (let k = 0; k < count; k++) {
      const position = reader.varint();
      out.varint(position - last);
      last = position;
    }
  }
  return { df: order.length, postings: out.result() };
}

/** Texts (each entry's card as JSON, and its body), appended to a temporary file as they stream by and read back by number. */
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
  add(text: string): void {
    const bytes = encoder.encode(text);
    this.offsets.push(this.written + this.buffer.length);
    this.lengths.push(bytes.length);
    this.buffer.append(bytes);
    if (this.buffer.length > this.budget) this.flush();
  }
  private flush(): void {
    appendFileSync(this.file, this.buffer.bytes.subarray(0, this.buffer.length));
    this.written += this.buffer.length;
    this.buffer.length = 0;
  }
  get(index: number): string {
    if (this.fd === undefined) {
      this.flush();
      this.fd = openSync(this.file, 'r');
    }
    const out = Buffer.alloc(this.lengths[index] as number);
    readSync(this.fd, out, 0, out.length, this.offsets[index] as number);
    return out.toString('utf8');
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}

const encoder = new TextEncoder();

/** Builds the index of `records` into `outDir` (replaced when complete). */
export function buildSearchIndex(records: Iterable<SearchRecord>, outDir: string, options: BuildOptions = {}): BuildStats {
  const { shardBytes = 24_576, cardsPerChunk = 64, textsPerChunk = 16, spillBytes = 8 * 2 ** 20 } = options;
  const tmp = join(dirname(outDir), `.search-${process.pid}`);
  const work = `${tmp}-spill`;
  for (const dir of [tmp, work]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    return build(records, outDir, tmp, work, { shardBytes, cardsPerChunk, textsPerChunk, spillBytes });
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

function build(records: Iterable<SearchRecord>, outDir: string, tmp: string, work: string, options: Required<BuildOptions>): BuildStats {
  const { shardBytes, cardsPerChunk, textsPerChunk, spillBytes } = options;
  const spill = new PostingSpill(work, spillBytes);
  const texts = new TextSpill(work, spillBytes / 4);
  const pending: Pending[] = [];
  const terms = new EntryTerms();
  const han = new HanIds();
  let totalLength = 0;
  for (const record of records) {
    const doc = pending.length;
    const length = collect(record, terms, han);
    terms.keys.forEach((key, slot) => {
      const positioned = keyIsTrigram(key);
      const id = spill.id(key, () => han.text(key), positioned);
      spill.add(id, doc, terms.tf[slot] as number, terms.title[slot] as boolean, positioned ? (terms.positions[slot] as number[]) : []);
    });
    const card: Card = { key: record.key, title: record.title, byline: record.byline, date: record.date, summary: record.summary };
    texts.add(JSON.stringify(card));
    texts.add(record.body);
    // Copies: the record's strings may be slices of the whole file's text, which would stay in memory with them.
    const { key, cluster, date, filters } = record;
    pending.push({ record: JSON.parse(JSON.stringify({ key, cluster, date, filters })) as Pending['record'], length });
    totalLength += length;
  }
  const n = pending.length;
  // Two significant digits: editing one entry seldom changes it, and so seldom reweighs every other entry's postings.
  const averageLength = n ? Number((totalLength / n).toPrecision(2)) : 1;

  // Entry numbers: by practice (first theme), then key. (Shorter first within a practice was measured too: no better over 30 queries at 10,000 entries.)
  const order = pending.map((_, i) => i).sort((a, b) => {
    const x = (pending[a] as Pending).record;
    const y = (pending[b] as Pending).record;
    return x.cluster < y.cluster ? -1 : x.cluster > y.cluster ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
  });
  const number = new Int32Array(n);
  order.forEach((old, i) => (number[old] = i));

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
  const cardJson: string[] = [];
  const bestCards = (terms: readonly { term: string; df: number; postings: Uint8Array; positioned: boolean }[]) => {
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

  // Postings: read back a bucket (or a group of buckets) at a time, renumber, weigh, encode; shard by term hash.
  const shardCount = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, spill.raw / shardBytes))));
  /** Per shard, the hashes of its file or of its parts' files; and the split shards' depths. */
  const shards: string[][] = new Array(shardCount);
  const splits: number[] = [];
  const groups = shardCount >= BUCKETS
    ? Array.from({ length: BUCKETS }, (_, b) => [b])
    : Array.from({ length: shardCount }, (_, s) => Array.from({ length: BUCKETS / shardCount }, (_, k) => s + k * shardCount));
  for (const group of groups) {
    const { bytes: data, terms: byTerm } = spill.read(group);
    const byShard = new Map<number, number[]>();
    for (const id of byTerm.keys()) {
      const s = (spill.hashes[id] as number) % shardCount;
      let list = byShard.get(s);
      if (!list) byShard.set(s, (list = []));
      list.push(id);
    }
    const inGroup = shardCount >= BUCKETS ? Array.from({ length: shardCount / BUCKETS }, (_, k) => (group[0] as number) + k * BUCKETS) : [group[0] as number];
    for (const s of inGroup) {
      const ids = (byShard.get(s) ?? []).sort((a, b) => ((spill.texts[a] as string) < (spill.texts[b] as string) ? -1 : 1));
      const encoded = ids.map((id) => ({
        term: spill.texts[id] as string,
        positioned: spill.positioned[id] as boolean,
        ...renumber(data, byTerm.get(id) as number[], spill.positioned[id] as boolean, number, (old) => (pending[old] as Pending).length, averageLength),
      }));
      const { depth, parts } = splitShard(
        encoded.map((term, i) => ({ ...term, hash: spill.hashes[ids[i] as number] as number, size: term.postings.length + term.term.length * 3 + 8 })),
        shardCount,
        shardBytes,
      );
      if (depth) splits.push(s, depth);
      shards[s] = parts.map((part, p) => write(paths.shard, encodeShard(part, bestCards(part)), shardPlace(s, depth ? p : undefined)));
    }
  }

  // Document table, body texts and filter values, in entry-number order.
  const sorted = order.map((old) => pending[old] as Pending);
  const chunks = <T>(size: number, row: (p: Pending, i: number) => T) =>
    Array.from({ length: Math.ceil(n / size) }, (_, c) => sorted.slice(c * size, (c + 1) * size).map((p, i) => row(p, c * size + i)));
  const cards = chunks(cardsPerChunk, (_, i) => JSON.parse(texts.get(2 * (order[i] as number))) as Card).map((rows, c) => write(paths.cards, encodeJson(rows), c));
  const bodies = chunks(textsPerChunk, (_, i) => texts.get(2 * (order[i] as number) + 1)).map((rows, c) => write(paths.texts, encodeJson(rows), c));
  texts.close();
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
    format: FORMAT, version: VERSION, entries: n, shardCount, splits: pairsByShard(splits), shards: packNames(shards.flat()), cards: packNames(cards), cardsPerChunk, texts: packNames(bodies), textsPerChunk,
    facets: write(paths.facets, encodeFacets(columns)), browse: write(paths.browse, encodeBrowse(browse)), values,
  };
  const json = `${JSON.stringify(manifest)}\n`;
  writeFileSync(join(tmp, paths.manifest), json);
  bytes += Buffer.byteLength(json);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { entries: n, terms: spill.texts.length, shards: shardCount, files, bytes };
}
