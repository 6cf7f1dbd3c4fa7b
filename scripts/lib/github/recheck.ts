/**
 * The feedback job's own verdict: the pull request's files (read as data) checked
 * with this checkout's validator, over the library as the pull request would leave it.
 * `root` is the default branch, never the pull request's code.
 */
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { decodeEntryBytes, MAX_FILE_BYTES, parseEntry } from '../../../src/lib/frontmatter.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';
import type { ValidationContext } from '../validate/context.ts';
import { listContentFiles, loadContext, readInput, referrers } from '../validate/load.ts';
import { validateFile, type FileInput } from '../validate/validate-file.ts';
import type { PullFile, PullFiles } from './pull-files.ts';
import { scopeProblems } from './scope.ts';

export interface Recheck {
  /** The files checked: the pull request's content files and the entries that refer to them. */
  files: string[];
  diagnostics: Diagnostic[];
  /** Region codes of the pull request's entries that parse. */
  regions: string[];
}

function inputOf(file: PullFile): FileInput | Diagnostic[] {
  if (file.kind === 'oversize') {
    return [diagnostic(file.path, 'parse/file-too-large', `文件有 ${Math.round(file.size / 1024)} KiB，超过上限 ${MAX_FILE_BYTES / 1024} KiB`, { fix: '拆分成几个条目，或删去与案例无关的内容' })];
  }
  // A submodule has no bytes: checked as an empty file, it fails (never passes unread).
  return { file: file.path, bytes: file.bytes, isSymlink: file.kind === 'symlink' };
}

function regionOf(file: PullFile): string[] {
  if (file.kind !== 'file' || !file.path.endsWith('.md')) return [];
  const text = decodeEntryBytes(file.bytes, file.path);
  const entry = typeof text === 'string' ? parseEntry(text, file.path) : text;
  const region = Array.isArray(entry) ? undefined : entry.data['region'];
  return typeof region === 'string' && /^\d{6}$/.test(region) ? [region] : [];
}

/** The base library's context with the pull request's additions, changes and deletions laid over it. */
function overlayContext(root: string, pull: PullFiles): { all: string[]; context: ValidationContext } {
  const removed = new Set(pull.removed);
  const all = [...new Set([...listContentFiles(root).filter((f) => !removed.has(f)), ...pull.content.map((f) => f.path)])].sort();
  const base = loadContext(root, all);
  const texts = new Map<string, string | undefined>();
  for (const file of pull.content) {
    const text = file.kind === 'file' ? decodeEntryBytes(file.bytes, file.path) : undefined;
    texts.set(file.path, typeof text === 'string' ? text : undefined);
  }
  const entryText = (collection: CollectionName, id: string) => {
    const path = `content/${collection}/${id}.md`;
    if (texts.has(path)) return texts.get(path);
    return removed.has(path) ? undefined : base.entryText(collection, id);
  };
  return { all, context: { ...base, entryText } };
}

export function recheckPull(root: string, pull: PullFiles, labels: readonly string[]): Recheck {
  const { all, context } = overlayContext(root, pull);
  const own = pull.content.flatMap((file) => {
    const input = inputOf(file);
    return Array.isArray(input) ? input : validateFile(input, context);
  });
  const touched = [...pull.content.map((f) => f.path), ...pull.removed];
  const others = referrers(root, all, touched);
  const theirs = others.flatMap((file) => validateFile(readInput(root, file), context));
  const diagnostics = [...scopeProblems([...pull.changed, ...pull.removed], labels), ...own, ...theirs];
  return {
    files: [...pull.content.map((f) => f.path), ...others].sort(),
    diagnostics,
    regions: [...new Set(pull.content.flatMap(regionOf))].sort(),
  };
}
