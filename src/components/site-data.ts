/**
 * The one place the site reads Astro's collections: every page gets the same
 * entries, links and related lists, computed once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Theme } from '../schemas/index.ts';
import { toSiteEntry, type Kind, type RawEntry, type SiteEntry } from '../lib/site/entries.ts';
import { linkEntries, type EntryLinks } from '../lib/site/links.ts';
import { entriesByRegion, regionTree, type RegionNode } from '../lib/site/region-tree.ts';
import { relatedEntries, type Related } from '../lib/site/related.ts';

export type AstroEntry = CollectionEntry<Kind>;

export interface SiteData {
  entries: SiteEntry[];
  byKey: Map<string, SiteEntry>;
  astro: Map<string, AstroEntry>;
  themes: Theme[];
  themeName: (id: string) => string;
  links: Map<string, EntryLinks>;
  related: Map<string, Related<SiteEntry>[]>;
  /** Every region that has entries, with its ancestors (province → city → county). */
  regionTree: RegionNode[];
  /** For each region in the tree, the entries filed under it or below it. */
  entriesWithin: Map<string, SiteEntry[]>;
  ofKind: (kind: Kind) => SiteEntry[];
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [reports, cases, rules, themeEntries] = await Promise.all([
    getCollection('reports'),
    getCollection('cases'),
    getCollection('rules'),
    getCollection('themes'),
  ]);
  const raw: RawEntry[] = [
    ...reports.map((e) => ({ kind: 'reports' as const, id: e.id, data: e.data, body: e.body ?? '' })),
    ...cases.map((e) => ({ kind: 'cases' as const, id: e.id, data: e.data, body: e.body ?? '' })),
    ...rules.map((e) => ({ kind: 'rules' as const, id: e.id, data: e.data, body: e.body ?? '' })),
  ];
  const entries = raw.map(toSiteEntry);
  const themes = themeEntries.map((t) => t.data);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  const astro = new Map<string, AstroEntry>([...reports, ...cases, ...rules].map((e) => [`${e.collection}/${e.id}`, e]));
  return {
    entries,
    byKey: new Map(entries.map((e) => [e.key, e])),
    astro,
    themes,
    themeName: (id) => names.get(id) ?? id,
    links: linkEntries(raw),
    related: relatedEntries(entries),
    regionTree: regionTree(entries.map((e) => e.region)),
    entriesWithin: entriesByRegion(entries),
    ofKind: (kind) => entries.filter((e) => e.kind === kind),
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}
