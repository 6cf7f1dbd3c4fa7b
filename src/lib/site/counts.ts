/** Counts for the home page, the statistics page and the browse pages. */
import type { Theme } from '../../schemas/index.ts';
import type { Entry } from '../entry.ts';
import { cityOf } from '../regions.ts';
import { compareRegions } from './sort.ts';

/** [year, number of entries], newest year first; undated entries are not counted. */
export function yearCounts(entries: readonly Pick<Entry, 'year'>[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const e of entries) if (e.year !== undefined) counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[0] - a[0]);
}

/** [theme, number of entries], most used first, ties in vocabulary order; unused themes included. */
export function themeCounts(entries: readonly Pick<Entry, 'themes'>[], themes: readonly Theme[]): [Theme, number][] {
  return themes
    .map((t, order) => ({ t, order, n: entries.filter((e) => e.themes.includes(t.id)).length }))
    .sort((a, b) => b.n - a.n || a.order - b.order)
    .map(({ t, n }) => [t, n]);
}

/** [city code, number of entries] at city level (地级), in pinyin order of the cities. */
export function cityCounts(entries: readonly Pick<Entry, 'region'>[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const city = cityOf(e.region)?.code ?? e.region;
    counts.set(city, (counts.get(city) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => compareRegions(a[0], b[0]));
}
