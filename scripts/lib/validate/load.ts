/** Reading what the validator checks: the files, the ids around them, and which files a change touches. */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { walkTree } from '../../../src/lib/content-tree.ts';
import { checkEntryName } from '../../../src/lib/entry-path.ts';
import { gitPaths } from '../../../src/lib/git-paths.ts';
import { openContentFile } from '../../../src/lib/read-content-file.ts';
import { readThemes } from '../../../src/lib/safe-yaml.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import { slugIndex, type ValidationContext } from './context.ts';
import type { FileInput } from './validate-file.ts';

const COLLECTIONS: CollectionName[] = ['reports', 'cases', 'rules'];

/** Whether `root` is the top of a git work tree (then git's index lists files faster than the disk). */
function isGitTop(root: string): boolean {
  return existsSync(join(root, '.git'));
}

/** Every file under content/<collection>/ (any extension, links included, linked folders not entered), repository-relative. */
export function listContentFiles(root: string): string[] {
  const folders = COLLECTIONS.map((c) => `content/${c}`);
  if (isGitTop(root)) {
    // One git run (each costs tens of ms): -t tags each path, R for one deleted from the work tree
    // (listed again, tagged H, among the cached ones), ? for an untracked one, H, S or M for the rest.
    const tagged = gitPaths(root, ['ls-files', '-t', '--cached', '--deleted', '--others', '--exclude-standard', '--', ...folders]);
    if (tagged) {
      const deleted = new Set(tagged.filter((line) => line.startsWith('R ')).map((line) => line.slice(2)));
      return [...new Set(tagged.filter((line) => !line.startsWith('R ')).map((line) => line.slice(2)))].filter((f) => !deleted.has(f)).sort();
    }
  }
  return COLLECTIONS.flatMap((collection) => walkTree(join(root, 'content', collection)).map((entry) => `content/${collection}/${entry.name}`)).sort();
}

/**
 * What is known of the folders on the way to files: whether each is a symbolic link (true),
 * a folder (false), or missing (undefined). Shared by the files of one run, which mostly sit in
 * the same few folders (one lstat per folder instead of three per file).
 */
export type FolderLinks = Map<string, boolean | undefined>;

function isLinkedFolder(root: string, dir: string, folders: FolderLinks): boolean | undefined {
  if (folders.has(dir)) return folders.get(dir);
  let linked: boolean | undefined;
  try {
    linked = lstatSync(join(root, dir)).isSymbolicLink();
  } catch {
    linked = undefined;
  }
  folders.set(dir, linked);
  return linked;
}

/** Whether a folder on the way from `root` to `file` is a symbolic link (O_NOFOLLOW only guards the last part). */
function throughLinkedFolder(root: string, file: string, folders: FolderLinks = new Map()): boolean {
  for (let dir = dirname(file); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir)) {
    const linked = isLinkedFolder(root, dir, folders);
    if (linked === undefined) return false;
    if (linked) return true;
  }
  return false;
}

/**
 * The file's bytes, or why it cannot be read: a symbolic link (in the name or in a folder on
 * the way) is reported as one and never followed, and FIFOs, devices and huge files are not read.
 * `folders` carries what is known of the folders from one file to the next within a run.
 */
export function readInput(root: string, file: string, folders?: FolderLinks): FileInput {
  // A name that climbs out with .. is refused before anything is opened.
  if (file.split('/').includes('..') || file.startsWith('/')) return { file, isSymlink: false, bytes: new Uint8Array(), unreadable: { problem: 'unreadable' } };
  if (throughLinkedFolder(root, file, folders)) return { file, isSymlink: true, bytes: new Uint8Array() };
  const result = openContentFile(join(root, file));
  if ('bytes' in result) return { file, isSymlink: false, bytes: result.bytes };
  if (result.problem === 'symlink') return { file, isSymlink: true, bytes: new Uint8Array() };
  const unreadable = result.size === undefined ? { problem: result.problem } : { problem: result.problem, size: result.size };
  return { file, isSymlink: false, bytes: new Uint8Array(), unreadable };
}

/** An entry file's text for the checks that look inside other entries; nothing for links, devices or bad bytes. */
function entryFileText(root: string, file: string): string | undefined {
  if (throughLinkedFolder(root, file)) return undefined;
  const result = openContentFile(join(root, file));
  if (!('bytes' in result)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(result.bytes);
  } catch {
    return undefined;
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
      const file = `content/${collection}/${id}.md`;
      if (!cache.has(file)) cache.set(file, 'id' in checkEntryName(collection, `${id}.md`) ? entryFileText(root, file) : undefined);
      return cache.get(file);
    },
  };
}

/** Lists paths with git, or stops: a change that cannot be listed must not pass as "nothing changed". */
function gitPathsOrFail(root: string, args: string[]): string[] {
  const paths = gitPaths(root, args);
  if (!paths) throw new Error(`无法用 git 列出改动的文件（git ${args.join(' ')}）；检查给出的 git 引用是否存在`);
  return paths;
}

/** Content files added, changed or deleted since a git ref (including uncommitted and untracked ones). */
export function changedSince(root: string, ref: string): { changed: string[]; deleted: string[] } {
  const inContent = (f: string) => f.startsWith('content/');
  const changed = [
    ...gitPathsOrFail(root, ['diff', '--name-only', '--no-renames', '--diff-filter=d', ref, '--', 'content']),
    ...gitPathsOrFail(root, ['ls-files', '--others', '--exclude-standard', '--', 'content']),
  ];
  const deleted = gitPathsOrFail(root, ['diff', '--name-only', '--no-renames', '--diff-filter=D', ref, '--', 'content']);
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
    const found = gitPaths(root, ['grep', '-l', '-F', ...keys.flatMap((k) => ['-e', k]), '--', ...COLLECTIONS.map((c) => `content/${c}`)]) ?? [];
    const untracked = gitPaths(root, ['ls-files', '--others', '--exclude-standard', '--', 'content']) ?? [];
    const extra = untracked.filter((file) => file.endsWith('.md') && keys.some((key) => entryFileText(root, file)?.includes(key)));
    return [...new Set([...found, ...extra])].filter((f) => known.has(f) && !touched.has(f)).sort();
  }
  return all.filter((file) => {
    if (touched.has(file) || !file.endsWith('.md')) return false;
    const text = entryFileText(root, file);
    return keys.some((key) => text?.includes(key));
  });
}

export function repoRelative(root: string, path: string): string {
  return relative(root, join(root, path)).split(sep).join('/');
}
