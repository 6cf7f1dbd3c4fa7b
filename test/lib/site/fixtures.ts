/** Site helpers are tested with entries parsed by the real schemas from test/fixtures/site/. */
import { readFileSync } from 'node:fs';
import { parseCollectionEntry, type LocatedEntry } from '../../../src/lib/library.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';

function load<C extends CollectionName>(collection: C, id: string, file: string): LocatedEntry<C> {
  const path = `test/fixtures/site/${file}`;
  const entry = parseCollectionEntry(collection, id, path, readFileSync(path, 'utf8'));
  if (Array.isArray(entry)) throw new Error(`${path}: ${entry.map((d) => d.message).join('; ')}`);
  return entry;
}

export const entries = [
  load('reports', '2023/xian', 'report-xian.md'),
  load('cases', '2023/xian', 'case-xian.md'),
  load('cases', '2023/qindu', 'case-qindu.md'),
  load('rules', 'qindu-rules', 'rule-qindu.md'),
];
