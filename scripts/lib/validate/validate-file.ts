/**
 * The checking pipeline for one contributed file, top to bottom:
 * location → bytes → text, frontmatter + schema and entry checks (src/lib/checks,
 * shared with the /contribute/ page) → the checks that read the body's Markdown or other files.
 */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { decodeEntryBytes } from '../../../src/lib/frontmatter.ts';
import { checkEntryText } from '../../../src/lib/checks/index.ts';
import { closestThemes, type ValidationContext } from './context.ts';
import { figureCheck } from './checks/entry.ts';
import { locate } from './checks/location.ts';
import { markdownChecks, parseBody } from './checks/markdown.ts';

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
  const { entry, problems } = checkEntryText(input.file, located, text, { ...context, suggestThemes: (value) => closestThemes(value, context.themes) });
  if (entry) {
    const tree = parseBody(entry.body);
    problems.push(...markdownChecks(input.file, tree, entry.bodyLine), ...figureCheck(entry, context, tree));
  }
  return problems.sort(byPosition);
}
