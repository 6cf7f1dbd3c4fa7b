import { describe, expect, test } from 'vitest';
import { layoutBarChart } from '../../../src/lib/site/bar-chart.ts';
import { citeEntry } from '../../../src/lib/site/citation.ts';
import { cityCounts, yearCounts } from '../../../src/lib/site/counts.ts';
import { entriesByRegion, flattenTree, regionTree } from '../../../src/lib/site/region-tree.ts';
import { cosine, hanBigrams, relatedEntries, themeOverlap } from '../../../src/lib/site/related.ts';
import { editUrl, repoUrl } from '../../../src/lib/site/repo.ts';
import { entries } from './fixtures.ts';
import { parseEntry } from '../../../src/lib/frontmatter.ts';
import { syntheticLibrary, vocabularyFrom } from '../../../scripts/lib/bench/synthetic.ts';
import { readLibrary } from '../../../scripts/lib/read-library.ts';

describe('relatedEntries', () => {
  test('ranks entries sharing themes and wording above the rest, never the entry itself', () => {
    const related = relatedEntries(entries).get('cases/2023/xian') ?? [];
    expect(related.map((r) => r.entry.key)).not.toContain('cases/2023/xian');
    expect(related[0]?.entry.key).toBe('reports/2023/xian');
    expect(related.map((r) => r.entry.key)).toContain('cases/2023/qindu');
  });

  test('theme overlap is shared over all themes; text similarity is the cosine of bigram counts', () => {
    expect(themeOverlap(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(themeOverlap([], [])).toBe(0);
    expect(cosine(hanBigrams('委员工作室'), hanBigrams('委员工作室'))).toBeCloseTo(1);
    expect(cosine(hanBigrams('委员工作室'), hanBigrams('书香政协'))).toBe(0);
    expect([...hanBigrams('委员工作室，协商').keys()]).toEqual(['委员', '员工', '工作', '作室', '协商']);
  });

  test('scores a pair by half its theme overlap plus half its bigram cosine, worked by hand', () => {
    const entry = (key: string, themes: string[], title: string) => ({ key, themes, title, summary: '', body: '' });
    const related = relatedEntries([
      entry('a', ['x', 'y'], '委员工作室'),
      // Themes: 1 shared of 3 → 1/3. Same text → cosine 1. Score 1/6 + 1/2 = 2/3.
      entry('b', ['y', 'z'], '委员工作室'),
      // Same themes → 1. Bigrams 委员 员工 工作 against 委员 员工 工作 作室: 3/(√3·√4) = √3/2. Score 1/2 + √3/4.
      entry('c', ['x', 'y'], '委员工作'),
      // Nothing shared: score 0, below the floor.
      entry('d', [], '书香政协'),
    ]).get('a');
    expect(related?.map((r) => [r.entry.key, r.score])).toEqual([
      ['c', expect.closeTo(0.9330127, 6)],
      ['b', expect.closeTo(0.6666667, 6)],
    ]);
  });

  test('a large library compares candidates only, and keeps most of what comparing all pairs finds', () => {
    const { library } = readLibrary('content');
    const vocabulary = vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);
    const entries = syntheticLibrary(200, vocabulary).map((f) => {
      const parsed = parseEntry(f.content, f.path);
      if (Array.isArray(parsed)) throw new Error(`${f.path}: ${parsed.map((d) => d.message).join('; ')}`);
      const data = parsed.data as { title: string; summary?: string; themes?: string[] };
      return { key: f.path, themes: data.themes ?? [], title: data.title, summary: data.summary ?? '', body: parsed.body };
    });
    const exact = relatedEntries(entries, { exactUpTo: Infinity });
    const fast = relatedEntries(entries, { exactUpTo: 0 });
    let kept = 0;
    let all = 0;
    for (const [key, list] of exact) {
      const found = new Set(fast.get(key)?.map((r) => r.entry.key));
      kept += list.filter((r) => found.has(r.entry.key)).length;
      all += list.length;
      // Candidates are some of all pairs with the same score, so the best can only tie the best of all pairs.
      expect(fast.get(key)?.[0]?.score ?? 0).toBeLessThanOrEqual((list[0]?.score ?? 0) + 1e-9);
    }
    expect(all).toBeGreaterThan(entries.length * 4);
    expect(kept / all).toBeGreaterThan(0.8);
  });
});

describe('citeEntry', () => {
  test('writes a GB/T 7714 electronic-resource reference with the update date and URL', () => {
    expect(
      citeEntry({ authors: ['王吉德'], title: '创新机制提振精神切实破解薄弱问题', published: '2023-05-25', updated: '2024-01-02', url: 'https://example.org/reports/2023/xian/' }),
    ).toBe('王吉德. 创新机制提振精神切实破解薄弱问题[EB/OL]. 政协案例库, 2023-05-25(2024-01-02)[引用日期]. https://example.org/reports/2023/xian/.');
  });

  test('lists at most three authors, then 等', () => {
    expect(citeEntry({ authors: ['甲', '乙', '丙', '丁'], title: '办法', published: undefined, updated: '2024-01-02', url: 'https://x.example/' })).toBe(
      '甲, 乙, 丙, 等. 办法[EB/OL]. 政协案例库, (2024-01-02)[引用日期]. https://x.example/.',
    );
  });
});

test('citeEntry leaves out dates it does not know', () => {
  expect(citeEntry({ authors: ['秦都区政协'], title: '实施意见', published: undefined, updated: '', url: 'https://x.example/' })).toBe(
    '秦都区政协. 实施意见[EB/OL]. 政协案例库[引用日期]. https://x.example/.',
  );
});

describe('regionTree', () => {
  const tree = regionTree(entries.map((e) => e.region));

  test('counts entries at each level from province to county', () => {
    const flat = flattenTree(tree).map((n) => [n.region.name, n.count]);
    expect(flat).toEqual([
      ['陕西省', 4],
      ['西安市', 2],
      ['咸阳市', 2],
      ['秦都区', 2],
    ]);
  });

  test('lists on each region page the entries filed there or below, and agrees with the tree counts', () => {
    const within = entriesByRegion(entries);
    for (const node of flattenTree(tree)) expect(within.get(node.region.code)?.length).toBe(node.count);
    expect(within.get('610400')?.map((e) => e.region)).toEqual(['610402', '610402']);
    expect(within.get('610100')?.map((e) => e.region).every((code) => code.startsWith('6101'))).toBe(true);
    expect(within.get('610100')?.some((e) => e.region === '610402')).toBe(false);
  });
});

describe('counts', () => {
  test('by year, newest first, leaving out undated entries', () => {
    expect(yearCounts(entries)).toEqual([
      [2023, 2],
      [2022, 1],
    ]);
  });

  test('by city, a county counted under its city', () => {
    expect(cityCounts(entries)).toEqual([
      ['610100', 2],
      ['610400', 2],
    ]);
  });
});

describe('layoutBarChart', () => {
  test('scales the longest bar to the room left of the label column and value', () => {
    const chart = layoutBarChart([
      { label: '委员工作室', value: 10 },
      { label: '书香政协', value: 5 },
      { label: '空', value: 0 },
    ]);
    expect(chart.bars[1]?.width).toBeCloseTo((chart.bars[0]?.width ?? 0) / 2);
    expect(chart.bars[2]?.width).toBe(0);
    expect(chart.barX + (chart.bars[0]?.width ?? 0)).toBeLessThan(chart.width);
    expect(chart.height).toBe(90);
  });
});

describe('repo links', () => {
  test('edit links point at the file on GitHub, with REPO_URL when set', () => {
    expect(editUrl('content/cases/2023/xian.md', repoUrl({ REPO_URL: 'https://github.com/fork/casebook/' }))).toBe(
      'https://github.com/fork/casebook/edit/main/content/cases/2023/xian.md',
    );
    expect(repoUrl({})).toMatch(/^https:\/\/github\.com\//);
  });
});
