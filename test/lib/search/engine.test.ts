import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { createEngine, SearchUnavailable } from '../../../src/lib/search/engine.ts';
import { gunzipSync } from 'node:zlib';
import { decodeShard, manifestElementText, parseManifest, paths, shardFileOf, termHash } from '../../../src/lib/search/format.ts';
import { buildIndex, folderFetch, INDEX_URL, record } from './helpers.ts';

const RECORDS = [
  record('cases/2023/scattered', { title: '基层协商', body: '发挥委员作用，建设工作室，委员的工作室有特色。' }),
  record('cases/2023/text', { title: '履职平台', body: '全市建成委员工作室二十个。', theme: 'studio' }),
  record('cases/2023/title', { title: '委员工作室建设', body: '建设委员工作室的做法。', theme: 'studio' }),
  record('cases/2023/weinan', { title: '渭南市政协的做法', summary: '渭南有特色。', body: `渭南推进委员工作室建设。${'开展协商议事活动。'.repeat(20)}` }),
  record('cases/2023/partial', { title: '委员活动', body: '委员参加活动。' }),
  record('rules/qian', { title: '乾县政协工作规则', body: '乾县政协委员履职。', type: '制度文件' }),
  record('reports/2023/app', { title: '12345热线与APP', body: '用AB角制度办理12345热线的诉求。', type: '经验交流' }),
];

const engineFor = (dir: string, requests?: string[]) => createEngine(INDEX_URL, folderFetch(dir, requests));
const keys = async (engine: ReturnType<typeof createEngine>, query: string) => {
  const { hits } = await engine.search(query);
  const cards = await engine.cards(hits.map((h) => h.doc));
  return hits.map((h, i) => `${cards[i]?.key} ${h.match}`);
};

describe('search engine ranking', () => {
  const dir = buildIndex(RECORDS);
  const engine = engineFor(dir);

  test('exact matches in the title first, then exact matches in the text (the shorter text first), then the words apart; entries with only most of the query only when nothing holds all of it', async () => {
    expect(await keys(engine, '委员工作室')).toEqual([
      'cases/2023/title exact',
      'cases/2023/text exact',
      'cases/2023/weinan exact',
      'cases/2023/scattered scattered',
    ]);
    // 委员 and 工作 (in 工作规则) are two of the three terms looked up: a partial match, offered only when nothing holds them all.
    expect(await keys(engine, '委员工作室量')).toContain('rules/qian partial');
  });

  test('a query that no entry contains whole finds the entries that hold its parts (渭南委员工作室)', async () => {
    const found = await keys(engine, '渭南委员工作室');
    expect(found[0]).toBe('cases/2023/weinan scattered');
  });

  test('question and filler words are dropped (如何建设委员工作室)', async () => {
    const found = await keys(engine, '如何建设委员工作室');
    expect(found.slice(0, 1)).toEqual(['cases/2023/title exact']);
    expect(found).toContain('cases/2023/weinan scattered');
  });

  test('single characters, place names, Latin words and numbers', async () => {
    expect(await keys(engine, '乾')).toEqual(['rules/qian exact']);
    expect(await keys(engine, '县')).toEqual(['rules/qian exact']);
    expect(await keys(engine, 'app')).toEqual(['reports/2023/app exact']);
    expect(await keys(engine, 'ab角')).toEqual(['reports/2023/app exact']);
    expect(await keys(engine, '１２３４５热线')).toEqual(['reports/2023/app exact']);
  });

  test('no hits: the entries closest to the query are offered', async () => {
    const { hits, near } = await engine.search('委员工作室量子计算');
    expect(hits).toEqual([]);
    expect(near.length).toBeGreaterThan(0);
  });

  test('filters narrow the hits and counts follow them', async () => {
    const { hits } = await engine.search('委员', { type: '制度文件' });
    expect((await engine.cards(hits.map((h) => h.doc))).map((c) => c.key)).toEqual(['rules/qian']);
    const all = await engine.search('委员');
    expect((await engine.counts(all.hits.map((h) => h.doc)))['type']).toEqual({ 创新案例: 5, 制度文件: 1 });
    expect(await engine.browse({ type: '经验交流' })).toHaveLength(1);
  });

  test('a query fetches the manifest, its terms’ shards and nothing else', async () => {
    const requests: string[] = [];
    await engineFor(dir, requests).search('委员工作室');
    expect(requests[0]).toBe('manifest.json');
    expect(requests.slice(1).every((r) => r.startsWith('s/'))).toBe(true);
    // At most one shard a term: its two trigrams, and (fewer than a page hold it as typed) three bigrams.
    expect(requests.length).toBeLessThanOrEqual(1 + 2 + 3);
  });
});

describe('the manifest the search page carries', () => {
  const dir = buildIndex(RECORDS);
  const pageCopy = () => manifestElementText(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  test('is used instead of fetching manifest.json: a query fetches only its terms’ shards, and finds the same entries', async () => {
    const requests: string[] = [];
    const engine = createEngine(INDEX_URL, folderFetch(dir, requests), pageCopy());
    expect(await keys(engine, '委员工作室')).toEqual(await keys(engineFor(dir), '委员工作室'));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.startsWith('s/') || r.startsWith('d/'))).toBe(true);
  });

  test('an empty element (the pages built without the index) falls back to manifest.json', async () => {
    const requests: string[] = [];
    await createEngine(INDEX_URL, folderFetch(dir, requests), ' \n').search('委员');
    expect(requests[0]).toBe('manifest.json');
  });

  test('an old-format or broken copy makes search unavailable; after reset() the file is fetched', async () => {
    const old = JSON.stringify({ ...(JSON.parse(pageCopy()) as object), version: 0 });
    await expect(createEngine(INDEX_URL, folderFetch(dir), old).search('委员')).rejects.toThrow(/版本/);
    const requests: string[] = [];
    const broken = createEngine(INDEX_URL, folderFetch(dir, requests), '{"format":');
    await expect(broken.search('委员')).rejects.toBeInstanceOf(SearchUnavailable);
    broken.reset();
    expect((await broken.search('委员')).hits.length).toBeGreaterThan(0);
    expect(requests[0]).toMatch(/^manifest\.json\?fresh=\d+$/);
  });
});

describe('a bad index makes search unavailable, never wrong', () => {
  const copy = () => {
    const dir = join(dirname(buildIndex(RECORDS)), 'copy');
    cpSync(buildIndex(RECORDS), dir, { recursive: true });
    return dir;
  };
  const shards = (dir: string) => readdirSync(join(dir, 's')).map((f) => join(dir, 's', f));

  test('a truncated shard', async () => {
    const dir = copy();
    for (const file of shards(dir)) writeFileSync(file, readFileSync(file).subarray(0, 40));
    await expect(engineFor(dir).search('委员工作室')).rejects.toBeInstanceOf(SearchUnavailable);
  });

  test('a shard that is valid gzip of wrong bytes', async () => {
    const dir = copy();
    for (const file of shards(dir)) writeFileSync(file, gzipSync(Buffer.from('CBS\u0001garbage')));
    await expect(engineFor(dir).search('委员工作室')).rejects.toBeInstanceOf(SearchUnavailable);
  });

  test('a missing shard (404)', async () => {
    const dir = copy();
    for (const file of shards(dir)) rmSync(file);
    await expect(engineFor(dir).search('委员')).rejects.toThrow(/无法下载/);
  });

  test('a shard gone since the manifest was cached is reported as stale, and reset() fetches a fresh manifest', async () => {
    const dir = copy();
    const requests: string[] = [];
    const engine = engineFor(dir, requests);
    await engine.manifest();
    for (const file of shards(dir)) rmSync(file);
    const error = await engine.search('委员').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchUnavailable);
    expect((error as SearchUnavailable).stale).toBe(true);
    engine.reset();
    await engine.manifest();
    expect(requests.filter((r) => r.startsWith('manifest.json'))).toEqual(['manifest.json', expect.stringMatching(/^manifest\.json\?fresh=\d+$/)]);
  });

  test('an old or unknown format', async () => {
    const dir = copy();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: number };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 0 }));
    await expect(engineFor(dir).search('委员')).rejects.toThrow(/版本/);
    writeFileSync(join(dir, 'manifest.json'), '<html>');
    await expect(engineFor(dir).search('委员')).rejects.toBeInstanceOf(SearchUnavailable);
  });
});

describe('what a phrase query downloads', () => {
  // A page and more of entries with 委员工作室, and many with only the common words 委员 and 工作.
  const records = [
    ...Array.from({ length: 24 }, (_, i) => record(`cases/2023/studio-${i}`, { body: `第${i}个委员工作室。` })),
    ...Array.from({ length: 40 }, (_, i) => record(`cases/2023/common-${i}`, { body: '政协委员参加工作会议。' })),
  ];
  // One term a shard, so that the shards asked for tell the terms looked up.
  const dir = buildIndex(records, { shards: 4096, shardBytes: 1 });

  test('a phrase of four or more characters is confirmed by its trigrams: the common bigrams (委员, 工作) and their positions are not downloaded when a page of entries holds it as typed', async () => {
    const requests: string[] = [];
    const engine = engineFor(dir, requests);
    const { hits } = await engine.search('委员工作室');
    expect(hits).toHaveLength(24);
    expect(hits.every((h) => h.match === 'exact')).toBe(true);
    const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const shardPath = (term: string) => paths.shard(shardFileOf(m, term));
    expect(new Set(requests.filter((r) => r.startsWith('s/')))).toEqual(new Set(['委员工', '工作室'].map(shardPath)));
  });
});

describe('what a query for a rare word downloads', () => {
  // 委员工作室 many times in many entries: large postings for its trigrams; and many entries with a rare word each.
  const CHARS = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'];
  const rare = Array.from({ length: 160 }, (_, i) => `${CHARS[i % 22]}${CHARS[(i * 7 + 3) % 22]}${CHARS[(i * 13 + 5) % 22]}`).filter((w, i, all) => all.indexOf(w) === i);
  const records = [
    ...Array.from({ length: 300 }, (_, i) => record(`cases/2023/studio-${i}`, { body: '委员工作室'.repeat(12) })),
    ...rare.map((word, i) => record(`cases/2023/rare-${i}`, { body: `${word}。` })),
  ];
  const dir = buildIndex(records, { shards: 32, shardBytes: 2048 });
  const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

  test('a rare word whose shard also holds a large term downloads a part of that shard, without the large term', async () => {
    const big = '委员工';
    const neighbours = rare.filter((w) => termHash(w) % m.shardCount === termHash(big) % m.shardCount);
    expect(neighbours.length).toBeGreaterThan(0);
    for (const word of neighbours) {
      const requests: string[] = [];
      const engine = engineFor(dir, requests);
      const { hits } = await engine.search(word);
      expect((await engine.cards(hits.map((h) => h.doc))).map((c) => c.key)).toEqual([`cases/2023/rare-${rare.indexOf(word)}`]);
      // The word's shard, and those of its bigrams (looked up when fewer than a page of entries hold it).
      const fetched = requests.filter((r) => r.startsWith('s/')).map((r) => decodeShard(gunzipSync(readFileSync(join(dir, r)))).terms);
      expect(fetched.some((terms) => terms.has(word))).toBe(true);
      expect(fetched.some((terms) => terms.has(big))).toBe(false);
    }
  });
});

describe('what the first page of a frequent term downloads', () => {
  // 60 entries hold 协商, some in the title, some more often than others; four rows a document-table chunk.
  const records = Array.from({ length: 60 }, (_, i) =>
    record(`cases/2023/e${String(i).padStart(2, '0')}`, { title: i % 7 === 0 ? `协商${i}` : `做法${i}`, body: `${'开展协商。'.repeat(1 + (i % 5))}${'其他内容。'.repeat(i % 11)}` }),
  );
  const dir = buildIndex(records, { cardsPerChunk: 4 });

  test('its first page of results shows from the shard, with no document-table chunk to fetch, and the same rows the chunks hold', async () => {
    const requests: string[] = [];
    const engine = engineFor(dir, requests);
    const { hits } = await engine.search('协商');
    expect(hits).toHaveLength(60);
    const first = hits.slice(0, 20).map((h) => h.doc);
    const cards = await engine.cards(first);
    expect(requests.filter((r) => r.startsWith('d/'))).toEqual([]);
    expect(cards.slice(0, 9).every((c) => c.title.startsWith('协商'))).toBe(true);
    // The next page comes from the chunks; the rows agree with them.
    expect(await engineFor(dir).cards(first)).toEqual(cards);
    await engine.cards(hits.slice(20, 40).map((h) => h.doc));
    expect(requests.some((r) => r.startsWith('d/'))).toBe(true);
  });
});
