/**
 * The checks of one entry's text that need no file system, in the validator's
 * order: text → frontmatter + schema → the body's Markdown → references → entry conventions. The
 * validator (scripts/lib/validate) and the /contribute/ page run this same code,
 * so a draft the page passes is one CI passes.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { decodeEntryBytes } from '../frontmatter.ts';
import { locate } from './location.ts';
import { parseCollectionEntry, unresolvedReferences, type IdLookup, type LocatedEntry } from '../library.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import type { Theme } from '../../schemas/theme.ts';
import { damageChecks } from './damage.ts';
import { caseSectionCheck, duplicateSlugCheck, regionCheck, yearFolderCheck, type IdsBySlug } from './entry.ts';
import { formulaChecks } from './formula.ts';
import { markdownChecks, parseBody, type MarkdownParser } from './markdown.ts';
import { textChecks } from './text.ts';
import type { Root } from 'mdast';

export interface EntryCheckContext {
  ids: IdLookup;
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

export interface EntryCheckResult {
  entry?: LocatedEntry;
  tree?: Root | undefined;
  problems: Diagnostic[];
}

export function checkEntryText(file: string, where: EntryLocation, text: string, context: EntryCheckContext): EntryCheckResult {
  const problems = [...textChecks(file, text), ...damageChecks(file, text)];
  const entry = parseCollectionEntry(where.collection, where.id, file, text) as LocatedEntry | Diagnostic[];
  if (Array.isArray(entry)) return { problems: [...problems, ...entry] };
  const tree = parseBody(entry.body, context.parseMarkdown);
  problems.push(
    ...markdownChecks(file, tree, entry.bodyLine),
    ...formulaChecks(entry),
    ...unresolvedReferences(entry, context.ids, context.suggestThemes),
    ...yearFolderCheck(entry, where.year),
    ...regionCheck(entry),
    ...caseSectionCheck(entry),
    ...duplicateSlugCheck(entry, context.idsBySlug),
  );
  return { entry, tree, problems };
}

/** The collection of a Markdown file whose only problems are its name or folder, so its text is still worth checking. */
function misnamedEntryCollection(file: string, isSymlink: boolean, problems: Diagnostic[]): CollectionName | undefined {
  if (isSymlink || !problems.every((p) => p.rule === 'path/location')) return undefined;
  return COLLECTION_NAMES.find((c) => file.startsWith(`content/${c}/`) && file.endsWith('.md'));
}

function checkBytes(file: string, where: EntryLocation, bytes: Uint8Array, context: EntryCheckContext): EntryCheckResult {
  const text = decodeEntryBytes(bytes, file);
  if (typeof text !== 'string') return { problems: text };
  return checkEntryText(file, where, text, context);
}

/**
 * One file as the validator checks it without reading any other: location →
 * bytes → checkEntryText. A symbolic link is the caller's to report (isSymlink).
 * A Markdown file in a collection with a bad name is still read: its other problems
 * (personal data, secrecy markings, scripts) are reported along with the name.
 */
export function checkEntryFile(file: string, bytes: Uint8Array, isSymlink: boolean, context: EntryCheckContext): EntryCheckResult {
  const located = locate(file, isSymlink);
  if (!Array.isArray(located)) return checkBytes(file, located, bytes, context);
  const collection = misnamedEntryCollection(file, isSymlink, located);
  if (!collection) return { problems: located };
  const id = file.slice(`content/${collection}/`.length, -'.md'.length);
  const checked = checkBytes(file, { collection, id }, bytes, context);
  return { ...checked, problems: [...located, ...checked.problems] };
}
