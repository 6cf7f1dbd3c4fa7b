/**
 * The one place the site reads Astro's collections: every page gets the same
 * entries, links and related lists, computed once per build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName, type Digest, type EntryData, type Theme } from '../schemas/index.ts';
import { toEntry, type Entry } from '../lib/entry.ts';
import { linkEntries, type EntryLinks } from '../lib/site/links.ts';
import type { DateSort } from '../lib/site/paginate.ts';
import { entriesByRegion, regionTree, type RegionNode } from '../lib/site/region-tree.ts';
import { byDateOnce } from '../lib/site/sort.ts';
import { entryTextFacts, type EntryTextFacts, type TextInput } from '../lib/site/entry-text.ts';
import type { Related } from '../lib/site/related.ts';

export interface SiteData {
  entries: Entry[];
  byKey: Map<string, Entry>;
  themes: Theme[];
  themeName: (id: string) => string;
  links: Map<string, EntryLinks>;
  /**
   * Related entries and whether the summary is printed, for entry pages only:
   * worked out in a worker thread while the other pages render.
   */
  entryText: Promise<EntryText>;
  /** Every region that has entries, with its ancestors (province → city → county). */
  regionTree: RegionNode[];
  /** For each region in the tree, the entries filed under it or below it. */
  entriesWithin: Map<string, Entry[]>;
  ofCollection: <C extends CollectionName>(collection: C) => Entry<C>[];
  /**
   * byDate for entries of one collection listed in site order (what byKind
   * sorts on theme, region and year pages): the same order, from each
   * collection's order worked out once instead of comparing titles' pinyin on every page.
   */
  sortByDate: DateSort;
}

export interface EntryText {
  related: Map<string, Related<Entry>[]>;
  showsSummary: (key: string) => boolean;
}

let cached: Promise<SiteData> | undefined;
const rendered = new Map<string, CollectionEntry<CollectionName>>();

/** The entry for what Astro's loader stored (src/loaders/entry-loader.ts, which always sets filePath). */
function fromStore<C extends CollectionName>(collection: C, stored: { id: string; filePath?: string | undefined; data: EntryData[C]; body?: string | undefined }): Entry<C> {
  return toEntry(collection, stored.id, stored.filePath ?? `content/${collection}/${stored.id}.md`, stored.data, stored.body ?? '');
}

/** The worker's source: Node runs it as TypeScript from the project (the page bundle does not contain it). */
const TEXT_WORKER = join(process.cwd(), 'src', 'lib', 'site', 'entry-text-worker.ts');

/**
 * entryTextFacts in a worker thread, so that parsing every body and scoring
 * related entries uses the second core. Where no worker can run it (no
 * source file, a Node without type stripping), it runs here instead: the same
 * facts, or the same error.
 */
async function entryTextOffThread(inputs: TextInput[]): Promise<EntryTextFacts> {
  const here = () => entryTextFacts(inputs);
  if (!existsSync(TEXT_WORKER)) return here();
  return new Promise<EntryTextFacts>((resolve, reject) => {
    const worker = new Worker(TEXT_WORKER, { workerData: inputs });
    let done = false;
    worker.once('message', (facts: EntryTextFacts) => {
      done = true;
      resolve(facts);
    });
    worker.once('error', () => {
      done = true;
      try {
        resolve(here());
      } catch (error) {
        reject(error);
      }
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`entry text worker exited with code ${code}`));
    });
  });
}

async function entryText(entries: readonly Entry[], byKey: ReadonlyMap<string, Entry>): Promise<EntryText> {
  const inputs = entries.map(({ key, collection, themes, title, summary, body }) => ({ key, collection, themes, title, summary, body }));
  const facts = await entryTextOffThread(inputs);
  const shown = new Set(facts.summaryShown);
  const related = new Map(facts.related.map(([key, list]) => [key, list.map(([other, score]) => ({ entry: byKey.get(other) as Entry, score }))]));
  return { related, showsSummary: (key: string) => shown.has(key) };
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
  const byKey = new Map(entries.map((e) => [e.key, e]));
  // Each collection on its own: byDate compares a case's year with a report's date on their common prefix only.
  const sortByDate = byDateOnce(COLLECTION_NAMES.map((c): Entry[] => grouped[c])) as DateSort;
  const text = entryText(entries, byKey);
  // Awaited by the entry pages; a failure fails them, not the pages rendered before.
  text.catch(() => undefined);
  return {
    entries,
    byKey,
    themes,
    themeName: (id) => names.get(id) ?? id,
    links: linkEntries(entries),
    entryText: text,
    regionTree: regionTree(entries.map((e) => e.region)),
    entriesWithin: entriesByRegion(entries),
    ofCollection,
    sortByDate,
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
