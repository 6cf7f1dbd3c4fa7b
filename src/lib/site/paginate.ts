/**
 * List pages in pages of at most LIST_PAGE_SIZE entries (Astro's paginate()):
 * what a page shows of the page numbers, and the by-region groups of one page.
 */
import type { Entry } from '../entry.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { byDate } from './sort.ts';

/** Entries on one list page. The largest list page must stay under 60 KB of HTML at any library size. */
export const MAX_PAGE_SIZE = 50;

/**
 * Entries per list page: 50, or LIST_PAGE_SIZE from the build's environment
 * (the site tests build with a small size so the bundled library spans several pages).
 */
export function listPageSize(value: string | undefined): number {
  if (value === undefined || value === '') return MAX_PAGE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new Error(`LIST_PAGE_SIZE 应是 1 到 ${MAX_PAGE_SIZE} 之间的整数，现在是“${value}”。`);
  }
  return size;
}

export const LIST_PAGE_SIZE = listPageSize(process.env['LIST_PAGE_SIZE']);

/** Entries of each kind on a theme, region or year page; the rest are on that kind's own paginated list. */
export const PREVIEW_PER_KIND = 10;

/** One item of a page navigation: a page number, or a gap between numbers. */
export type PageLink = { page: number } | { gap: true };

/**
 * The page numbers a navigation shows: the first, the last, and the current
 * one with its neighbours, with a gap where numbers are left out. At most
 * seven items, so it fits a 360 px screen on one or two lines.
 */
export function pageWindow(current: number, last: number): PageLink[] {
  const shown = new Set([1, last, current - 1, current, current + 1].filter((n) => n >= 1 && n <= last));
  // A gap that would hide a single number shows the number instead.
  if (shown.has(3) && !shown.has(2)) shown.add(2);
  if (shown.has(last - 2) && !shown.has(last - 1)) shown.add(last - 1);
  const numbers = [...shown].sort((a, b) => a - b);
  const items: PageLink[] = [];
  numbers.forEach((page, i) => {
    if (i > 0 && page - (numbers[i - 1] as number) > 1) items.push({ gap: true });
    items.push({ page });
  });
  return items;
}

/** The URL of page `n` of a list whose first page is `first` (`/casebook/cases/` → `/casebook/cases/3/`). */
export function pageUrl(first: string, n: number): string {
  return n === 1 ? first : `${first}${n}/`;
}

/** A list page's title: the list's own title on page 1, with the page number after. */
export function pageTitle(title: string, current: number, last: number): string {
  return current === 1 ? title : `${title}（第 ${current}／${last} 页）`;
}

export interface RegionGroup<T> {
  region: string;
  entries: T[];
  /** Entries of this region in the whole list, not only on this page. */
  total: number;
  /** The region's entries began on an earlier page. */
  continued: boolean;
}

/**
 * The by-region groups of one page: the whole list is sorted by region and
 * cut into pages, and each page shows its slice under region headings, with
 * each region's full count and a mark when it carries on from the page before.
 */
export function regionGroupsOfPage<T extends { region: string }>(pageEntries: readonly T[], start: number, counts: ReadonlyMap<string, { first: number; total: number }>): RegionGroup<T>[] {
  const groups: RegionGroup<T>[] = [];
  pageEntries.forEach((entry, i) => {
    const last = groups.at(-1);
    if (last && last.region === entry.region) {
      last.entries.push(entry);
      return;
    }
    const region = counts.get(entry.region);
    groups.push({ region: entry.region, entries: [entry], total: region?.total ?? 1, continued: (region?.first ?? start + i) < start + i });
  });
  return groups;
}

/** Where each region's run starts in a list sorted by region, and how long it is. */
export function regionRuns<T extends { region: string }>(sorted: readonly T[]): Map<string, { first: number; total: number }> {
  const runs = new Map<string, { first: number; total: number }>();
  sorted.forEach((entry, i) => {
    const run = runs.get(entry.region);
    if (run) run.total++;
    else runs.set(entry.region, { first: i, total: 1 });
  });
  return runs;
}

/** How a list of entries of one collection is put newest first: byDate, or the site's faster equivalent (site-data's sortByDate). */
export type DateSort = <T extends Pick<Entry, 'collection' | 'date' | 'title'>>(entries: readonly T[]) => T[];

/** Entries in one group per collection (经验交流, 创新案例, 制度文件), newest first, empty collections left out. */
export function byKind<T extends Pick<Entry, 'collection' | 'date' | 'title'>>(entries: readonly T[], sort: DateSort = byDate): { collection: CollectionName; entries: T[] }[] {
  return COLLECTION_NAMES.map((collection) => ({ collection, entries: sort(entries.filter((e) => e.collection === collection)) })).filter((g) => g.entries.length > 0);
}

/**
 * The kinds of a theme, region or year page whose entries do not all fit on
 * it: each gets its own paginated list under the page (`themes/<id>/cases/`).
 */
export function kindsWithOwnList<T extends Pick<Entry, 'collection' | 'date' | 'title'>>(entries: readonly T[], sort: DateSort = byDate): { collection: CollectionName; entries: T[] }[] {
  return byKind(entries, sort).filter((g) => g.entries.length > PREVIEW_PER_KIND);
}
