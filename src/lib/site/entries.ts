/**
 * One shape for the site's lists, whatever the collection: the fields a list,
 * a chart or the related-entries scorer needs, read from parsed entries.
 */
import type { Case, CollectionName, Report, Rule } from '../../schemas/index.ts';

export type Kind = CollectionName;

export const KIND_LABEL: Record<Kind, string> = { reports: '经验交流', cases: '创新案例', rules: '制度文件' };
export const KINDS: readonly Kind[] = ['reports', 'cases', 'rules'];

export type EntryData = { reports: Report; cases: Case; rules: Rule };

/** An entry as Astro's getCollection or the library reader gives it. */
export type RawEntry = { [K in Kind]: { kind: K; id: string; data: EntryData[K]; body: string } }[Kind];

export interface SiteEntry {
  kind: Kind;
  id: string;
  /** `cases/2023/xian`: unique across collections, and the entry's path on the site. */
  key: string;
  title: string;
  region: string;
  organization: string;
  /** YYYY-MM-DD for reports and dated rules, YYYY for cases; undefined for undated rules. */
  date: string | undefined;
  year: number | undefined;
  themes: string[];
  /** The summary, or the opening of the body when there is none. */
  summary: string;
  body: string;
}

/** Markdown reduced to its words, for summaries and similarity. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s*/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function opening(markdown: string, length = 120): string {
  const text = plainText(markdown);
  return text.length > length ? `${text.slice(0, length)}……` : text;
}

export function toSiteEntry(entry: RawEntry): SiteEntry {
  const base = { kind: entry.kind, id: entry.id, key: `${entry.kind}/${entry.id}`, body: entry.body, region: entry.data.region };
  switch (entry.kind) {
    case 'reports': {
      const d = entry.data;
      return { ...base, title: d.title, organization: d.organization, date: d.date, year: Number(d.date.slice(0, 4)), themes: d.themes, summary: d.summary };
    }
    case 'cases': {
      const d = entry.data;
      return { ...base, title: d.title, organization: d.organization, date: String(d.year), year: d.year, themes: d.themes, summary: d.summary };
    }
    case 'rules': {
      const d = entry.data;
      const year = d.issued ? Number(d.issued.slice(0, 4)) : undefined;
      return { ...base, title: d.title, organization: d.issuers.join('、'), date: d.issued, year, themes: [], summary: opening(entry.body) };
    }
  }
}
