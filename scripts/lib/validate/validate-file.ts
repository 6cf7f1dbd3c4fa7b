/**
 * The checking pipeline for one contributed file, top to bottom:
 * location → bytes → text, frontmatter + schema, Markdown and entry checks
 * (src/lib/checks, shared with the /contribute/ page) → the check that reads other files.
 */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { checkEntryFile } from '../../../src/lib/checks/index.ts';
import { closestThemes, type ValidationContext } from './context.ts';
import { figureCheck } from './checks/entry.ts';
import { parseMarkdown } from './markdown-parser.ts';

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
  const suggestThemes = (value: string) => closestThemes(value, context.themes);
  const { entry, tree, problems } = checkEntryFile(input.file, input.bytes, input.isSymlink, { ...context, suggestThemes, parseMarkdown });
  if (entry) problems.push(...figureCheck(entry, context, tree));
  return problems.sort(byPosition);
}
