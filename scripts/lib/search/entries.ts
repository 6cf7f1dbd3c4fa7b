/**
 * The library's entries as search records, one at a time, read with the same
 * loader helpers, parser and schemas as the site (src/loaders, src/lib/library.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { decodeEntryBytes } from '../../../src/lib/frontmatter.ts';
import { parseCollectionEntry } from '../../../src/lib/library.ts';
import { readThemes } from '../../../src/lib/safe-yaml.ts';
import { toSearchRecord, type SearchRecord } from '../../../src/lib/search/record.ts';
import { COLLECTION_NAMES } from '../../../src/schemas/index.ts';
import { listEntryFiles } from '../../../src/loaders/entry-loader.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Every entry of `contentDir` as a search record, collection by collection, in file order; bad files throw, naming each problem. */
export function* searchRecords(contentDir: string): Generator<SearchRecord> {
  const names = new Map(readThemes(join(contentDir, 'themes.yaml')).map((t) => [t.id, t.name]));
  const problems: Diagnostic[] = [];
  for (const collection of COLLECTION_NAMES) {
    // The files the site's loader reads (src/loaders/entry-loader.ts), parsed into the same Entry by the same schemas.
    const base = join(contentDir, collection);
    for (const name of listEntryFiles(base)) {
      const file = join(base, name);
      const text = decodeEntryBytes(readFileSync(file), file);
      const entry = typeof text === 'string' ? parseCollectionEntry(collection, name.replace(/\.md$/, ''), file, text) : text;
      if (Array.isArray(entry)) problems.push(...entry);
      else yield toSearchRecord(entry, (id) => names.get(id) ?? id);
    }
  }
  if (problems.length) throw new ContentError(`建搜索索引时发现内容错误，请先运行 npm run validate 并按提示修改：\n${problems.map(formatDiagnostic).join('\n')}`);
}
