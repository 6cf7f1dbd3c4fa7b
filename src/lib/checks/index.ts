/**
 * The checks of one entry's text that need no file system, in the validator's
 * order: text → frontmatter + schema → the body's Markdown → references → entry conventions. The
 * validator (scripts/lib/validate) and the /contribute/ page run this same code,
 * so a draft the page passes is one CI passes.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { decodeEntryBytes } from '../frontmatter.ts';
import { locate } from './location.ts';
import { parseCollectionEntry, unresolvedReferences, type AnyEntry, type KnownIds } from '../library.ts';
import type { CollectionName } from '../../schemas/index.ts';
import type { Theme } from '../../schemas/theme.ts';
import { caseSectionCheck, duplicateSlugCheck, regionCheck, yearFolderCheck, type IdsBySlug } from './entry.ts';
import { markdownChecks, parseBody, type MarkdownParser } from './markdown.ts';
import { textChecks } from './text.ts';
import type { Root } from 'mdast';

export interface EntryCheckContext {
  ids: KnownIds;
  themes: readonly Theme[];
  idsBySlug: IdsBySlug;
  /** The known themes closest to an unknown one, for the fix text. */
  suggestThemes?: (value: string) => string[];
  parseMarkdown: MarkdownParser;
}

export interface EntryLocation {
  collection: CollectionName;
  /** Path under the collection folder without `.md`, e.g. `2023/xian`. */
  id: string;
  /** The year folder the file sits in, if its collection has one. */
  year?: string | undefined;
}

export function checkEntryText(file: string, where: EntryLocation, text: string, context: EntryCheckContext): { entry?: AnyEntry; tree?: Root | undefined; problems: Diagnostic[] } {
  const problems = textChecks(file, text);
  // A union collection yields Entry<union>; each entry is of exactly one collection.
  const entry = parseCollectionEntry(where.collection, where.id, file, text) as AnyEntry | Diagnostic[];
  if (Array.isArray(entry)) return { problems: [...problems, ...entry] };
  const tree = parseBody(entry.body, context.parseMarkdown);
  problems.push(
    ...markdownChecks(file, tree, entry.bodyLine),
    ...unresolvedReferences(entry, context.ids, context.suggestThemes),
    ...yearFolderCheck(entry, where.year),
    ...regionCheck(entry),
    ...caseSectionCheck(entry),
    ...duplicateSlugCheck(entry, context.idsBySlug),
  );
  return { entry, tree, problems };
}

/**
 * One file as the validator checks it without reading any other: location →
 * bytes → checkEntryText. A symbolic link is the caller's to report (isSymlink).
 */
export function checkEntryFile(file: string, bytes: Uint8Array, isSymlink: boolean, context: EntryCheckContext): { entry?: AnyEntry; tree?: Root | undefined; problems: Diagnostic[] } {
  const located = locate(file, isSymlink);
  if (Array.isArray(located)) return { problems: located };
  const text = decodeEntryBytes(bytes, file);
  if (typeof text !== 'string') return { problems: text };
  return checkEntryText(file, located, text, context);
}
