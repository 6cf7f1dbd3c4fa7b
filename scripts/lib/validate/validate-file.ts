/**
 * The checking pipeline for one contributed file, top to bottom:
 * location → bytes → text → frontmatter + schema → entry checks.
 */
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { describeProblem, type ContentFileProblem } from '../../../src/lib/read-content-file.ts';
import { decodeEntryBytes } from '../../../src/lib/frontmatter.ts';
import { parseCollectionEntry, unresolvedReferences } from '../../../src/lib/library.ts';
import { closestThemes, type ValidationContext } from './context.ts';
import { caseSectionCheck, duplicateSlugCheck, figureCheck, regionCheck, yearFolderCheck } from './checks/entry.ts';
import { locate, type Located } from './checks/location.ts';
import { markdownChecks, parseBody } from './checks/markdown.ts';
import { damageChecks } from './checks/damage.ts';
import { formulaChecks } from './checks/formula.ts';
import { textChecks } from './checks/text.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../../src/schemas/index.ts';

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
  const located = locate(input.file, input.isSymlink);
  if (input.unreadable) return [unreadableProblem(input.file, input.unreadable), ...(Array.isArray(located) ? located : [])];
  if (!Array.isArray(located)) return checkEntry(input, located, context);
  // A Markdown file in a collection with a bad name is still read: its other problems
  // (personal data, secrecy markings, scripts) are reported along with the name.
  const collection = misnamedEntryCollection(input, located);
  if (!collection) return located;
  const id = input.file.slice(`content/${collection}/`.length, -'.md'.length);
  return [...located, ...checkEntry(input, { collection, id }, context)].sort(byPosition);
}

function misnamedEntryCollection(input: FileInput, problems: Diagnostic[]): CollectionName | undefined {
  if (input.isSymlink || !problems.every((p) => p.rule === 'path/location')) return undefined;
  return COLLECTION_NAMES.find((c) => input.file.startsWith(`content/${c}/`) && input.file.endsWith('.md'));
}

function checkEntry(input: FileInput, located: Located, context: ValidationContext): Diagnostic[] {
  const text = decodeEntryBytes(input.bytes, input.file);
  if (typeof text !== 'string') return text;
  const problems = [...textChecks(input.file, text), ...damageChecks(input.file, text)];
  const entry = parseCollectionEntry(located.collection, located.id, input.file, text);
  if (Array.isArray(entry)) return [...problems, ...entry].sort(byPosition);
  const tree = parseBody(entry.body);
  problems.push(
    ...markdownChecks(input.file, tree, entry.bodyLine),
    ...formulaChecks(entry),
    ...unresolvedReferences(entry, context.ids, (value) => closestThemes(value, context.themes)),
    ...yearFolderCheck(entry, located.year),
    ...regionCheck(entry),
    ...caseSectionCheck(entry),
    ...figureCheck(entry, context, tree),
    ...duplicateSlugCheck(entry, context),
  );
  return problems.sort(byPosition);
}
