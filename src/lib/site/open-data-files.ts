/** The open-data files as the site serves them: built once per build, for the files themselves and the sizes the data page shows. */
import { siteData } from '../../components/site-data.ts';
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
      const site = await siteData();
      const entries = [...site.ofCollection(collection)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const themeNames = new Map(site.themes.map((t) => [t.id, t.name]));
      const rows = toRows(collection, entries, siteUrl, themeNames);
      return { count: entries.length, csv: toCsv(collection, rows), json: toJson(rows) };
    })();
    built.set(collection, files);
  }
  return files;
}
