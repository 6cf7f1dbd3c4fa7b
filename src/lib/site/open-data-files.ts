/** The open-data files as the site serves them: built once per build, for the files themselves and the sizes the data page shows. */
import { getCollection } from 'astro:content';
import type { AnyEntry } from '../library.ts';
import { toCsv, toJson, toRows } from '../open-data.ts';
import type { CollectionName } from '../../schemas/index.ts';

export interface OpenDataFiles {
  count: number;
  csv: string;
  json: string;
}

const built = new Map<CollectionName, Promise<OpenDataFiles>>();

export function openDataFiles(collection: CollectionName, siteUrl: string): Promise<OpenDataFiles> {
  let files = built.get(collection);
  if (!files) {
    files = (async () => {
      const entries = (await getCollection(collection)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as unknown as AnyEntry[];
      const themeNames = new Map((await getCollection('themes')).map((t) => [t.id, t.data.name]));
      const rows = toRows(collection, entries, siteUrl, themeNames);
      return { count: entries.length, csv: toCsv(collection, rows), json: toJson(rows) };
    })();
    built.set(collection, files);
  }
  return files;
}
