/**
 * The checking pipeline for one contributed file, top to bottom:
 * location → bytes → text, frontmatter + schema, Markdown and entry checks
 * (src/lib/checks, shared with the /contribute/ page) → the check that reads other files.
 */
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { describeProblem, type ContentFileProblem } from '../../../src/lib/read-content-file.ts';
import { checkEntryFile } from '../../../src/lib/checks/index.ts';
import { locate } from '../../../src/lib/checks/location.ts';
import { closestThemes, type ValidationContext } from './context.ts';
import { figureCheck } from './checks/entry.ts';
import { parseMarkdown } from './markdown-parser.ts';

export interface FileInput {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  bytes: Uint8Array;
  isSymlink: boolean;
  /** Why the file could not be read (then `bytes` is empty); a link is `isSymlink` instead. */
  unreadable?: { problem: Exclude<ContentFileProblem, 'symlink'>; size?: number };
}

const UNREADABLE_RULE = {
  missing: 'path/missing',
  'not-regular-file': 'path/not-regular-file',
  'too-large': 'parse/file-too-large',
  unreadable: 'path/unreadable',
} as const;

const UNREADABLE_FIX = {
  missing: '检查文件名是否拼写正确',
  'not-regular-file': '提交普通的 .md 文件，不要提交目录、管道或设备文件',
  'too-large': '拆分成几个条目，或删去与案例无关的内容',
  unreadable: '把文件改成只用小写字母、数字和连字符的名字后重新提交',
} as const;

function unreadableProblem(file: string, { problem, size }: NonNullable<FileInput['unreadable']>): Diagnostic {
  return diagnostic(file, UNREADABLE_RULE[problem], describeProblem(problem, size), { fix: UNREADABLE_FIX[problem] });
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function validateFile(input: FileInput, context: ValidationContext): Diagnostic[] {
  if (input.unreadable) {
    const located = locate(input.file, input.isSymlink);
    return [unreadableProblem(input.file, input.unreadable), ...(Array.isArray(located) ? located : [])];
  }
  const suggestThemes = (value: string) => closestThemes(value, context.themes);
  const { entry, tree, problems } = checkEntryFile(input.file, input.bytes, input.isSymlink, { ...context, suggestThemes, parseMarkdown });
  if (entry) problems.push(...figureCheck(entry, context, tree));
  return problems.sort(byPosition);
}
