/**
 * The search index on disk, pure and shared by the builder (Node) and the
 * engine (browser or Node). Version 4:
 *
 *   search-index/manifest.json        the only name that never changes: format, version, counts, file names
 *   search-index/s/<n>-<hash>.bin     postings, sharded by term hash: a query fetches only its terms' shards
 *                                     (<n>.<part>: a shard split so that a large term does not ride along with small ones),
 *                                     then the document-table rows of its most frequent terms' best entries
 *   search-index/d/<n>-<hash>.bin     the document table in chunks of consecutive entries (key, title, byline, date, summary)
 *   search-index/t/<n>-<hash>.bin     body text in chunks, for excerpts when the match is not in the title or summary
 *   search-index/f/<hash>.bin         filter values of every entry, column by column (for the counts beside the filters)
 *   search-index/b/<hash>.bin         the browsing order (newest first), for filters without a query
 *
 * Every .bin file is gzip (its CRC catches truncation) of a 4-byte header
 * (`CBS` + version) and its payload; names are a hash of the bytes (after
 * the place, for shards and chunks), so a file whose content did not change
 * keeps its name and its cache.
 *
 * Postings of a term: for each entry, ascending: the entry number as a
 * varint delta, one impact byte (bit 7: the term is in the title; bits 0–6:
 * its BM25F weight, 1–127), and for Han trigrams only the positions of its
 * occurrences (count, then varint deltas): unigrams, bigrams and words are
 * exact hits without them, and a phrase of four or more characters is
 * confirmed by the positions of a few trigrams, which are far rarer than the
 * bigrams they contain (委员 is in nearly every entry, 委员工 in few). Positions count code points; the
 * title starts at 0, the summary and body at TEXT_START, so a phrase's place
 * tells whether it is in the title.
 *
 * The library's common phrases of four to six characters (the names of
 * practices: 委员工作室) are terms too, without positions, listed in the
 * manifest (scripts/lib/search/phrases.ts): a query of one such phrase reads
 * its postings, not its trigrams'.
 */

export const FORMAT = 'casebook-search';
export const VERSION = 5;
export const TEXT_START = 256;
/** BM25 parameters. */
export const K1 = 1.2;
export const B = 0.75;

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

const MAGIC = [0x43, 0x42, 0x53, VERSION] as const;

/** A growable byte buffer with varint writes. */
export class ByteWriter {
  bytes = new Uint8Array(16);
  length = 0;
  private grow(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(value: number): void {
    this.grow(1);
    this.bytes[this.length++] = value;
  }
  varint(value: number): void {
    this.grow(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
  append(bytes: Uint8Array): void {
    this.grow(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; any read past the end is a format error. */
export class ByteReader {
  offset = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  byte(): number {
    if (this.offset >= this.bytes.length) throw new IndexFormatError('索引文件提前结束');
    return this.bytes[this.offset++] as number;
  }
  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new IndexFormatError('索引文件中的数字无效');
  }
  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new IndexFormatError('索引文件提前结束');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file's bytes before gzip: header, then payload. */
export function withHeader(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 4);
  out.set(MAGIC);
  out.set(payload, 4);
  return out;
}

/** The payload of a file's (gunzipped) bytes, after checking the header. */
export function payloadOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) throw new IndexFormatError('索引文件的格式或版本不对');
  return bytes.subarray(4);
}

export const encodeJson = (value: unknown): Uint8Array => withHeader(encoder.encode(JSON.stringify(value)));
export function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(payloadOf(bytes)));
  } catch (error) {
    throw error instanceof IndexFormatError ? error : new IndexFormatError('索引文件内容损坏');
  }
}

/** FNV-1a over the term's UTF-16 units: the same in Node and every browser. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A shard that holds a large term beside others is split in 2^depth parts by
 * the next bits of the term hash (as in extendible hashing), so that a query
 * for a small term does not download a large one that shares its shard.
 */
export const partOf = (hash: number, shardCount: number, depth: number): number => (depth ? Math.floor(hash / shardCount) % 2 ** depth : 0);

/** The placed name of part `part` of shard `shard` (the part only when the shard is split). */
export const shardPlace = (shard: number, part: number | undefined): string => (part === undefined ? String(shard) : `${shard}.${part}`);

/** One entry in a term's postings, as written. */
export interface PostingInput {
  doc: number;
  /** 1–127. */
  impact: number;
  inTitle: boolean;
  /** Code-point positions, ascending; kept only for Han trigrams. */
  positions: readonly number[];
}

export function encodePostings(postings: readonly PostingInput[], withPositions: boolean, out = new ByteWriter()): ByteWriter {
  let previous = -1;
  for (const p of postings) {
    out.varint(p.doc - previous - 1);
    previous = p.doc;
    out.byte((p.inTitle ? 0x80 : 0) | Math.max(1, Math.min(127, p.impact)));
    if (!withPositions) continue;
    out.varint(p.positions.length);
    let last = 0;
    for (const position of p.positions) {
      out.varint(position - last);
      last = position;
    }
  }
  return out;
}

/**
 * A term's postings as read, column by column (no object per entry): entry
 * number, flags (bit 7: in the title; bits 0–6: impact), and where the
 * entry's positions start in `bytes`; positions are decoded only when asked
 * for (only entries holding every term of a phrase need them).
 */
export interface PostingList {
  docs: Uint32Array;
  flags: Uint8Array;
  at: Uint32Array;
  bytes: Uint8Array;
  withPositions: boolean;
}

export function decodePostings(bytes: Uint8Array, withPositions: boolean, df: number): PostingList {
  const reader = new ByteReader(bytes);
  const docs = new Uint32Array(df);
  const flags = new Uint8Array(df);
  const at = new Uint32Array(df);
  let doc = -1;
  let i = 0;
  while (!reader.done) {
    if (i >= df) throw new IndexFormatError('索引文件中的条目数不对');
    doc += reader.varint() + 1;
    docs[i] = doc;
    flags[i] = reader.byte();
    at[i] = reader.offset;
    // Skips the positions: a count, then that many varints (each ends with a byte below 0x80).
    if (withPositions) for (let n = reader.varint(); n > 0; n--) while (reader.byte() >= 0x80);
    i++;
  }
  if (i !== df) throw new IndexFormatError('索引文件中的条目数不对');
  return { docs, flags, at, bytes, withPositions };
}

/** The code-point positions (ascending) of the i-th entry of a list; empty for terms stored without them. */
export function positionsOf(list: PostingList, i: number): number[] {
  if (!list.withPositions) return [];
  const reader = new ByteReader(list.bytes);
  reader.offset = list.at[i] as number;
  const out: number[] = [];
  let position = 0;
  for (let n = reader.varint(); n > 0; n--) out.push((position += reader.varint()));
  return out;
}

/** Index of an entry in a list (its entry numbers ascend), or -1. */
export function indexOfDoc(list: PostingList, doc: number): number {
  let lo = 0;
  let hi = list.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list.docs[mid] as number;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Results on a page of the search page. */
export const PAGE_SIZE = 20;
/**
 * How many of a frequent term's best entries have their document-table rows
 * in the term's shard: a page, so that a query of one such term (县, 协商,
 * 社情民意 are one or a few) shows its first page from the shard, with no
 * document-table chunk to fetch.
 */
export const TOP_CARDS = PAGE_SIZE;
/**
 * At most this many rows in a shard: those of its most frequent terms. In a
 * small library a shard holds dozens of frequent terms, whose best entries
 * would be most of the library.
 */
export const CARDS_PER_SHARD = 3 * TOP_CARDS;

/**
 * The entries a one-term query ranks first (engine.ts compareHits): in the
 * title first, then by impact, then by entry number; the flags byte orders
 * the first two. At most `k`, best first.
 */
export function topDocs(list: PostingList, k = TOP_CARDS): number[] {
  const histogram = new Uint32Array(256);
  for (const flag of list.flags) histogram[flag] = (histogram[flag] as number) + 1;
  // The lowest flags value that still makes the top k; of that value, only the first entries.
  let threshold = 255;
  let above = 0;
  while (threshold > 0 && above + (histogram[threshold] as number) < k) above += histogram[threshold--] as number;
  let room = k - above;
  const chosen: { doc: number; flag: number }[] = [];
  for (let i = 0; i < list.docs.length; i++) {
    const flag = list.flags[i] as number;
    if (flag > threshold || (flag === threshold && room-- > 0)) chosen.push({ doc: list.docs[i] as number, flag });
  }
  return chosen.sort((a, b) => b.flag - a.flag || a.doc - b.doc).slice(0, k).map((c) => c.doc);
}

/** What a shard holds: terms with their document frequency and encoded postings, and the document-table rows of its frequent terms' best entries. */
export interface Shard {
  terms: Map<string, { df: number; postings: Uint8Array }>;
  cards: Map<number, unknown>;
}

/** A shard: terms in code-unit order, each with its document frequency and encoded postings; then rows of the document table (entry number, JSON as UTF-8), by entry number. */
export function encodeShard(terms: readonly { term: string; df: number; postings: Uint8Array }[], cards: readonly { doc: number; json: Uint8Array }[] = []): Uint8Array {
  const out = new ByteWriter();
  out.varint(terms.length);
  for (const { term, df, postings } of terms) {
    const name = encoder.encode(term);
    out.varint(name.length);
    out.append(name);
    out.varint(df);
    out.varint(postings.length);
    out.append(postings);
  }
  out.varint(cards.length);
  let previous = -1;
  for (const { doc, json } of cards) {
    out.varint(doc - previous - 1);
    previous = doc;
    out.varint(json.length);
    out.append(json);
  }
  return withHeader(out.result());
}

export function decodeShard(bytes: Uint8Array): Shard {
  const reader = new ByteReader(payloadOf(bytes));
  const text = (length: number): string => {
    try {
      return decoder.decode(reader.take(length));
    } catch (error) {
      throw error instanceof IndexFormatError ? error : new IndexFormatError('索引文件内容损坏');
    }
  };
  const terms = new Map<string, { df: number; postings: Uint8Array }>();
  for (let n = reader.varint(); n > 0; n--) {
    const term = text(reader.varint());
    const df = reader.varint();
    terms.set(term, { df, postings: reader.take(reader.varint()) });
  }
  const cards = new Map<number, unknown>();
  let doc = -1;
  for (let n = reader.varint(); n > 0; n--) {
    doc += reader.varint() + 1;
    try {
      cards.set(doc, JSON.parse(text(reader.varint())));
    } catch (error) {
      throw error instanceof IndexFormatError ? error : new IndexFormatError('索引文件内容损坏');
    }
  }
  if (!reader.done) throw new IndexFormatError('索引文件末尾有多余的数据');
  return { terms, cards };
}

/**
 * The BM25F weight of a term in an entry, as stored (1–127): `tf` is the
 * field-weighted term frequency, `length` the entry's field-weighted length.
 */
export function impact(tf: number, length: number, averageLength: number): number {
  const saturated = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
  return Math.max(1, Math.min(127, Math.round((saturated / (K1 + 1)) * 127)));
}

/** A row of the document table. */
export interface Card {
  key: string;
  title: string;
  byline: string;
  date: string;
  summary: string;
}

/** One filter's values of every entry: entry n has `values[start[n]]` up to (not including) `values[start[n + 1]]`, indexes into the manifest's list. */
export interface FilterColumn {
  start: Uint32Array;
  values: Uint32Array;
}

/**
 * The filter values of every entry, column by column in the manifest's
 * filter order: per entry a count, then its value indexes (varints). What
 * the counts beside the filters are computed from, a few bytes per entry.
 */
export function encodeFacets(columns: readonly (readonly (readonly number[])[])[]): Uint8Array {
  const out = new ByteWriter();
  for (const column of columns) {
    for (const values of column) {
      out.varint(values.length);
      for (const v of values) out.varint(v);
    }
  }
  return withHeader(out.result());
}

export function decodeFacets(bytes: Uint8Array, names: readonly string[], entries: number, valueCounts: readonly number[]): Record<string, FilterColumn> {
  const reader = new ByteReader(payloadOf(bytes));
  const out: Record<string, FilterColumn> = {};
  names.forEach((name, f) => {
    const start = new Uint32Array(entries + 1);
    const values: number[] = [];
    for (let doc = 0; doc < entries; doc++) {
      start[doc] = values.length;
      for (let k = reader.varint(); k > 0; k--) {
        const v = reader.varint();
        if (v >= (valueCounts[f] as number)) throw new IndexFormatError('搜索索引的筛选数据不完整');
        values.push(v);
      }
    }
    start[entries] = values.length;
    out[name] = { start, values: Uint32Array.from(values) };
  });
  if (!reader.done) throw new IndexFormatError('索引文件末尾有多余的数据');
  return out;
}

/** The browsing order (entry numbers, newest first): varints. */
export function encodeBrowse(order: readonly number[]): Uint8Array {
  const out = new ByteWriter();
  for (const doc of order) out.varint(doc);
  return withHeader(out.result());
}

export function decodeBrowse(bytes: Uint8Array, entries: number): number[] {
  const reader = new ByteReader(payloadOf(bytes));
  const order: number[] = [];
  while (!reader.done) order.push(reader.varint());
  if (order.length !== entries || order.some((d) => d >= entries)) throw new IndexFormatError('搜索索引的浏览顺序不完整');
  return order;
}

/**
 * Hex digits of a file's SHA-256 in its name (32 bits: a cache key, not a
 * signature). A shard's or chunk's name also holds its place (`s/17-<hash>`),
 * so two names can only meet between versions of the same file, and the
 * manifest, which lists thousands of them, stores the hashes alone.
 */
export const NAME_LENGTH = 8;

/** The file name of the shard or chunk at `place` whose content hashes to `hash`. */
export const placedName = (place: number | string, hash: string): string => `${place}-${hash}`;

export interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  entries: number;
  /** Terms are sharded by their hash modulo this (a power of two). */
  shardCount: number;
  /** The split shards and their depths, as [shard, depth] pairs by shard (see partOf). */
  splits: number[];
  /**
   * The hashes of the shard files, by shard and part, run together (no quotes, commas or places: thousands of
   * them); a name is made only for the files a query asks for (shardFileOf).
   */
  shards: string;
  /** Document table chunks' hashes, run together: entry n is row n % cardsPerChunk of chunk ⌊n / cardsPerChunk⌋. */
  cards: string;
  cardsPerChunk: number;
  texts: string;
  textsPerChunk: number;
  /** Phrases (four or more Han characters) indexed as terms of their own, without positions. */
  phrases: ReadonlySet<string>;
  /** The filter columns (encodeFacets) and the browsing order (encodeBrowse). */
  facets: string;
  browse: string;
  /** For each filter, its values in the order facets index them. */
  values: Record<string, string[]>;
}

/** The manifest as written. */
export type StoredManifest = Omit<Manifest, 'phrases'> & { phrases: string[] };

/** The hash of the i-th file of a packed list. */
const hashAt = (packed: string, i: number): string => packed.slice(i * NAME_LENGTH, (i + 1) * NAME_LENGTH);

/** The name of chunk `chunk` of a packed list of chunk hashes, or undefined past its end. */
export const chunkName = (packed: string, chunk: number): string | undefined =>
  Number.isInteger(chunk) && chunk >= 0 && (chunk + 1) * NAME_LENGTH <= packed.length ? placedName(chunk, hashAt(packed, chunk)) : undefined;

/** How many shard files: one per shard, 2^depth for a split one. */
const shardFiles = (shardCount: number, splits: readonly number[]): number => {
  let files = shardCount;
  for (let i = 0; i + 1 < splits.length; i += 2) files += 2 ** (splits[i + 1] as number) - 1;
  return files;
};

/** The name of the shard file holding a term. */
export function shardFileOf(m: Manifest, term: string): string {
  const hash = termHash(term);
  const shard = hash % m.shardCount;
  let file = shard;
  let depth = 0;
  // Each split shard before this one adds 2^depth − 1 files.
  for (let i = 0; i + 1 < m.splits.length; i += 2) {
    const s = m.splits[i] as number;
    if (s < shard) file += 2 ** (m.splits[i + 1] as number) - 1;
    else if (s === shard) depth = m.splits[i + 1] as number;
  }
  const part = partOf(hash, m.shardCount, depth);
  return placedName(shardPlace(shard, depth ? part : undefined), hashAt(m.shards, file + part));
}

export const packNames = (hashes: readonly string[]): string => hashes.join('');

const NAME = new RegExp(`^[0-9a-f]{${NAME_LENGTH}}$`);
const isName = (v: unknown): v is string => typeof v === 'string' && NAME.test(v);
/** Packed hashes of `count` files. */
const isPacked = (v: unknown, count: number): v is string => typeof v === 'string' && v.length === count * NAME_LENGTH && /^[0-9a-f]*$/.test(v);
/** [shard, depth] pairs, shards ascending and below the count, depths 1–16. */
const isSplits = (v: unknown, shardCount: number): v is number[] =>
  Array.isArray(v) && v.length % 2 === 0 &&
  v.every((x, i) => Number.isInteger(x) && (i % 2 ? x >= 1 && x <= 16 : x >= 0 && x < shardCount && (i === 0 || x > (v[i - 2] as number))));
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * The manifest, checked: an old or unknown format is an error, not a guess. Names are not unpacked (at 30,000
 * entries that was thousands of strings and tens of milliseconds on a phone, before the first shard could be asked for).
 */
export function parseManifest(value: unknown): Manifest {
  const m = value as Partial<StoredManifest> | null;
  if (!m || m.format !== FORMAT) throw new IndexFormatError('不是案例库的搜索索引');
  if (m.version !== VERSION) throw new IndexFormatError(`搜索索引的版本是 ${String(m.version)}，网页需要版本 ${VERSION}`);
  const { shardCount, entries, cardsPerChunk, textsPerChunk } = m;
  const ok =
    isCount(shardCount) && shardCount > 0 && (shardCount & (shardCount - 1)) === 0 && isSplits(m.splits, shardCount) &&
    isPacked(m.shards, shardFiles(shardCount, m.splits)) &&
    isCount(entries) && isCount(cardsPerChunk) && cardsPerChunk > 0 && isCount(textsPerChunk) && textsPerChunk > 0 &&
    isPacked(m.cards, Math.ceil(entries / cardsPerChunk)) && isPacked(m.texts, Math.ceil(entries / textsPerChunk)) &&
    isName(m.facets) && isName(m.browse) &&
    typeof m.values === 'object' && m.values !== null && Object.values(m.values).every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string')) &&
    Array.isArray(m.phrases) && m.phrases.every((p) => typeof p === 'string' && [...p].length >= 4);
  if (!ok) throw new IndexFormatError('搜索索引的清单不完整');
  return { ...(m as StoredManifest), phrases: new Set(m.phrases) };
}

/**
 * The search page carries the manifest in `<script type="application/json" id="search-manifest">`, filled
 * in when the index is built beside the pages (scripts/lib/search/embed.ts): a first query then asks
 * for its shards at once instead of waiting for manifest.json first. Empty, the engine fetches the file.
 */
export const MANIFEST_ELEMENT_ID = 'search-manifest';

/** The manifest as that element's text: JSON with every `<` written `\u003c`, so that no value can close the element. */
export function manifestElementText(manifestJson: string): string {
  return JSON.stringify(JSON.parse(manifestJson)).replace(/</g, '\\u003c');
}

/** Where each file lives, relative to the index folder. */
export const paths = {
  manifest: 'manifest.json',
  shard: (name: string) => `s/${name}.bin`,
  cards: (name: string) => `d/${name}.bin`,
  texts: (name: string) => `t/${name}.bin`,
  facets: (name: string) => `f/${name}.bin`,
  browse: (name: string) => `b/${name}.bin`,
};

/**
 * Gunzip with the platform's DecompressionStream (browsers and Node alike); corrupt or truncated data rejects.
 * The bytes are written straight into it: a Blob's stream is read back through the browser process, a round
 * trip per file between a shard's arrival and its terms.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new DecompressionStream('gzip');
  const writer = writable.getWriter();
  // A failure shows on the reading side too; these rejections would only repeat it.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = readable.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
      length += next.value.length;
    }
  } catch {
    throw new IndexFormatError('索引文件已损坏（解压失败）');
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
