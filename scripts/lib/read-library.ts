/** Reads content/ into a Library, collecting every file's problems instead of stopping at the first. */
import { dirname, join } from 'node:path';
import type { CollectionName } from '../../src/schemas/index.ts';
import { diagnostic, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { checkEntryName } from '../../src/lib/entry-path.ts';
import { describeProblem } from '../../src/lib/read-content-file.ts';
import { decodeEntryBytes } from '../../src/lib/frontmatter.ts';
import { parseCollectionEntry, type Library, type LocatedEntry } from '../../src/lib/library.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { listContentFiles, readInput, type FolderLinks } from './validate/load.ts';

export function readLibrary(contentDir = 'content'): { library: Library; diagnostics: Diagnostic[] } {
  const root = dirname(contentDir);
  const diagnostics: Diagnostic[] = [];
  // The validator's listing; symbolic links and files other than .md are the validator's to report, not entries.
  const files = listContentFiles(root).filter((f) => f.endsWith('.md'));
  const folders: FolderLinks = new Map();
  const read = <C extends CollectionName>(collection: C): LocatedEntry<C>[] => {
    const prefix = `content/${collection}/`;
    const entries: LocatedEntry<C>[] = [];
    for (const path of files.filter((f) => f.startsWith(prefix))) {
      const checked = checkEntryName(collection, path.slice(prefix.length));
      if ('problem' in checked) {
        diagnostics.push(diagnostic(path, 'path/location', checked.problem, checked.suggestion ? { fix: `改名为 ${checked.suggestion}` } : {}));
        continue;
      }
      const input = readInput(root, path, folders);
      if (input.isSymlink) continue;
      if (input.unreadable) {
        const { problem, size } = input.unreadable;
        diagnostics.push(diagnostic(path, problem === 'too-large' ? 'parse/file-too-large' : 'path/unreadable', describeProblem(problem, size)));
        continue;
      }
      // Named from the repository root, as the validator names them.
      const text = decodeEntryBytes(input.bytes, path);
      const result = typeof text === 'string' ? parseCollectionEntry(collection, checked.id, path, text) : text;
      if (Array.isArray(result)) diagnostics.push(...result);
      else entries.push(result);
    }
    return entries;
  };
  const library: Library = { reports: read('reports'), cases: read('cases'), rules: read('rules'), themes: readThemes(join(contentDir, 'themes.yaml')) };
  return { library, diagnostics };
}
