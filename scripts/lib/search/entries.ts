/**
 * The library's entries as search records, one at a time, read as the site
 * reads them (src/lib/site-content.ts): the same files, parser and schemas.
 */
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { readThemes } from '../../../src/lib/safe-yaml.ts';
import { collectionEntries } from '../../../src/lib/site-content.ts';
import { toSearchRecord, type SearchRecord } from '../../../src/lib/search/record.ts';
import { COLLECTION_NAMES } from '../../../src/schemas/index.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Every entry of `contentDir` as a search record, collection by collection, in file order; bad files throw, naming each problem. */
export function* searchRecords(contentDir: string): Generator<SearchRecord> {
  const names = new Map(readThemes(join(contentDir, 'themes.yaml')).map((t) => [t.id, t.name]));
  const problems: Diagnostic[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const entry of collectionEntries(contentDir, collection, problems)) yield toSearchRecord(entry, (id) => names.get(id) ?? id);
  }
  if (problems.length) throw new ContentError(`建搜索索引时发现内容错误，请先运行 npm run validate 并按提示修改：\n${problems.map(formatDiagnostic).join('\n')}`);
}
