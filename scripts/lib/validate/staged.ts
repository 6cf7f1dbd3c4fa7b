/**
 * Checking what the next commit would record (`npm run validate -- --staged`,
 * the pre-commit hook): the content files staged in git's index, read from the
 * index and not from the work tree, against the ids, themes and sources the
 * index holds.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as z from 'zod';
import { parseSafeYaml, readThemes } from '../../../src/lib/safe-yaml.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { ThemesFileSchema } from '../../../src/schemas/theme.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import { gitPaths } from '../../../src/lib/git-paths.ts';
import { slugIndex, type ValidationContext } from './context.ts';
import { validateFile, type FileInput } from './validate-file.ts';

const COLLECTIONS: readonly CollectionName[] = ['reports', 'cases', 'rules'];
const FOLDERS = COLLECTIONS.map((c) => `content/${c}`);
/** Index modes of an ordinary file; a link (120000) or a submodule (160000) is not one. */
const REGULAR = new Set(['100644', '100755']);

interface IndexEntry {
  mode: string;
  blob: string;
}

function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd: root, input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Path → mode and blob of every file under the collections and themes.yaml in the index (`git ls-files --stage`). */
function readIndex(root: string): Map<string, IndexEntry> {
  const records = gitPaths(root, ['ls-files', '--stage', '--', ...FOLDERS, 'content/themes.yaml']);
  if (!records) throw new Error('--staged 需要在 git 仓库中运行');
  const index = new Map<string, IndexEntry>();
  for (const record of records) {
    const match = /^(\d{6}) ([0-9a-f]+) \d\t(.+)$/s.exec(record);
    if (match) index.set(match[3] as string, { mode: match[1] as string, blob: match[2] as string });
  }
  return index;
}

/** The contents of some blobs, read in one `git cat-file --batch`. */
function readBlobs(root: string, blobs: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  const unique = [...new Set(blobs)];
  if (unique.length === 0) return contents;
  const out = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(0x0a, at);
    const [blob = '', , size = '0'] = out.subarray(at, headerEnd).toString('latin1').split(' ');
    const start = headerEnd + 1;
    contents.set(blob, out.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return contents;
}

/** Content files the index adds or changes, and those it deletes, compared with HEAD (or with nothing before the first commit). */
export function stagedChanges(root: string): { changed: string[]; deleted: string[] } {
  const diff = (filter: string) => gitPaths(root, ['diff', '--cached', '--name-only', '--no-renames', `--diff-filter=${filter}`, '--', 'content']);
  const changed = diff('d');
  const deleted = diff('D');
  if (!changed || !deleted) throw new Error('--staged 需要在 git 仓库中运行');
  const inCollections = (f: string) => FOLDERS.some((folder) => f.startsWith(`${folder}/`));
  return { changed: changed.filter(inCollections).sort(), deleted: deleted.filter(inCollections).sort() };
}

/**
 * Entries in the index whose checks may change with the staged files: those
 * naming a deleted file's id (now pointing at nothing), and cases quoting a
 * staged report or rule (figures must appear in their sources).
 */
function stagedDependents(root: string, changed: readonly string[], deleted: readonly string[]): string[] {
  const key = (file: string) => /^content\/(?:reports|cases|rules)\/(.+)\.md$/.exec(file)?.[1];
  const quoted = changed.flatMap((f) => /^content\/((?:reports|rules)\/.+)\.md$/.exec(f)?.[1] ?? []);
  const grep = (keys: string[], folders: string[]) =>
    keys.length === 0 ? [] : (gitPaths(root, ['grep', '--cached', '-l', '-F', ...keys.flatMap((k) => ['-e', k]), '--', ...folders], { grep: true }) ?? []);
  const staged = new Set(changed);
  return [...new Set([...grep(deleted.flatMap((f) => key(f) ?? []), FOLDERS), ...grep(quoted, ['content/cases'])])].filter((f) => !staged.has(f)).sort();
}

function stagedThemes(text: string) {
  const label = 'content/themes.yaml（暂存区）';
  const result = ThemesFileSchema.safeParse(parseSafeYaml(text, label));
  if (!result.success) throw new Error(`${label}：${z.prettifyError(result.error)}`);
  return result.data;
}

/** Checks the staged content files and their dependents as the index holds them. */
export function checkStaged(root: string): { files: string[]; diagnostics: Diagnostic[] } {
  const { changed, deleted } = stagedChanges(root);
  if (changed.length === 0 && deleted.length === 0) return { files: [], diagnostics: [] };
  const index = readIndex(root);
  const files = [...changed, ...stagedDependents(root, changed, deleted)].sort();
  const themesEntry = index.get('content/themes.yaml');
  const wanted = [...files, 'content/themes.yaml'].flatMap((f) => {
    const entry = index.get(f);
    return entry && REGULAR.has(entry.mode) ? [entry.blob] : [];
  });
  const blobs = readBlobs(root, wanted);
  const textOf = (file: string): string | undefined => {
    const entry = index.get(file);
    if (!entry || !REGULAR.has(entry.mode)) return undefined;
    if (!blobs.has(entry.blob)) blobs.set(entry.blob, git(root, ['cat-file', 'blob', entry.blob]));
    return blobs.get(entry.blob)?.toString('utf8');
  };
  const themes = themesEntry ? stagedThemes(textOf('content/themes.yaml') ?? '') : readThemes(join(root, 'content', 'themes.yaml'));
  const ids = { reports: new Set<string>(), cases: new Set<string>(), rules: new Set<string>() };
  for (const file of index.keys()) {
    const match = /^content\/(reports|cases|rules)\/(.+)\.md$/.exec(file);
    if (match) ids[match[1] as CollectionName].add(match[2] as string);
  }
  const known = { ...ids, themes: new Set(themes.map((t) => t.id)) };
  const context: ValidationContext = {
    ids: known,
    idsBySlug: slugIndex(known),
    themes,
    entryText: (collection, id) => textOf(`content/${collection}/${id}.md`),
  };
  const input = (file: string): FileInput => {
    const entry = index.get(file);
    if (!entry) throw new Error(`${file} 不在暂存区中`);
    const regular = REGULAR.has(entry.mode);
    return { file, isSymlink: !regular, bytes: regular ? (blobs.get(entry.blob) ?? new Uint8Array()) : new Uint8Array() };
  };
  return { files, diagnostics: files.flatMap((file) => validateFile(input(file), context)) };
}
