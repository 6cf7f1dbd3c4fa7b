/** Search indexes built in temporary folders, and a fetch that serves their files, for engine tests in Node. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex, type BuildOptions } from '../../../scripts/lib/search/build.ts';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import type { Fetch } from '../../../src/lib/search/engine.ts';

export const INDEX_URL = 'https://casebook.example/search-index/';

/** Builds an index of the records; returns its folder. */
export function buildIndex(records: Iterable<SearchRecord>, options?: BuildOptions): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebook-search-')), 'search');
  buildSearchIndex(records, dir, options);
  return dir;
}

/** fetch over the folder: the file's bytes, 404 when missing; `requests` lists the paths asked for. */
export function folderFetch(dir: string, requests: string[] = []): Fetch {
  return async (url) => {
    const path = url.slice(INDEX_URL.length);
    requests.push(path);
    try {
      return new Response(readFileSync(join(dir, path.replace(/\?.*$/, ''))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

/** A record with the given text fields and defaults for the rest. */
export function record(key: string, fields: Partial<Pick<SearchRecord, 'title' | 'summary' | 'body' | 'date'>> & { type?: string; theme?: string } = {}): SearchRecord {
  return {
    key,
    title: fields.title ?? key,
    summary: fields.summary ?? '',
    body: fields.body ?? '',
    date: fields.date ?? '2023',
    byline: '创新案例 · 陕西省',
    filters: { type: [fields.type ?? '创新案例'], region: ['西安市'], theme: fields.theme ? [fields.theme] : [], year: ['2023'] },
    cluster: fields.theme ?? '\uffff',
  };
}
