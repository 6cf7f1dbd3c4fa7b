/** Reading what the validator checks: the files, the ids around them, and which files a change touches. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readThemes } from '../../../src/lib/safe-yaml.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import { slugIndex, type ValidationContext } from './context.ts';
import type { FileInput } from './validate-file.ts';

const COLLECTIONS: CollectionName[] = ['reports', 'cases', 'rules'];

function git(root: string, args: string[]): string[] | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    return undefined;
  }
}

/** Whether `root` is the top of a git work tree (then git's index lists files faster than the disk). */
function isGitTop(root: string): boolean {
  return existsSync(join(root, '.git'));
}

/** Every file under content/<collection>/ (any extension, links included), repository-relative. */
export function listContentFiles(root: string): string[] {
  const folders = COLLECTIONS.map((c) => `content/${c}`);
  if (isGitTop(root)) {
    const listed = git(root, ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...folders]);
    const deleted = new Set(git(root, ['ls-files', '--deleted', '--', ...folders]) ?? []);
    if (listed) return [...new Set(listed)].filter((f) => !deleted.has(f)).sort();
  }
  return COLLECTIONS.flatMap((collection) => {
    const base = join(root, 'content', collection);
    if (!existsSync(base)) return [];
    return readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => `content/${collection}/${relative(base, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
  }).sort();
}

/** The file's bytes; a symbolic link is reported as one and never followed (O_NOFOLLOW: no gap between checking and reading). */
export function readInput(root: string, file: string): FileInput {
  let fd: number;
  try {
    fd = openSync(join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { file, isSymlink: true, bytes: new Uint8Array() };
    throw error;
  }
  try {
    return { file, isSymlink: false, bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/** Ids from file names alone, so that checking one file does not parse the library. */
export function loadContext(root: string, files: readonly string[]): ValidationContext {
  const ids = { reports: new Set<string>(), cases: new Set<string>(), rules: new Set<string>() };
  for (const file of files) {
    const match = /^content\/(reports|cases|rules)\/(.+)\.md$/.exec(file);
    if (match) ids[match[1] as CollectionName].add(match[2] as string);
  }
  const themes = readThemes(join(root, 'content', 'themes.yaml'));
  const cache = new Map<string, string | undefined>();
  const known = { ...ids, themes: new Set(themes.map((t) => t.id)) };
  return {
    ids: known,
    idsBySlug: slugIndex(known),
    themes,
    entryText(collection, id) {
      const file = join(root, 'content', collection, `${id}.md`);
      if (!cache.has(file)) cache.set(file, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      return cache.get(file);
    },
  };
}

/** Content files added, changed or deleted since a git ref (including uncommitted and untracked ones). */
export function changedSince(root: string, ref: string): { changed: string[]; deleted: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const inContent = (f: string) => f.startsWith('content/');
  const changed = [...git('diff', '--name-only', '--no-renames', '--diff-filter=d', ref, '--', 'content'), ...git('ls-files', '--others', '--exclude-standard', '--', 'content')];
  const deleted = git('diff', '--name-only', '--no-renames', '--diff-filter=D', ref, '--', 'content');
  return { changed: [...new Set(changed.filter(inContent))].sort(), deleted: deleted.filter(inContent) };
}

/** The id by which other entries refer to a file: `2023/xian` for a report or case, the slug for a rule. */
function referenceKey(file: string): string | undefined {
  return /^content\/(?:reports|cases|rules)\/(.+)\.md$/.exec(file)?.[1];
}

/** Files among `all` whose text names one of the changed files' ids (they may now point at nothing). */
export function referrers(root: string, all: readonly string[], changed: readonly string[]): string[] {
  const keys = changed.map(referenceKey).filter((k): k is string => k !== undefined);
  if (keys.length === 0) return [];
  const touched = new Set(changed);
  const known = new Set(all);
  if (isGitTop(root)) {
    // git grep searches tracked files in the work tree; untracked ones are few and read below.
    const found = git(root, ['grep', '-l', '-F', ...keys.flatMap((k) => ['-e', k]), '--', ...COLLECTIONS.map((c) => `content/${c}`)]) ?? [];
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', 'content']) ?? [];
    const extra = untracked.filter((file) => file.endsWith('.md') && keys.some((key) => readFileSync(join(root, file), 'utf8').includes(key)));
    return [...new Set([...found, ...extra])].filter((f) => known.has(f) && !touched.has(f)).sort();
  }
  return all.filter((file) => {
    if (touched.has(file) || !file.endsWith('.md')) return false;
    const text = readFileSync(join(root, file), 'utf8');
    return keys.some((key) => text.includes(key));
  });
}

export function repoRelative(root: string, path: string): string {
  return relative(root, join(root, path)).split(sep).join('/');
}
