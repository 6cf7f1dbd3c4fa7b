/**
 * Checking the files named on the command line without listing the library:
 * each id a file refers to is looked up on disk when a check asks for it, so
 * one file costs the same in a library of 40 entries or 30,000, and no `git`
 * runs unless a named report or rule has cases that may quote it.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdLookup } from '../../../src/lib/library.ts';
import { readThemes } from '../../../src/lib/safe-yaml.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import type { ValidationContext } from './context.ts';
import { gitPaths } from '../../../src/lib/git-paths.ts';

const COLLECTIONS: readonly CollectionName[] = ['reports', 'cases', 'rules'];

/** `2023/xian` → its segments, or undefined for anything that could leave the collection folder. */
function safeSegments(id: string): string[] | undefined {
  const segments = id.split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0')) ? segments : undefined;
}

/** Whether content/<collection>/<id>.md is there (as a listing would show it: a file or a link, never followed). */
function onDisk(root: string, collection: CollectionName, id: string): boolean {
  const segments = safeSegments(id);
  if (!segments) return false;
  try {
    const stats = lstatSync(join(root, 'content', collection, ...segments) + '.md', { throwIfNoEntry: false });
    return stats !== undefined && !stats.isDirectory();
  } catch {
    return false; // a name the file system cannot hold (too long, bad bytes) is not there
  }
}

/** The collection's year folders (reports and cases are filed as <year>/<slug>.md). */
function yearFolders(root: string, collection: CollectionName): string[] {
  const base = join(root, 'content', collection);
  return existsSync(base) ? readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
}

/**
 * A context for checking `files`: ids are looked up on disk, and `idsBySlug`
 * holds the slugs of the named files, the only ones a check of them asks about.
 */
export function namedContext(root: string, files: readonly string[]): ValidationContext {
  const lookup = (collection: CollectionName) => {
    const seen = new Map<string, boolean>();
    return {
      has(id: string): boolean {
        let found = seen.get(id);
        if (found === undefined) seen.set(id, (found = onDisk(root, collection, id)));
        return found;
      },
    };
  };
  const themes = readThemes(join(root, 'content', 'themes.yaml'));
  const ids: IdLookup = { reports: lookup('reports'), cases: lookup('cases'), rules: lookup('rules'), themes: new Set(themes.map((t) => t.id)) };
  const bySlug = new Map<CollectionName, Map<string, string[]>>();
  for (const collection of COLLECTIONS) {
    const slugs = new Set(files.flatMap((f) => new RegExp(`^content/${collection}/(?:[^/]+/)*([^/]+)\\.md$`).exec(f)?.[1] ?? []));
    const folders = slugs.size > 0 && collection !== 'rules' ? yearFolders(root, collection) : [];
    bySlug.set(collection, new Map([...slugs].map((slug) => [slug, folders.map((year) => `${year}/${slug}`).filter((id) => ids[collection].has(id))])));
  }
  const texts = new Map<string, string | undefined>();
  return {
    ids,
    idsBySlug: (collection) => bySlug.get(collection) ?? new Map(),
    themes,
    entryText(collection, id) {
      const key = `${collection}/${id}`;
      if (!texts.has(key)) texts.set(key, ids[collection].has(id) && !lstatSync(join(root, 'content', key + '.md')).isSymbolicLink() ? readFileSync(join(root, 'content', key + '.md'), 'utf8') : undefined);
      return texts.get(key);
    },
  };
}

/**
 * The cases whose checks read a named report's or rule's text (their figures
 * must appear in their sources). Nothing else a check says about one entry
 * depends on another entry's content, only on whether it exists, and a named
 * file exists. Found with `git grep` in a work tree (untracked files included),
 * else by reading content/cases/.
 */
export function casesCiting(root: string, files: readonly string[]): string[] {
  const keys = files.flatMap((f) => /^content\/((?:reports|rules)\/.+)\.md$/.exec(f)?.[1] ?? []);
  if (keys.length === 0) return [];
  const named = new Set(files);
  const found = existsSync(join(root, '.git'))
    ? gitPaths(root, ['grep', '--untracked', '-l', '-F', ...keys.flatMap((k) => ['-e', k]), '--', 'content/cases'], { grep: true })
    : undefined;
  const candidates = found ?? readdirSync(join(root, 'content', 'cases'), { recursive: true, encoding: 'utf8' }).map((f) => `content/cases/${f.split('\\').join('/')}`);
  return candidates
    .filter((file) => file.endsWith('.md') && !named.has(file))
    .filter((file) => {
      const stats = lstatSync(join(root, file), { throwIfNoEntry: false });
      return stats?.isFile() === true && keys.some((key) => readFileSync(join(root, file), 'utf8').includes(key));
    })
    .sort();
}
