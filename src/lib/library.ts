/**
 * The library as a whole: entries parsed by the real schemas, and the checks
 * that need more than one file (ids resolve, themes exist). Pure: callers read
 * the files.
 */
import type * as z from 'zod';
import { isEntrySource } from '../schemas/case.ts';
import { COLLECTIONS, type Case, type CollectionName, type Report, type Rule, type Theme } from '../schemas/index.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { parseEntry, type ParsedEntry } from './frontmatter.ts';
import { schemaDiagnostics } from './schema-errors.ts';

interface DataOf {
  reports: Report;
  cases: Case;
  rules: Rule;
}

/** A file that parsed and passed its collection's schema. */
export interface Entry<C extends CollectionName = CollectionName> {
  collection: C;
  /** Path under the collection folder without `.md`, e.g. `2023/xian`. */
  id: string;
  file: string;
  data: DataOf[C];
  body: string;
  bodyLine: number;
  locate: ParsedEntry['locate'];
}

export type AnyEntry = { [C in CollectionName]: Entry<C> }[CollectionName];

export interface Library {
  reports: Entry<'reports'>[];
  cases: Entry<'cases'>[];
  rules: Entry<'rules'>[];
  themes: Theme[];
}

/** Parse one file's text against its collection's schema. */
export function parseCollectionEntry<C extends CollectionName>(collection: C, id: string, file: string, text: string): Entry<C> | Diagnostic[] {
  const parsed = parseEntry(text, file);
  if (Array.isArray(parsed)) return parsed;
  const schema = COLLECTIONS[collection].schema as unknown as z.ZodType<DataOf[C]>;
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) return schemaDiagnostics(result.error, file, parsed.locate);
  return { collection, id, file, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine, locate: parsed.locate };
}

type RefTarget = 'reports' | 'cases' | 'rules' | 'themes' | 'sources';

/** The fields that point at other entries, by collection. */
function referencesOf(entry: AnyEntry): { path: (string | number)[]; target: RefTarget; value: string }[] {
  const refs: { path: (string | number)[]; target: RefTarget; value: string }[] = [];
  const list = (field: string, target: RefTarget, values: readonly string[] | undefined) =>
    values?.forEach((value, i) => refs.push({ path: [field, i], target, value }));
  switch (entry.collection) {
    case 'reports':
      list('themes', 'themes', entry.data.themes);
      break;
    case 'cases':
      list('themes', 'themes', entry.data.themes);
      list('sources', 'sources', entry.data.sources);
      list('adaptedFrom', 'cases', entry.data.adaptedFrom);
      list('adoptedBy', 'cases', entry.data.adoptedBy);
      break;
    case 'rules':
      list('basis', 'rules', entry.data.basis);
      list('mentionedIn', 'reports', entry.data.mentionedIn);
      break;
  }
  return refs;
}

const TARGET_LABEL: Record<RefTarget, string> = {
  reports: '经验交流',
  cases: '创新案例',
  rules: '制度文件',
  themes: '主题',
  sources: '出处',
};

/** The ids each collection holds, and the theme ids: what a reference may point at. */
export interface KnownIds {
  reports: ReadonlySet<string>;
  cases: ReadonlySet<string>;
  rules: ReadonlySet<string>;
  themes: ReadonlySet<string>;
}

export function knownIds(library: Library): KnownIds {
  return {
    reports: new Set(library.reports.map((e) => e.id)),
    cases: new Set(library.cases.map((e) => e.id)),
    rules: new Set(library.rules.map((e) => e.id)),
    themes: new Set(library.themes.map((t) => t.id)),
  };
}

function resolves(ids: KnownIds, target: RefTarget, value: string): boolean {
  if (target !== 'sources') return ids[target].has(value);
  if (!isEntrySource(value)) return true; // a published page or publication outside the library
  const [collection, ...rest] = value.split('/');
  return (collection === 'reports' || collection === 'rules') && ids[collection].has(rest.join('/'));
}

/**
 * The references of one entry that point at nothing. `suggestThemes` may offer
 * the closest known themes for an unknown one.
 */
export function unresolvedReferences(entry: AnyEntry, ids: KnownIds, suggestThemes?: (value: string) => string[]): Diagnostic[] {
  return referencesOf(entry)
    .filter((ref) => !resolves(ids, ref.target, ref.value))
    .map((ref) => {
      const at = entry.locate(ref.path);
      if (ref.target === 'themes') {
        const close = suggestThemes?.(ref.value) ?? [];
        const fix = close.length > 0 ? `改用最接近的主题：${close.join('、')}` : '使用 content/themes.yaml 中的主题编号';
        return diagnostic(entry.file, 'theme/unknown', `主题“${ref.value}”不在主题词表中`, { ...at, fix });
      }
      return diagnostic(entry.file, 'reference/unresolved', `${TARGET_LABEL[ref.target]}“${ref.value}”不存在`, {
        ...at,
        fix: '检查编号是否拼写正确，或先提交被引用的条目',
      });
    });
}

/** Every reference in the library resolves. */
export function checkReferences(library: Library): Diagnostic[] {
  const ids = knownIds(library);
  const entries: AnyEntry[] = [...library.reports, ...library.cases, ...library.rules];
  return entries.flatMap((entry) => unresolvedReferences(entry, ids));
}
