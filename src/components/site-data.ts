/**
 * The one place the site reads content/: every page gets the same entries,
 * links and related lists, computed once per build.
 *
 * Entries are read here (src/lib/site-content.ts) rather than through Astro's
 * content collections. Astro's content layer stores every entry, body and
 * rendered HTML in one JSON file and bundles it into the build as a single
 * JavaScript string (36 MB at 10,000 entries): serialising, bundling and
 * compiling that module took about 12 s of a 48 s build, and its size grows
 * with the library towards what one JavaScript string can hold.
 */
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { COLLECTION_NAMES, type CollectionName, type Theme } from '../schemas/index.ts';
import { walkTree } from '../lib/content-tree.ts';
import type { Entry } from '../lib/entry.ts';
import { readThemes } from '../lib/safe-yaml.ts';
import { readSiteContent, type DigestFile } from '../lib/site-content.ts';
import { renderBody } from '../lib/site/markdown.ts';
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

let cached: { content: ReturnType<typeof readContent>; data: Promise<SiteData>; stamp: string } | undefined;

/** The project root: Astro runs the build and the dev server there. */
const ROOT = process.cwd();

function readContent() {
  // Themes in the order of their ids, as the site has always listed them (lists with counts sort on their own).
  const themes = readThemes(join(ROOT, 'content', 'themes.yaml')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...readSiteContent(join(ROOT, 'content')), themes };
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

async function load(content: ReturnType<typeof readContent>): Promise<SiteData> {
  const grouped = content.entries;
  const entries = COLLECTION_NAMES.flatMap((c): Entry[] => grouped[c]);
  const themes = content.themes;
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

/** Every file under content/ with its size and time: what changes when a file is edited, added or removed. */
function contentStamp(): string {
  const base = join(ROOT, 'content');
  return walkTree(base)
    .map(({ name }) => {
      try {
        const { size, mtimeMs } = lstatSync(join(base, name));
        return `${name} ${size} ${mtimeMs}`;
      } catch {
        return name;
      }
    })
    .join('\n');
}

/**
 * Read once per build. The dev server reads content/ again when a file under
 * it has changed, so that an edit shows on reload.
 */
let checked = { at: 0, stamp: '' };
function content() {
  // A page asks several times while it renders: the folder is walked at most once a second.
  if (import.meta.env.DEV && Date.now() - checked.at > 1000) checked = { at: Date.now(), stamp: contentStamp() };
  const stamp = checked.stamp;
  if (!cached || cached.stamp !== stamp) {
    const read = readContent();
    cached = { content: read, data: load(read), stamp };
  }
  return cached;
}

export function siteData(): Promise<SiteData> {
  return content().data;
}

/** The entry's Markdown body as sanitized HTML (src/lib/site/markdown.ts). */
export async function renderEntry(entry: Entry): Promise<string> {
  return (await renderBody(entry.body, entry.file)).html;
}

/** The yearly digests, newest first, with their Markdown rendered as HTML on demand. */
export async function digests(): Promise<(DigestFile & { render: () => Promise<string> })[]> {
  return [...content().content.digests]
    .sort((a, b) => b.data.year - a.data.year)
    .map((d) => ({ ...d, render: async () => (await renderBody(d.body, d.file)).html }));
}
