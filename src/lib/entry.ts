/**
 * The entry: one parsed file of content/reports, content/cases or content/rules,
 * the same shape from the reader (scripts) or the loader (site) to the page.
 * Besides the parsed frontmatter (`data`, typed by its collection) it carries
 * where it lives and the few facts every list shows whatever the collection,
 * derived from `data` once by `toEntry`.
 */
import type { CollectionName, EntryData } from '../schemas/index.ts';
import { plainText } from './plain-text.ts';

/** What every list, chart and scorer reads, whatever the collection. */
export interface EntryFacts {
  title: string;
  region: string;
  /** The organization, or a rule's issuers joined with 、. */
  organization: string;
  /** Who a list names: the organization, or as many of a rule's issuers as fit 40 characters, then 等 N 家单位. */
  listedBy: string;
  /** YYYY-MM-DD for reports and dated rules, YYYY for cases; undefined for undated rules. */
  date: string | undefined;
  year: number | undefined;
  themes: string[];
  /** The summary, or for a rule (which has none) the opening of its text. */
  summary: string;
}

interface EntryOf<C extends CollectionName> extends EntryFacts {
  collection: C;
  /** Path under the collection folder without `.md`, e.g. `2023/xian`. */
  id: string;
  /** `cases/2023/xian`: unique across collections, and the entry's path on the site. */
  key: string;
  /** The file, relative to the repository root, e.g. `content/cases/2023/xian.md`. */
  file: string;
  data: EntryData[C];
  /** The Markdown after the frontmatter. */
  body: string;
}

/** An entry of collection `C`; `Entry` alone is any entry, narrowed by `entry.collection`. */
export type Entry<C extends CollectionName = CollectionName> = { [K in C]: EntryOf<K> }[C];

/** `text` cut to `length` characters, the cut marked with ……. */
export function cutText(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}……` : text;
}

/** Longest organization a list names: a case's or report's organization is at most this long. */
export const LISTED_BY_CHARS = 40;

/** Issuers joined with 、 while they fit `max` characters; the rest counted: 甲、乙等 5 家单位. */
export function issuersLine(issuers: readonly string[], max = LISTED_BY_CHARS): string {
  const all = issuers.join('、');
  if (all.length <= max) return all;
  const tail = `等 ${issuers.length} 家单位`;
  let shown = '';
  for (const issuer of issuers) {
    const next = shown ? `${shown}、${issuer}` : issuer;
    if (next.length + tail.length > max) break;
    shown = next;
  }
  return shown ? `${shown}${tail}` : `${cutText(issuers[0] ?? '', max - tail.length - 2)}${tail}`;
}

function opening(markdown: string, length = 120): string {
  return cutText(plainText(markdown), length);
}

const FACTS: { [C in CollectionName]: (data: EntryData[C], body: string) => EntryFacts } = {
  reports: (d) => ({ title: d.title, region: d.region, organization: d.organization, listedBy: d.organization, date: d.date, year: Number(d.date.slice(0, 4)), themes: d.themes, summary: d.summary }),
  cases: (d) => ({ title: d.title, region: d.region, organization: d.organization, listedBy: d.organization, date: String(d.year), year: d.year, themes: d.themes, summary: d.summary }),
  rules: (d, body) => ({
    title: d.title,
    region: d.region,
    organization: d.issuers.join('、'),
    listedBy: issuersLine(d.issuers),
    date: d.issued,
    year: d.issued ? Number(d.issued.slice(0, 4)) : undefined,
    themes: [],
    summary: opening(body),
  }),
};

/** The entry for a parsed file: `data` must have passed the collection's schema. */
export function toEntry<C extends CollectionName>(collection: C, id: string, file: string, data: EntryData[C], body: string): Entry<C> {
  const facts = FACTS[collection](data, body);
  return { collection, id, key: `${collection}/${id}`, file, data, body, ...facts };
}
