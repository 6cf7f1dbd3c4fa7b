/** Common phrases indexed as terms of their own (scripts/lib/search/phrases.ts): the same entries, fewer bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../../src/lib/search/engine.ts';
import { parseManifest, paths, shardFileOf } from '../../../src/lib/search/format.ts';
import { buildIndex, folderFetch, INDEX_URL, record } from './helpers.ts';

// 240 entries made of a few practice names and common words in varying order, some names in titles: many phrases
// are in far more than 40 entries, and 委员 … 工作室 also come apart.
const NAMES = ['委员工作室', '书香政协', '社情民意信息', '协商议事', '民主监督'];
const WORDS = ['政协委员', '工作', '开展', '委员', '工作室', '建设', '基层', '平台', '活动'];
let seed = 7;
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = <T>(list: readonly T[]) => list[next(list.length)] as T;
const sentence = () => Array.from({ length: 3 + next(5) }, () => (next(3) ? pick(WORDS) : pick(NAMES))).join('') + '。';
const records = Array.from({ length: 240 }, (_, i) =>
  record(`cases/2023/e${String(i).padStart(3, '0')}`, {
    title: next(4) ? `${pick(['西安', '渭南', '宝鸡'])}${pick(WORDS)}${pick(WORDS)}` : `${pick(NAMES)}${pick(WORDS)}`,
    summary: sentence(),
    body: Array.from({ length: 1 + next(6) }, sentence).join(''),
  }),
);
const runs = records.map((r) => [r.title, r.summary, r.body].flatMap((field) => field.match(/\p{Script=Han}+/gu) ?? []));

const withPhrases = buildIndex(records);
const withoutPhrases = buildIndex(records, { maxPhrases: 0 });
// Phrases mined from the first 60 entries, then found in the others as they stream by (as in a library of more than 2,000).
const sampled = buildIndex(records, { phraseSample: 60 });
const manifestOf = (dir: string) => parseManifest(JSON.parse(readFileSync(join(dir, paths.manifest), 'utf8')));

/** The keys of a query's exact hits, and the index files it asked for. */
async function exact(dir: string, query: string) {
  const requests: string[] = [];
  const engine = createEngine(INDEX_URL, folderFetch(dir, requests));
  const { hits } = await engine.search(query);
  const found = hits.filter((h) => h.match === 'exact');
  const cards = await engine.cards(found.slice(0, 20).map((h) => h.doc));
  const all = await createEngine(INDEX_URL, folderFetch(dir)).cards(found.map((h) => h.doc));
  return { keys: all.map((c) => c.key).sort(), first: found.slice(0, 20).map((h) => h.inTitle), cards, requests };
}

describe('common phrases', () => {
  test('the names of practices that many entries share are listed as phrases; words of three characters or fewer are not', () => {
    const { phrases } = manifestOf(withPhrases);
    expect([...phrases]).toEqual(expect.arrayContaining(['委员工作室', '书香政协', '社情民意信息']));
    expect([...phrases].every((p) => [...p].length >= 4)).toBe(true);
    expect(manifestOf(withoutPhrases).phrases.size).toBe(0);
  });

  test('phrases mined from the first entries are found in every later one', async () => {
    expect([...manifestOf(sampled).phrases]).toEqual(expect.arrayContaining(['委员工作室', '书香政协']));
    for (const query of [...manifestOf(sampled).phrases]) {
      const [streamed, slow] = await Promise.all([exact(sampled, query), exact(withoutPhrases, query)]);
      expect(streamed.keys).toEqual(slow.keys);
      expect(streamed.requests.filter((r) => r.startsWith('s/'))).toHaveLength(1);
    }
  });

  test('a phrase query finds exactly the entries its trigrams find, with those holding it in the title first, from one shard and no document-table chunk', async () => {
    for (const query of ['委员工作室', '社情民意信息', '书香政协']) {
      const fast = await exact(withPhrases, query);
      const slow = await exact(withoutPhrases, query);
      expect(fast.keys.length).toBeGreaterThan(40);
      expect(fast.keys).toEqual(slow.keys);
      // Title hits lead, as they do without phrases.
      expect(fast.first).toEqual([...fast.first].sort((a, b) => Number(b) - Number(a)));
      expect(fast.first.filter(Boolean).length).toBe(slow.first.filter(Boolean).length);
      const shards = fast.requests.filter((r) => r.startsWith('s/'));
      expect(shards).toEqual([paths.shard(shardFileOf(manifestOf(withPhrases), query))]);
      expect(fast.requests.filter((r) => r.startsWith('d/'))).toEqual([]);
      expect(slow.requests.filter((r) => r.startsWith('s/')).length).toBeGreaterThan(1);
    }
  });

  test('any 1–8 consecutive Han characters of an entry find the same entries as an exact match with phrases as without', async () => {
    const sample = fc
      .integer({ min: 0, max: records.length - 1 })
      .chain((entry) => fc.constantFrom(...(runs[entry] as string[])).map((run) => [...run]))
      .chain((run) => fc.integer({ min: 1, max: Math.min(8, run.length) }).chain((length) => fc.integer({ min: 0, max: run.length - length }).map((start) => run.slice(start, start + length).join(''))));
    await fc.assert(
      fc.asyncProperty(sample, async (text) => {
        const [fast, streamed, slow] = await Promise.all([exact(withPhrases, text), exact(sampled, text), exact(withoutPhrases, text)]);
        expect(fast.keys).toEqual(slow.keys);
        expect(streamed.keys).toEqual(slow.keys);
        expect(fast.keys.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('building twice gives byte-identical files', () => {
    const again = buildIndex(records);
    const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(dir.length)).sort();
    expect(files(again)).toEqual(files(withPhrases));
    for (const file of files(again)) expect(readFileSync(join(again, file)).equals(readFileSync(join(withPhrases, file))), file).toBe(true);
  });
});
