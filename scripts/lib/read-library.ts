/** Reads content/ into a Library, collecting every file's problems instead of stopping at the first. */
import { dirname, join } from 'node:path';
import type { CollectionName } from '../../src/schemas/index.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { decodeEntryBytes } from '../../src/lib/frontmatter.ts';
import { parseCollectionEntry, type Library, type LocatedEntry } from '../../src/lib/library.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { listContentFiles, readInput } from './validate/load.ts';

export function readLibrary(contentDir = 'content'): { library: Library; diagnostics: Diagnostic[] } {
  const root = dirname(contentDir);
  const diagnostics: Diagnostic[] = [];
  // The validator's listing; symbolic links and files other than .md are the validator's to report, not entries.
  const files = listContentFiles(root).filter((f) => f.endsWith('.md'));
  const read = <C extends CollectionName>(collection: C): LocatedEntry<C>[] => {
    const prefix = `content/${collection}/`;
    const entries: LocatedEntry<C>[] = [];
    for (const path of files.filter((f) => f.startsWith(prefix))) {
      const input = readInput(root, path);
      if (input.isSymlink) continue;
      const file = join(contentDir, path.slice('content/'.length));
      const text = decodeEntryBytes(input.bytes, file);
      const result = typeof text === 'string' ? parseCollectionEntry(collection, path.slice(prefix.length, -'.md'.length), file, text) : text;
      if (Array.isArray(result)) diagnostics.push(...result);
      else entries.push(result);
    }
    return entries;
  };
  const library: Library = { reports: read('reports'), cases: read('cases'), rules: read('rules'), themes: readThemes(join(contentDir, 'themes.yaml')) };
  return { library, diagnostics };
}
