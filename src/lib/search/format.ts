/**
 * The search index on disk, pure and shared by the builder (Node) and the
 * engine (browser or Node). Version 1:
 *
 *   search-index/manifest.json        the only name that never changes: format, version, counts, file names
 *   search-index/s/<hash>.bin         postings, sharded by term hash: a query fetches only its terms' shards
 *   search-index/d/<hash>.bin         the document table in chunks of consecutive entries (key, title, byline, date, summary)
 *   search-index/t/<hash>.bin         body text in chunks, for excerpts when the match is not in the title or summary
 *   search-index/f/<hash>.bin         filter values of every entry, and the browsing order (newest first)
 *
 * Every .bin file is gzip (its CRC catches truncation) of a 4-byte header
 * (`CBS` + version) and its payload; names are a hash of the bytes, so a file
 * whose content did not change keeps its name and its cache.
 *
 * Postings of a term: for each entry, ascending: the entry number as a
 * varint delta, one impact byte (bit 7: the term is in the title; bits 0–6:
 * its BM25F weight, 1–127), and for Han bigrams the positions of its
 * occurrences (count, then varint deltas). Positions count code points; the
 * title starts at 0, the summary and body at TEXT_START, so a phrase's place
 * tells whether it is in the title.
 */

export const FORMAT = 'casebook-search';
export const VERSION = 1;
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

export const shardOf = (term: string, shards: number): number => termHash(term) % shards;

/** One entry in a term's postings. */
export interface Posting {
  doc: number;
  /** 1–127. */
  impact: number;
  inTitle: boolean;
  /** Code-point positions, ascending; kept only for Han bigrams. */
  positions: number[];
}

export function encodePostings(postings: readonly Posting[], withPositions: boolean, out = new ByteWriter()): ByteWriter {
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

export function decodePostings(bytes: Uint8Array, withPositions: boolean): Posting[] {
  const reader = new ByteReader(bytes);
  const out: Posting[] = [];
  let doc = -1;
  while (!reader.done) {
    doc += reader.varint() + 1;
    const flags = reader.byte();
    const positions: number[] = [];
    if (withPositions) {
      let position = 0;
      for (let n = reader.varint(); n > 0; n--) positions.push((position += reader.varint()));
    }
    out.push({ doc, impact: flags & 0x7f, inTitle: (flags & 0x80) !== 0, positions });
  }
  return out;
}

/** A shard: terms in code-unit order, each with its document frequency and encoded postings. */
export function encodeShard(terms: readonly { term: string; df: number; postings: Uint8Array }[]): Uint8Array {
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
  return withHeader(out.result());
}

export function decodeShard(bytes: Uint8Array): Map<string, { df: number; postings: Uint8Array }> {
  const reader = new ByteReader(payloadOf(bytes));
  const terms = new Map<string, { df: number; postings: Uint8Array }>();
  for (let n = reader.varint(); n > 0; n--) {
    let term: string;
    try {
      term = decoder.decode(reader.take(reader.varint()));
    } catch (error) {
      throw error instanceof IndexFormatError ? error : new IndexFormatError('索引文件内容损坏');
    }
    const df = reader.varint();
    terms.set(term, { df, postings: reader.take(reader.varint()) });
  }
  if (!reader.done) throw new IndexFormatError('索引文件末尾有多余的数据');
  return terms;
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

/** Filter values of every entry, as indexes into the manifest's value lists; and the browsing order. */
export interface Facets {
  /** For each filter, for each entry, the indexes of its values. */
  values: Record<string, number[][]>;
  /** Entry numbers, newest first. */
  browse: number[];
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  entries: number;
  /** One name per shard, in shard order. */
  shards: string[];
  /** Document table chunks: entry n is row n % cardsPerChunk of chunk ⌊n / cardsPerChunk⌋. */
  cards: string[];
  cardsPerChunk: number;
  texts: string[];
  textsPerChunk: number;
  facets: string;
  /** For each filter, its values in the order facets index them. */
  values: Record<string, string[]>;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && /^[0-9a-f]{16}$/.test(s));
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The manifest, checked: an old or unknown format is an error, not a guess. */
export function parseManifest(value: unknown): Manifest {
  const m = value as Partial<Manifest> | null;
  if (!m || m.format !== FORMAT) throw new IndexFormatError('不是案例库的搜索索引');
  if (m.version !== VERSION) throw new IndexFormatError(`搜索索引的版本是 ${String(m.version)}，网页需要版本 ${VERSION}`);
  const ok =
    isCount(m.entries) && isStrings(m.shards) && m.shards.length > 0 && isStrings(m.cards) && isStrings(m.texts) &&
    isCount(m.cardsPerChunk) && m.cardsPerChunk > 0 && isCount(m.textsPerChunk) && m.textsPerChunk > 0 &&
    typeof m.facets === 'string' && /^[0-9a-f]{16}$/.test(m.facets) &&
    m.cards.length === Math.ceil(m.entries / m.cardsPerChunk) && m.texts.length === Math.ceil(m.entries / m.textsPerChunk) &&
    typeof m.values === 'object' && m.values !== null && Object.values(m.values).every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'));
  if (!ok) throw new IndexFormatError('搜索索引的清单不完整');
  return m as Manifest;
}

/** Where each file lives, relative to the index folder. */
export const paths = {
  manifest: 'manifest.json',
  shard: (name: string) => `s/${name}.bin`,
  cards: (name: string) => `d/${name}.bin`,
  texts: (name: string) => `t/${name}.bin`,
  facets: (name: string) => `f/${name}.bin`,
};

/** Gunzip with the platform's DecompressionStream (browsers and Node alike); corrupt data rejects. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new IndexFormatError('索引文件已损坏（解压失败）');
  }
}
