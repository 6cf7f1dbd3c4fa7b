/**
 * A prototype of a search index for 100,000 entries, measured by the benchmark
 * (`--steps bigram`) beside Pagefind: the design proposal in numbers, not site code.
 *
 * The site already searches Chinese by Han character bigrams (search-text.ts).
 * This writes that index directly instead of through Pagefind:
 * - postings/<shard>.gz: for each bigram, the sorted ids of the entries that
 *   contain it (delta varints, or a bitmap when that is smaller) and of those
 *   whose title contains it; bigrams spread over shards by hash, so a query of
 *   k bigrams fetches at most k small files;
 * - docs/<bucket>/<id>.gz: per entry, what a result shows and the plain text for
 *   excerpts and the exact-match check (like Pagefind's fragments);
 * - facets.gz: one small record per entry (type, year, province, themes),
 *   fetched only for filter counts, after the results are shown.
 * It streams entry by entry and keeps only the postings (typed arrays) in memory.
 *
 * Usage: node scripts/lib/bench/bigram-index.ts <content dir> <out dir> [query]
 * Prints (and writes to <out>/stats.json) entries, bigrams, shards, bytes on disk, and
 * the bytes a cold query fetches (meta + its bigrams' shards + the first 20 results' docs).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { plainText } from '../../../src/lib/plain-text.ts';
import { provinceCode } from '../../../src/lib/regions.ts';

const HAN_RUN = /\p{Script=Han}+/gu;

/** The distinct Han bigrams of a text, each as a 32-bit number (two UTF-16 units; CJK basic plane). */
export function bigramCodes(text: string): Set<number> {
  const codes = new Set<number>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) codes.add(((run.charCodeAt(i) << 16) | run.charCodeAt(i + 1)) >>> 0);
  }
  return codes;
}

/** Growable Int32 list. */
class Ids {
  data = new Int32Array(4);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Sorted ids as delta varints, or as a bitmap over all n entries when that is smaller; first byte says which. */
export function encodePostings(ids: Int32Array, n: number): Uint8Array {
  const bytes: number[] = [0];
  let previous = -1;
  for (const id of ids) {
    let delta = id - previous - 1;
    previous = id;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
  }
  const bitmapBytes = Math.ceil(n / 8) + 1;
  if (bytes.length <= bitmapBytes) return Uint8Array.from(bytes);
  const bitmap = new Uint8Array(bitmapBytes);
  bitmap[0] = 1;
  for (const id of ids) bitmap[1 + (id >> 3)] = (bitmap[1 + (id >> 3)] as number) | (1 << (id & 7));
  return bitmap;
}

export function decodePostings(bytes: Uint8Array, n: number): number[] {
  const ids: number[] = [];
  if (bytes[0] === 1) {
    for (let id = 0; id < n; id++) if (((bytes[1 + (id >> 3)] as number) >> (id & 7)) & 1) ids.push(id);
    return ids;
  }
  let previous = -1;
  for (let i = 1; i < bytes.length; ) {
    let delta = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++] as number;
      delta |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    previous += delta + 1;
    ids.push(previous);
  }
  return ids;
}

/** Which shard a bigram is in (FNV-1a over its code). */
export function shardOf(code: number, shards: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((code >>> (8 * k)) & 0xff), 0x01000193);
  return (h >>> 0) % shards;
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f))
    .sort();
}

interface Front {
  title?: string;
  summary?: string;
  region?: string;
  year?: string;
  date?: string;
  themes?: string[];
}

export function buildBigramIndex(contentDir: string, out: string, query = '委员工作室') {
  rmSync(out, { recursive: true, force: true });
  const body = new Map<number, Ids>();
  const title = new Map<number, Ids>();
  const files = ['reports', 'cases', 'rules'].flatMap((kind) => listMarkdown(join(contentDir, kind)).map((file) => ({ kind, file })));
  const n = files.length;
  const facets = new Uint8Array(n * 6);
  const provinces = new Map<string, number>();
  const docBytes: number[] = [];
  files.forEach(({ kind, file }, id) => {
    const [, front = '', ...rest] = readFileSync(file, 'utf8').split('---\n');
    const data = parse(front) as Front;
    const text = plainText(rest.join('---\n'));
    for (const code of bigramCodes(`${data.title ?? ''} ${data.summary ?? ''} ${text}`)) {
      let list = body.get(code);
      if (!list) body.set(code, (list = new Ids()));
      list.push(id);
    }
    for (const code of bigramCodes(data.title ?? '')) {
      let list = title.get(code);
      if (!list) title.set(code, (list = new Ids()));
      list.push(id);
    }
    const doc = gzipSync(JSON.stringify({ url: `/${relative(contentDir, file).split(sep).join('/').replace(/\.md$/, '/')}`, title: data.title, region: data.region, year: data.year ?? data.date?.slice(0, 4), summary: data.summary, text }));
    const bucket = join(out, 'docs', String(id >> 10));
    if (id % 1024 === 0) mkdirSync(bucket, { recursive: true });
    writeFileSync(join(bucket, `${id}.gz`), doc);
    docBytes.push(doc.byteLength);
    const province = provinceCode(data.region ?? '000000');
    if (!provinces.has(province)) provinces.set(province, provinces.size);
    facets.set([['reports', 'cases', 'rules'].indexOf(kind), Number(data.year ?? data.date?.slice(0, 4) ?? 0) - 2000, provinces.get(province) ?? 0], id * 6);
  });
  // Shards of about 16 KB of postings each.
  const encoded = new Map<number, { body: Uint8Array; title?: Uint8Array | undefined }>();
  let postingBytes = 0;
  for (const [code, ids] of body) {
    const entry = { body: encodePostings(ids.data.subarray(0, ids.length), n), title: title.has(code) ? encodePostings((title.get(code) as Ids).data.subarray(0, (title.get(code) as Ids).length), n) : undefined };
    encoded.set(code, entry);
    postingBytes += entry.body.byteLength + (entry.title?.byteLength ?? 0) + 12;
  }
  body.clear();
  title.clear();
  const shards = 2 ** Math.max(0, Math.ceil(Math.log2(postingBytes / 16_384)));
  const parts: Uint8Array[][] = Array.from({ length: shards }, () => []);
  for (const [code, { body: b, title: t }] of encoded) {
    const head = new Uint8Array(12);
    const view = new DataView(head.buffer);
    view.setUint32(0, code);
    view.setUint32(4, b.byteLength);
    view.setUint32(8, t?.byteLength ?? 0);
    parts[shardOf(code, shards)]?.push(head, b, ...(t ? [t] : []));
  }
  mkdirSync(join(out, 'postings'), { recursive: true });
  const shardBytes = parts.map((p, i) => {
    const gz = gzipSync(Buffer.concat(p));
    writeFileSync(join(out, 'postings', `${i}.gz`), gz);
    return gz.byteLength;
  });
  const facetsGz = gzipSync(facets);
  writeFileSync(join(out, 'facets.gz'), facetsGz);
  const meta = JSON.stringify({ entries: n, shards, provinces: [...provinces.keys()] });
  writeFileSync(join(out, 'meta.json'), meta);

  // What a cold query fetches: meta, the shards of its bigrams, then the first 20 results' docs.
  const q = [...bigramCodes(query)];
  const queryShards = [...new Set(q.map((c) => shardOf(c, shards)))];
  const lists = q.map((c) => decodePostings(encoded.get(c)?.body ?? new Uint8Array([0]), n));
  const sets = lists.slice(1).map((l) => new Set(l));
  const matches = (lists[0] ?? []).filter((id) => sets.every((set) => set.has(id)));
  const first = matches.slice(0, 20);
  const coldBytes = Buffer.byteLength(meta) + queryShards.reduce((s, i) => s + (shardBytes[i] as number), 0) + first.reduce((s, id) => s + (docBytes[id] as number), 0);
  const total = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((s, e) => s + (e.isFile() ? statSync(join(e.parentPath, e.name)).size : 0), 0);
  const stats = {
    entries: n,
    bigrams: encoded.size,
    shards,
    bytes: total(out),
    files: n + shards + 2,
    shardBytes: { mean: Math.round(shardBytes.reduce((a, b) => a + b, 0) / shards), max: Math.max(...shardBytes) },
    facetsBytes: facetsGz.byteLength,
    query: { text: query, matches: matches.length, shards: queryShards.length, coldBytes },
  };
  writeFileSync(join(out, 'stats.json'), JSON.stringify(stats));
  return stats;
}

export type BigramIndexStats = ReturnType<typeof buildBigramIndex>;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [contentDir = 'content', out = 'bigram-index', query] = process.argv.slice(2);
  console.log(JSON.stringify(buildBigramIndex(contentDir, out, query)));
}
