/** Choosing the files to check and checking them: shared by `npm run validate` and the pull-request job. */
import { changedSince, listContentFiles, loadContext, readInput, referrers, type FolderLinks } from './load.ts';
import { casesCiting, namedContext } from './named.ts';
import { checkStaged } from './staged.ts';
import { validateFile } from './validate-file.ts';
import { lstatSync, statSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** A named path that is a folder (not a link to one) stands for the library's files under it: `content/cases/2023` → `content/cases/2023/`. */
function folderPrefix(root: string, path: string): string | undefined {
  try {
    if (!lstatSync(join(root, path), { throwIfNoEntry: false })?.isDirectory()) return undefined;
  } catch {
    return undefined; // a name the file system cannot hold (NUL, too long) is checked, and reported, as a file
  }
  const normal = posix.normalize(path).replace(/\/+$/, '');
  return normal === '.' ? '' : `${normal}/`;
}

/** The named files, with each named folder replaced by the library's files under it. */
function expandFolders(root: string, all: readonly string[], paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const prefix = folderPrefix(root, path);
    return prefix === undefined ? [path] : all.filter((file) => file.startsWith(prefix));
  });
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
  const paths = expandFolders(root, all, (selection.paths ?? []).map(asRepoPath));
  if (!selection.paths?.length && !selection.changedSince) return [...all];
  const since = selection.changedSince ? changedSince(root, selection.changedSince) : { changed: [], deleted: [] };
  const changed = [...new Set([...paths, ...since.changed])];
  return [...new Set([...changed, ...referrers(root, all, [...changed, ...since.deleted])])].sort();
}

/** Reads and checks files in this thread, with ids and themes from the whole library (`all`): a checker for batch after batch. */
export function fileChecker(root: string, all: readonly string[]): (files: readonly string[]) => Diagnostic[] {
  const context = loadContext(root, all);
  const folders: FolderLinks = new Map();
  return (files) => files.flatMap((file) => validateFile(readInput(root, file, folders), context));
}

/** Reads and checks `files` in this thread, with ids and themes from the whole library (`all`). */
export function checkFiles(root: string, all: readonly string[], files: readonly string[]): Diagnostic[] {
  return fileChecker(root, all)(files);
}

/** The worker script beside this module: worker.ts among the sources, validate-worker.cjs beside the prebuilt bundle. */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './validate-worker.cjs', import.meta.url);

/** Below this many files one thread is faster than starting workers. */
const PARALLEL_FROM = 1500;

/** Files a thread takes at a time: small enough that threads finish together, large enough that messages cost nothing. */
const BATCH = 200;

/** What a worker is sent (see worker.ts): the library's files once, then batches of files to check, each answered with its problems. */
export type WorkerRequest = { all: readonly string[] } | { index: number; files: readonly string[] };
export interface BatchResult {
  index: number;
  diagnostics: Diagnostic[];
}

/**
 * A worker that checks batches of files. The prebuilt worker uses Node's compile cache as
 * the launcher set it up for this thread (a worker does not inherit it), so that it does
 * not compile its bundle anew at every run.
 */
function startWorker(root: string): Worker {
  const cache = getCompileCacheDir();
  if (WORKER.pathname.endsWith('.cjs') && cache) {
    const start = `require('node:module').enableCompileCache(${JSON.stringify(dirname(cache))}); require(${JSON.stringify(fileURLToPath(WORKER))});`;
    return new Worker(start, { eval: true, workerData: { root } });
  }
  return new Worker(WORKER, { workerData: { root } });
}

/**
 * Whether checking the whole library will likely take workers, judged before listing it from
 * the size of git's index (an entry takes at least 62 bytes): then they load while git lists.
 * A wrong guess costs a worker started for nothing, or started late; never a different result.
 */
function likelyParallel(root: string, selection: Selection, parallelFrom: number): boolean {
  if (selection.paths?.length || selection.changedSince || selection.folder) return false;
  return (statSync(join(root, '.git', 'index'), { throwIfNoEntry: false })?.size ?? 0) >= parallelFrom * 62;
}

/**
 * Checks the files in batches, which this thread and the workers take in turn as each finishes
 * one (a worker starts later, a busy core runs slower). The problems come out in the files'
 * order, whichever thread checked them. A worker always has a second batch waiting: this
 * thread hears that a batch is done only between two of its own, and a worker with nothing
 * queued sat idle for about a quarter of the run.
 */
async function inWorkers(root: string, all: readonly string[], files: readonly string[], workers: readonly Worker[]): Promise<Diagnostic[]> {
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, i) => files.slice(i * BATCH, (i + 1) * BATCH));
  const results: Diagnostic[][] = [];
  let next = 0;
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let queued = 0;
        let closing = false;
        const give = () => {
          if (next >= batches.length) {
            // Stopped once, when its last batch is back (both first calls can find nothing left).
            if (queued === 0 && !closing) {
              closing = true;
              void worker.terminate().then(() => resolve(), reject);
            }
            return;
          }
          const index = next++;
          queued++;
          worker.postMessage({ index, files: batches[index] ?? [] } satisfies WorkerRequest);
        };
        worker.on('message', ({ index, diagnostics }: BatchResult) => {
          results[index] = diagnostics;
          queued--;
          give();
        });
        worker.once('error', reject);
        worker.postMessage({ all } satisfies WorkerRequest);
        give();
        give();
      }),
  );
  const check = fileChecker(root, all);
  while (next < batches.length) {
    const index = next++;
    results[index] = check(batches[index] ?? []);
    // Let the workers' answers in, so that each gets its next batch while this thread works on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(finished);
  return results.flat();
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
  const namesFolder = selection.paths?.some((path) => folderPrefix(root, asRepoPath(path)) !== undefined) ?? false;
  if (selection.paths?.length && !namesFolder && !selection.changedSince && !selection.folder) return checkNamed(root, selection.paths);
  const threads = Math.min(availableParallelism(), 4);
  const early = threads > 1 && likelyParallel(root, selection, parallelFrom) ? Array.from({ length: threads - 1 }, () => startWorker(root)) : [];
  try {
    const all = listContentFiles(root);
    const files = selectFiles(root, all, selection);
    if (files.length < parallelFrom || threads < 2) return { files, diagnostics: checkFiles(root, all, files) };
    const workers = early.length > 0 ? early : Array.from({ length: threads - 1 }, () => startWorker(root));
    return { files, diagnostics: await inWorkers(root, all, files, workers) };
  } finally {
    await Promise.all(early.map((worker) => worker.terminate()));
  }
}
