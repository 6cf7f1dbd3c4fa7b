/** Choosing the files to check and checking them: shared by `npm run validate` and the pull-request job. */
import { changedSince, listContentFiles, loadContext, readInput, referrers, type FolderLinks } from './load.ts';
import { casesCiting, namedContext } from './named.ts';
import { checkStaged } from './staged.ts';
import { validateFile } from './validate-file.ts';
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';

export interface Selection {
  /** Files named on the command line. */
  paths?: readonly string[];
  /** A git ref: check what changed since it. */
  changedSince?: string | undefined;
  /** Only the files under this folder (e.g. `content/cases/2023/`), nothing that refers to them. */
  folder?: string;
  /** The files staged in git's index, as staged (see staged.ts); paths and ref are then ignored. */
  staged?: boolean;
}

/** A path as typed on the command line (`./content/…`, `content\…`) as the validator names files. */
function asRepoPath(path: string): string {
  // Only Windows separates folders with \; elsewhere it is a character of the name.
  return path.replace(/^\.\//, '').split(sep).join('/');
}

export interface RunOptions {
  /** Check in several threads from this many files on; below it one thread is faster than starting workers. */
  parallelFrom?: number;
}

/**
 * With no paths and no ref, every file under content/; otherwise the named and
 * changed files plus the entries that refer to them (or to deleted ones).
 */
export function selectFiles(root: string, all: readonly string[], selection: Selection): string[] {
  if (selection.folder) return all.filter((f) => f.startsWith(selection.folder as string));
  const paths = (selection.paths ?? []).map(asRepoPath);
  if (paths.length === 0 && !selection.changedSince) return [...all];
  const since = selection.changedSince ? changedSince(root, selection.changedSince) : { changed: [], deleted: [] };
  const changed = [...new Set([...paths, ...since.changed])];
  return [...new Set([...changed, ...referrers(root, all, [...changed, ...since.deleted])])].sort();
}

/** Reads and checks `files` in this thread, with ids and themes from the whole library (`all`). */
export function checkFiles(root: string, all: readonly string[], files: readonly string[]): Diagnostic[] {
  const context = loadContext(root, all);
  const folders: FolderLinks = new Map();
  return files.flatMap((file) => validateFile(readInput(root, file, folders), context));
}

/** The worker script beside this module: worker.ts among the sources, validate-worker.cjs beside the prebuilt bundle. */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './validate-worker.cjs', import.meta.url);

/** Below this many files one thread is faster than starting workers. */
const PARALLEL_FROM = 1500;

/** Splits the files into `threads` shares: this thread checks the first while workers check the others. */
async function inWorkers(root: string, all: readonly string[], files: readonly string[], threads: number): Promise<Diagnostic[]> {
  const share = Math.ceil(files.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => files.slice(i * share, (i + 1) * share));
  const others = chunks.slice(1).map(
    (chunk) =>
      new Promise<Diagnostic[]>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { root, all, files: chunk } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const mine = checkFiles(root, all, chunks[0] ?? []);
  return [...mine, ...(await Promise.all(others)).flat()];
}

/** The named files and the cases that quote a named report or rule, checked without listing the library (see named.ts). */
export function checkNamed(root: string, paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const named = [...new Set(paths.map(asRepoPath))];
  const files = [...named, ...casesCiting(root, named)].sort();
  const context = namedContext(root, files);
  return { files, diagnostics: files.flatMap((file) => validateFile(readInput(root, file), context)) };
}

export async function runValidation(
  root: string,
  selection: Selection,
  { parallelFrom = PARALLEL_FROM }: RunOptions = {},
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  if (selection.staged) return checkStaged(root);
  if (selection.paths?.length && !selection.changedSince && !selection.folder) return checkNamed(root, selection.paths);
  const all = listContentFiles(root);
  const files = selectFiles(root, all, selection);
  const threads = Math.min(availableParallelism(), 4);
  if (files.length >= parallelFrom && threads > 1) return { files, diagnostics: await inWorkers(root, all, files, threads) };
  return { files, diagnostics: checkFiles(root, all, files) };
}
