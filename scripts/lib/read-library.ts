/** Reads content/ into a Library, collecting every file's problems instead of stopping at the first. */
import { join } from 'node:path';
import type { CollectionName } from '../../src/schemas/index.ts';
import { diagnostic, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { checkEntryName } from '../../src/lib/entry-path.ts';
import { decodeEntryBytes } from '../../src/lib/frontmatter.ts';
import { describeProblem, openContentFile } from '../../src/lib/read-content-file.ts';
import { parseCollectionEntry, type Entry, type Library } from '../../src/lib/library.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { listEntryFiles } from '../../src/loaders/entry-loader.ts';

export function readLibrary(contentDir = 'content'): { library: Library; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = <C extends CollectionName>(collection: C): Entry<C>[] => {
    const base = join(contentDir, collection);
    const entries: Entry<C>[] = [];
    for (const name of listEntryFiles(base)) {
      const file = join(base, name);
      const checked = checkEntryName(collection, name);
      if ('problem' in checked) {
        diagnostics.push(diagnostic(file, 'path/location', checked.problem, checked.suggestion ? { fix: `改名为 ${checked.suggestion}` } : {}));
        continue;
      }
      const read = openContentFile(file);
      if ('problem' in read) {
        diagnostics.push(diagnostic(file, read.problem === 'too-large' ? 'parse/file-too-large' : 'path/unreadable', describeProblem(read.problem, read.size)));
        continue;
      }
      const text = decodeEntryBytes(read.bytes, file);
      const result = typeof text === 'string' ? parseCollectionEntry(collection, checked.id, file, text) : text;
      if (Array.isArray(result)) diagnostics.push(...result);
      else entries.push(result);
    }
    return entries;
  };
  const library: Library = {
    reports: read('reports'),
    cases: read('cases'),
    rules: read('rules'),
    themes: readThemes(join(contentDir, 'themes.yaml')),
  };
  return { library, diagnostics };
}
