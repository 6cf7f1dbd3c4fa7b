/**
 * The one place the site reads Astro's collections: every page gets the same
 * entries, links and related lists, computed once per build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName, type Digest, type EntryData, type Theme } from '../schemas/index.ts';
import { toEntry, type Entry } from '../lib/entry.ts';
import { linkEntries, type EntryLinks } from '../lib/site/links.ts';
import { entriesByRegion, regionTree, type RegionNode } from '../lib/site/region-tree.ts';
import { relatedEntries, type Related } from '../lib/site/related.ts';

export interface SiteData {
  entries: Entry[];
  byKey: Map<string, Entry>;
  themes: Theme[];
  themeName: (id: string) => string;
  links: Map<string, EntryLinks>;
  related: Map<string, Related<Entry>[]>;
  /** Every region that has entries, with its ancestors (province → city → county). */
  regionTree: RegionNode[];
  /** For each region in the tree, the entries filed under it or below it. */
  entriesWithin: Map<string, Entry[]>;
  ofCollection: <C extends CollectionName>(collection: C) => Entry<C>[];
}

let cached: Promise<SiteData> | undefined;
const rendered = new Map<string, CollectionEntry<CollectionName>>();

/** The entry for what Astro's loader stored (src/loaders/entry-loader.ts, which always sets filePath). */
function fromStore<C extends CollectionName>(collection: C, stored: { id: string; filePath?: string | undefined; data: EntryData[C]; body?: string | undefined }): Entry<C> {
  return toEntry(collection, stored.id, stored.filePath ?? `content/${collection}/${stored.id}.md`, stored.data, stored.body ?? '');
}

async function load(): Promise<SiteData> {
  const [reports, cases, rules, themeEntries] = await Promise.all([
    getCollection('reports'),
    getCollection('cases'),
    getCollection('rules'),
    getCollection('themes'),
  ]);
  const grouped: { [C in CollectionName]: Entry<C>[] } = {
    reports: reports.map((e) => fromStore('reports', e)),
    cases: cases.map((e) => fromStore('cases', e)),
    rules: rules.map((e) => fromStore('rules', e)),
  };
  const entries = COLLECTION_NAMES.flatMap((c): Entry[] => grouped[c]);
  for (const stored of [...reports, ...cases, ...rules]) rendered.set(`${stored.collection}/${stored.id}`, stored);
  const themes = themeEntries.map((t) => t.data);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  const ofCollection = <C extends CollectionName>(collection: C): Entry<C>[] => grouped[collection];
  return {
    entries,
    byKey: new Map(entries.map((e) => [e.key, e])),
    themes,
    themeName: (id) => names.get(id) ?? id,
    links: linkEntries(entries),
    related: relatedEntries(entries),
    regionTree: regionTree(entries.map((e) => e.region)),
    entriesWithin: entriesByRegion(entries),
    ofCollection,
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

/** The rendered Markdown of an entry, as a component. */
export async function renderEntry(entry: Entry) {
  await siteData();
  const source = rendered.get(entry.key);
  if (!source) throw new Error(`no entry ${entry.key}`);
  return render(source);
}

/** The yearly digests, newest first, with their Markdown. */
export async function digests(): Promise<{ id: string; data: Digest; body: string; render: () => ReturnType<typeof render> }[]> {
  return (await getCollection('digests'))
    .sort((a, b) => b.data.year - a.data.year)
    .map((d) => ({ id: d.id, data: d.data, body: d.body ?? '', render: () => render(d) }));
}
