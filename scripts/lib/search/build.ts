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
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIELD_WEIGHTS, FILTERS, type SearchRecord } from '../../../src/lib/search/record.ts';
import {
  ByteReader, ByteWriter, encodeJson, encodePostings, encodeShard, FORMAT, impact, paths, shardOf, TEXT_START, VERSION,
  type Card, type Facets, type Manifest, type Posting,
} from '../../../src/lib/search/format.ts';
import { isBigram, normalize, tokens } from '../../../src/lib/search/tokenize.ts';

export interface BuildOptions {
  /** Raw postings bytes per shard to aim for (before gzip). */
  shardBytes?: number;
  cardsPerChunk?: number;
  textsPerChunk?: number;
}

export interface BuildStats {
  entries: number;
  terms: number;
  shards: number;
  files: number;
  bytes: number;
}

interface Pending {
  record: Omit<SearchRecord, 'body'>;
  body: string;
  length: number;
}

/** Tokenize one record: per term, its weighted frequency, whether it is in the title, and its positions. */
function termsOf(record: SearchRecord): { terms: Map<string, { tf: number; inTitle: boolean; positions: number[] }>; length: number } {
  const terms = new Map<string, { tf: number; inTitle: boolean; positions: number[] }>();
  const title = normalize(record.title);
  const summary = normalize(record.summary);
  const summaryLength = [...summary].length;
  const add = (term: string, position: number, weight: number, inTitle: boolean) => {
    let t = terms.get(term);
    if (!t) terms.set(term, (t = { tf: 0, inTitle: false, positions: [] }));
    t.tf += weight;
    t.inTitle ||= inTitle;
    if (isBigram(term)) t.positions.push(position);
  };
  for (const { term, position } of tokens(title)) if (position < TEXT_START - 1) add(term, position, FIELD_WEIGHTS.title, true);
  // Summary and body with a line break between them, so no bigram joins the two.
  for (const { term, position } of tokens(`${summary}\n${normalize(record.body)}`)) {
    add(term, TEXT_START + position, position < summaryLength ? FIELD_WEIGHTS.summary : FIELD_WEIGHTS.body, false);
  }
  for (const t of terms.values()) t.positions.sort((a, b) => a - b);
  const length = FIELD_WEIGHTS.title * [...title].length + FIELD_WEIGHTS.summary * summaryLength + FIELD_WEIGHTS.body * record.body.length;
  return { terms, length };
}

const hashName = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Builds the index of `records` into `outDir` (replaced when complete). */
export function buildSearchIndex(records: Iterable<SearchRecord>, outDir: string, options: BuildOptions = {}): BuildStats {
  const { shardBytes = 24_576, cardsPerChunk = 32, textsPerChunk = 16 } = options;
  const postings = new Map<string, ByteWriter>();
  const pending: Pending[] = [];
  let totalLength = 0;
  for (const record of records) {
    const doc = pending.length;
    const { terms, length } = termsOf(record);
    for (const [term, t] of terms) {
      let out = postings.get(term);
      if (!out) postings.set(term, (out = new ByteWriter()));
      out.varint(doc);
      out.varint(t.tf);
      out.byte(t.inTitle ? 1 : 0);
      if (isBigram(term)) {
        out.varint(t.positions.length);
        for (const p of t.positions) out.varint(p);
      }
    }
    const { body, ...rest } = record;
    pending.push({ record: rest, body, length });
    totalLength += length;
  }
  const n = pending.length;
  // Two significant digits: editing one entry seldom changes it, and so seldom reweighs every other entry's postings.
  const averageLength = n ? Number((totalLength / n).toPrecision(2)) : 1;

  // Entry numbers: by practice (first theme), then key.
  const order = pending.map((_, i) => i).sort((a, b) => {
    const x = (pending[a] as Pending).record;
    const y = (pending[b] as Pending).record;
    return x.cluster < y.cluster ? -1 : x.cluster > y.cluster ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
  });
  const number = new Int32Array(n);
  order.forEach((old, i) => (number[old] = i));

  const tmp = join(dirname(outDir), `.search-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  for (const folder of ['s', 'd', 't', 'f']) mkdirSync(join(tmp, folder), { recursive: true });
  let files = 1;
  let bytes = 0;
  const write = (path: (name: string) => string, content: Uint8Array): string => {
    const gz = gzipSync(content, { level: 9 });
    const name = hashName(gz);
    writeFileSync(join(tmp, path(name)), gz);
    files++;
    bytes += gz.length;
    return name;
  };

  // Postings: decode the build-time form, renumber, weigh, encode; shard by term hash.
  let raw = 0;
  for (const out of postings.values()) raw += out.length;
  const shardCount = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, raw / shardBytes))));
  const byShard: string[][] = Array.from({ length: shardCount }, () => []);
  for (const term of postings.keys()) byShard[shardOf(term, shardCount)]?.push(term);
  const shards = byShard.map((terms) => {
    terms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const encoded = terms.map((term) => {
      const bigram = isBigram(term);
      const reader = new ByteReader((postings.get(term) as ByteWriter).result());
      const list: Posting[] = [];
      while (!reader.done) {
        const old = reader.varint();
        const tf = reader.varint();
        const inTitle = reader.byte() === 1;
        const positions: number[] = [];
        if (bigram) for (let k = reader.varint(); k > 0; k--) positions.push(reader.varint());
        list.push({ doc: number[old] as number, impact: impact(tf, (pending[old] as Pending).length, averageLength), inTitle, positions });
      }
      postings.delete(term);
      list.sort((a, b) => a.doc - b.doc);
      return { term, df: list.length, postings: encodePostings(list, bigram).result() };
    });
    return write(paths.shard, encodeShard(encoded));
  });

  // Document table, body texts and filter values, in entry-number order.
  const sorted = order.map((old) => pending[old] as Pending);
  const chunks = <T>(size: number, row: (p: Pending) => T) =>
    Array.from({ length: Math.ceil(n / size) }, (_, c) => sorted.slice(c * size, (c + 1) * size).map(row));
  const cards = chunks<Card>(cardsPerChunk, ({ record: r }) => ({ key: r.key, title: r.title, byline: r.byline, date: r.date, summary: r.summary })).map((rows) => write(paths.cards, encodeJson(rows)));
  const texts = chunks(textsPerChunk, (p) => p.body).map((rows) => write(paths.texts, encodeJson(rows)));
  const values: Record<string, string[]> = {};
  const facets: Facets = { values: {}, browse: [] };
  for (const [name] of FILTERS) {
    const list = [...new Set(sorted.flatMap((p) => p.record.filters[name]))].sort();
    const index = new Map(list.map((v, i) => [v, i]));
    values[name] = list;
    facets.values[name] = sorted.map((p) => p.record.filters[name].map((v) => index.get(v) as number));
  }
  facets.browse = sorted
    .map((p, i) => ({ date: p.record.date, key: p.record.key, i }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.i);
  const manifest: Manifest = { format: FORMAT, version: VERSION, entries: n, shards, cards, cardsPerChunk, texts, textsPerChunk, facets: write(paths.facets, encodeJson(facets)), values };
  const json = `${JSON.stringify(manifest)}\n`;
  writeFileSync(join(tmp, paths.manifest), json);
  bytes += Buffer.byteLength(json);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { entries: n, terms: raw ? byShard.reduce((s, t) => s + t.length, 0) : 0, shards: shardCount, files, bytes };
}
