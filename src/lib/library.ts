/**
 * The library as a whole: entries parsed by the real schemas, and the checks
 * that need more than one file (ids resolve, themes exist). Pure: callers read
 * the files.
 */
import type * as z from 'zod';
import { COLLECTIONS, type CollectionName, type ContentModel, type EntryData, type Reference, type ReferenceTarget, type Theme } from '../schemas/index.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { toEntry, type Entry } from './entry.ts';
import { parseEntry, type ParsedEntry } from './frontmatter.ts';
import { isExternal, referencedEntry, referencesOf, targetLabel } from './references.ts';
import { fieldLabels, schemaDiagnostics } from './schema-errors.ts';

export type { Entry } from './entry.ts';

/** An entry read from its file by the scripts, with where its body starts and where each field sits. */
export type LocatedEntry<C extends CollectionName = CollectionName> = Entry<C> & Pick<ParsedEntry, 'bodyLine' | 'locate'>;

export interface Library {
  reports: LocatedEntry<'reports'>[];
  cases: LocatedEntry<'cases'>[];
  rules: LocatedEntry<'rules'>[];
  themes: Theme[];
}

/** One file's text: its frontmatter typed by `schema`, with the parsed file, or its problems (fields named by `schema`'s labels). */
export function parseWithSchema<T>(schema: z.ZodType<T>, file: string, text: string): { data: T; parsed: ParsedEntry } | Diagnostic[] {
  const parsed = parseEntry(text, file);
  if (Array.isArray(parsed)) return parsed;
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) return schemaDiagnostics(result.error, file, parsed.locate, fieldLabels(schema));
  return { data: result.data, parsed };
}

/** Parse one file's text against its collection's schema. */
export function parseCollectionEntry<C extends CollectionName>(
  collection: C,
  id: string,
  file: string,
  text: string,
  model: ContentModel = COLLECTIONS,
): LocatedEntry<C> | Diagnostic[] {
  // The collection's schema outputs its EntryData (a variant model in tests may add fields to it).
  const result = parseWithSchema(model[collection].schema as z.ZodType<EntryData[C]>, file, text);
  if (Array.isArray(result)) return result;
  const { data, parsed } = result;
  return Object.assign(toEntry(collection, id, file, data, parsed.body), { bodyLine: parsed.bodyLine, locate: parsed.locate });
}

/** The ids each collection holds, and the theme ids: what a reference may point at. */
export type KnownIds = Readonly<Record<ReferenceTarget, ReadonlySet<string>>>;

/** What resolving a reference needs of the known ids: whether one is there (a set, or a lookup on disk). */
export type IdLookup = { readonly [C in keyof KnownIds]: Pick<KnownIds[C], 'has'> };

export function knownIds(library: Library): KnownIds {
  return {
    reports: new Set(library.reports.map((e) => e.id)),
    cases: new Set(library.cases.map((e) => e.id)),
    rules: new Set(library.rules.map((e) => e.id)),
    themes: new Set(library.themes.map((t) => t.id)),
  };
}

function resolves(ids: IdLookup, reference: Reference, value: string): boolean {
  if (isExternal(reference, value)) return true; // a published page outside the library
  if (reference.target === 'themes') return ids.themes.has(value);
  const named = referencedEntry(reference, value);
  return named !== undefined && ids[named.collection].has(named.id);
}

/**
 * The references of one entry that point at nothing. `suggestThemes` may offer
 * the closest known themes for an unknown one.
 */
export function unresolvedReferences(
  entry: LocatedEntry,
  ids: IdLookup,
  suggestThemes?: (value: string) => string[],
  model: ContentModel = COLLECTIONS,
): Diagnostic[] {
  return referencesOf(entry, model)
    .filter((ref) => !resolves(ids, ref.reference, ref.value))
    .map((ref) => {
      const at = entry.locate(ref.path);
      if (ref.reference.target === 'themes') {
        const close = suggestThemes?.(ref.value) ?? [];
        const fix = close.length > 0 ? `改用最接近的主题：${close.join('、')}` : '使用 content/themes.yaml 中的主题编号';
        return diagnostic(entry.file, 'theme/unknown', `主题“${ref.value}”不在主题词表中`, { ...at, fix });
      }
      return diagnostic(entry.file, 'reference/unresolved', `${targetLabel(ref.reference, model)}“${ref.value}”不存在`, {
        ...at,
        fix: '检查编号是否拼写正确，或先提交被引用的条目',
      });
    });
}

/** Every reference in the library resolves. */
export function checkReferences(library: Library): Diagnostic[] {
  const ids = knownIds(library);
  const entries: LocatedEntry[] = [...library.reports, ...library.cases, ...library.rules];
  return entries.flatMap((entry) => unresolvedReferences(entry, ids));
}
