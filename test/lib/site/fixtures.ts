/** Site helpers are tested with entries parsed by the real schemas from test/fixtures/site/. */
import { readFileSync } from 'node:fs';
import { parseCollectionEntry } from '../../../src/lib/library.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import { toSiteEntry, type RawEntry } from '../../../src/lib/site/entries.ts';

function load(kind: CollectionName, id: string, file: string): RawEntry {
  const path = `test/fixtures/site/${file}`;
  const entry = parseCollectionEntry(kind, id, path, readFileSync(path, 'utf8'));
  if (Array.isArray(entry)) throw new Error(`${path}: ${entry.map((d) => d.message).join('; ')}`);
  return { kind, id, data: entry.data, body: entry.body } as RawEntry;
}

export const rawEntries: RawEntry[] = [
  load('reports', '2023/xian', 'report-xian.md'),
  load('cases', '2023/xian', 'case-xian.md'),
  load('cases', '2023/qindu', 'case-qindu.md'),
  load('rules', 'qindu-rules', 'rule-qindu.md'),
];

export const siteEntries = rawEntries.map(toSiteEntry);
