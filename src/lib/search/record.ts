/**
 * What the search index knows about an entry, declared once: the searchable
 * fields (title, summary, body, with their weights) and the filter fields the
 * search page offers (type, city, theme, year). The index builder makes one
 * record per entry with `toSearchRecord`; the page reads the same names.
 */
import { collectionLabel } from '../../schemas/index.ts';
import type { Entry } from '../entry.ts';
import { plainText } from '../plain-text.ts';
import { cityOf, regionFullName } from '../regions.ts';

import type { FilterName } from './filters.ts';

export { FILTERS, type FilterName } from './filters.ts';

/** How much an occurrence counts for ranking, by field (BM25F-style weighted term frequency). */
export const FIELD_WEIGHTS = { title: 5, summary: 2, body: 1 } as const;

export interface SearchRecord {
  /** `cases/2023/xian`: the entry's path on the site, without the base path, and its stable identity. */
  key: string;
  title: string;
  summary: string;
  /** The body as plain text. */
  body: string;
  /** YYYY-MM-DD, YYYY, or '' when undated. */
  date: string;
  /** Shown under the title: 创新案例 · 陕西省咸阳市秦都区. */
  byline: string;
  /** Filter values, one list per filter (an entry has several themes, and may have no city or year). */
  filters: Record<FilterName, string[]>;
  /** Cluster key: entries are numbered in this order, so that entries on one practice sit together. */
  cluster: string;
}

/** The search record of an entry; `themeName` turns a theme id into the name shown. */
export function toSearchRecord(entry: Entry, themeName: (id: string) => string = (id) => id): SearchRecord {
  const city = cityOf(entry.region)?.name;
  return {
    key: entry.key,
    title: entry.title,
    summary: entry.summary,
    body: plainText(entry.body),
    date: entry.date ?? '',
    byline: [collectionLabel(entry.collection), regionFullName(entry.region)].filter(Boolean).join(' · '),
    filters: {
      type: [collectionLabel(entry.collection)],
      region: city ? [city] : [],
      theme: entry.themes.map(themeName),
      year: entry.year === undefined ? [] : [String(entry.year)],
    },
    cluster: entry.themes[0] ?? '\uffff',
  };
}
