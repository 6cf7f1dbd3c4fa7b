/** Search indexes built in temporary folders, and a fetch that serves their files, for engine tests in Node. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex, type BuildOptions } from '../../../scripts/lib/search/build.ts';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import type { Fetch } from '../../../src/lib/search/engine.ts';

export const INDEX_URL = 'https://casebook.example/search-index/';

/** Temporary folders made by buildIndex in this thread and not yet removed. */
const made = new Set<string>();

/** Builds an index of the records; returns its folder (removed by removeBuiltIndexes). */
export function buildIndex(records: Iterable<SearchRecord>, options?: BuildOptions): string {
  const parent = mkdtempSync(join(tmpdir(), 'casebook-search-'));
  made.add(parent);
  const dir = join(parent, 'search');
  buildSearchIndex(records, dir, options);
  return dir;
}

/**
 * Removes the folders buildIndex made. Each test file that builds indexes calls
 * `afterAll(removeBuiltIndexes)` itself: the unit tests share this module between
 * the files of a thread (isolate: false), so a hook registered here would belong
 * to the first file only. The files of a thread run one after another.
 */
export function removeBuiltIndexes(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
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
