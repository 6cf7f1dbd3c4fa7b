/**
 * The checking pipeline for one contributed file, top to bottom:
 * location → bytes → text → frontmatter + schema → entry checks.
 */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { decodeEntryBytes } from '../../../src/lib/frontmatter.ts';
import { parseCollectionEntry, unresolvedReferences } from '../../../src/lib/library.ts';
import { closestThemes, type ValidationContext } from './context.ts';
import { caseSectionCheck, duplicateSlugCheck, figureCheck, regionCheck, yearFolderCheck } from './checks/entry.ts';
import { locate } from './checks/location.ts';
import { markdownChecks, parseBody } from './checks/markdown.ts';
import { textChecks } from './checks/text.ts';

export interface FileInput {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  bytes: Uint8Array;
  isSymlink: boolean;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function validateFile(input: FileInput, context: ValidationContext): Diagnostic[] {
  const located = locate(input.file, input.isSymlink);
  if (Array.isArray(located)) return located;
  const text = decodeEntryBytes(input.bytes, input.file);
  if (typeof text !== 'string') return text;
  const problems = textChecks(input.file, text);
  const entry = parseCollectionEntry(located.collection, located.id, input.file, text);
  if (Array.isArray(entry)) return [...problems, ...entry].sort(byPosition);
  const tree = parseBody(entry.body);
  problems.push(
    ...markdownChecks(input.file, tree, entry.bodyLine),
    ...unresolvedReferences(entry, context.ids, (value) => closestThemes(value, context.themes)),
    ...yearFolderCheck(entry, located.year),
    ...regionCheck(entry),
    ...caseSectionCheck(entry),
    ...figureCheck(entry, context, tree),
    ...duplicateSlugCheck(entry, context),
  );
  return problems.sort(byPosition);
}
