import { describe, expect, test } from 'vitest';
import { byKind, kindsWithOwnList, listPageSize, pageTitle, pageUrl, pageWindow, PREVIEW_PER_KIND, regionGroupsOfPage, regionRuns, type PageLink } from '../../../src/lib/site/paginate.ts';
import { entries as siteEntries } from './fixtures.ts';

const shown = (items: PageLink[]) => items.map((i) => ('gap' in i ? '…' : String(i.page))).join(' ');

describe('listPageSize', () => {
  test('is 50 unless the build sets LIST_PAGE_SIZE', () => {
    expect(listPageSize(undefined)).toBe(50);
    expect(listPageSize('')).toBe(50);
    expect(listPageSize('20')).toBe(20);
  });

  test('refuses a size that is not a whole number from 1 to 50, saying what it got', () => {
    expect(() => listPageSize('200')).toThrowErrorMatchingInlineSnapshot(`[Error: LIST_PAGE_SIZE 应是 1 到 50 之间的整数，现在是“200”。]`);
    expect(() => listPageSize('0')).toThrow(/1 到 50/);
    expect(() => listPageSize('2.5')).toThrow(/2\.5/);
    expect(() => listPageSize('abc')).toThrow(/abc/);
  });
});

describe('pageWindow', () => {
  test('shows every page of a short list', () => {
    expect(shown(pageWindow(1, 1))).toBe('1');
    expect(shown(pageWindow(2, 5))).toBe('1 2 3 4 5');
  });

  test('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(shown(pageWindow(1, 200))).toBe('1 2 … 200');
    expect(shown(pageWindow(50, 200))).toBe('1 … 49 50 51 … 200');
    expect(shown(pageWindow(200, 200))).toBe('1 … 199 200');
  });

  test('never hides a single page behind a gap', () => {
    expect(shown(pageWindow(4, 9))).toBe('1 2 3 4 5 … 9');
    expect(shown(pageWindow(6, 9))).toBe('1 … 5 6 7 8 9');
  });

  test('keeps at most seven items on any page of any list', () => {
    for (let last = 1; last <= 40; last++) for (let current = 1; current <= last; current++) expect(pageWindow(current, last).length).toBeLessThanOrEqual(7);
  });
});

describe('pageUrl and pageTitle', () => {
  test('page 1 is the list itself; later pages are numbered folders under it', () => {
    expect(pageUrl('/casebook/cases/', 1)).toBe('/casebook/cases/');
    expect(pageUrl('/casebook/cases/', 3)).toBe('/casebook/cases/3/');
  });

  test('the title of a later page says which page of how many', () => {
    expect(pageTitle('创新案例', 1, 4)).toBe('创新案例');
    expect(pageTitle('创新案例', 2, 4)).toBe('创新案例（第 2／4 页）');
  });
});

describe('regionGroupsOfPage', () => {
  const sorted = ['610100', '610100', '610100', '610400', '610400', '610500'].map((region, i) => ({ region, id: i }));
  const runs = regionRuns(sorted);

  test('groups a page by region with each region’s count in the whole list', () => {
    const groups = regionGroupsOfPage(sorted.slice(0, 4), 0, runs);
    expect(groups.map((g) => [g.region, g.entries.length, g.total, g.continued])).toEqual([
      ['610100', 3, 3, false],
      ['610400', 1, 2, false],
    ]);
  });

  test('marks a region that carries on from the page before', () => {
    const groups = regionGroupsOfPage(sorted.slice(4), 4, runs);
    expect(groups.map((g) => [g.region, g.entries.length, g.total, g.continued])).toEqual([
      ['610400', 1, 2, true],
      ['610500', 1, 1, false],
    ]);
  });
});

describe('byKind and kindsWithOwnList', () => {
  test('groups entries by kind in the site’s order, newest first, leaving out empty kinds', () => {
    const groups = byKind(siteEntries.filter((e) => e.collection !== 'reports'));
    expect(groups.map((g) => [g.collection, g.entries.length])).toEqual([
      ['cases', 2],
      ['rules', 1],
    ]);
  });

  test(`gives a kind its own list only when it has more than ${PREVIEW_PER_KIND} entries`, () => {
    const cases = siteEntries.filter((e) => e.collection === 'cases');
    const many = Array.from({ length: PREVIEW_PER_KIND + 1 }, (_, i) => ({ ...(cases[i % cases.length] as (typeof cases)[number]), id: `2023/c${i}` }));
    expect(kindsWithOwnList([...many.slice(0, PREVIEW_PER_KIND), ...siteEntries]).map((g) => g.collection)).toEqual(['cases']);
    expect(kindsWithOwnList(many.slice(0, PREVIEW_PER_KIND - 2))).toEqual([]);
  });
});
