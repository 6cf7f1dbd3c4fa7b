/**
 * Reading the references each schema declares (src/schemas/references.ts):
 * which values of an entry name which entries, and which headings an entry
 * page shows for its links in both directions. Every function takes the model
 * so that a test can pass a variant of it.
 */
import { COLLECTIONS, type CollectionName, type ContentModel, type Reference, type ReferenceTarget } from '../schemas/index.ts';
import type { Entry } from './entry.ts';

export interface FoundReference {
  field: string;
  reference: Reference;
  value: string;
  /** Where the value sits in the frontmatter: `['sources', 0]`. */
  path: (string | number)[];
}

function targetsOf(reference: Reference): readonly ReferenceTarget[] {
  return typeof reference.target === 'string' ? [reference.target] : reference.target;
}

/**
 * Whether a value names something outside the library that the reference accepts
 * instead of an entry: a web address, or (for a mixed reference such as a case's
 * sources) anything not qualified by one of its collections, e.g. a publication
 * written out as 《陕西政协》2024年第3期.
 */
export function isExternal(reference: Reference, value: string): boolean {
  if (reference.external !== true) return false;
  if (/^https?:\/\//.test(value)) return true;
  return typeof reference.target !== 'string' && !reference.target.some((t) => value.startsWith(`${t}/`));
}

/** The values of an entry's reference fields, in the order the schema declares them. */
export function referencesOf(entry: Entry, model: ContentModel = COLLECTIONS): FoundReference[] {
  const data: Readonly<Record<string, unknown>> = entry.data;
  return Object.entries(model[entry.collection].references).flatMap(([field, reference]) => {
    const value = data[field];
    if (typeof value === 'string') return [{ field, reference, value, path: [field] }];
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown, i) => (typeof item === 'string' ? [{ field, reference, value: item, path: [field, i] }] : []));
  });
}

/** Which collection and id a value names, or undefined for a web address, a theme or a collection the field does not accept. */
export function referencedEntry(reference: Reference, value: string): { collection: CollectionName; id: string } | undefined {
  if (isExternal(reference, value)) return undefined;
  const targets = targetsOf(reference);
  if (typeof reference.target === 'string') return reference.target === 'themes' ? undefined : { collection: reference.target, id: value };
  const [collection = '', ...rest] = value.split('/');
  const named = targets.find((t) => t === collection);
  return named && named !== 'themes' ? { collection: named, id: rest.join('/') } : undefined;
}

/** What a message calls the thing a reference names: the collection's label, or the field's for a mixed one. */
export function targetLabel(reference: Reference, model: ContentModel = COLLECTIONS): string {
  if (reference.target === 'themes') return '主题';
  if (typeof reference.target === 'string') return model[reference.target].label;
  return reference.label ?? '条目';
}

/**
 * The link headings of an entry page of `collection`, in order: its own
 * labelled references as declared, then the links back from other entries of
 * the same collection, then from the other collections in model order.
 */
export function linkGroups(collection: CollectionName, model: ContentModel = COLLECTIONS): { field: string; label: string }[] {
  const groups = new Map<string, string>();
  for (const [field, reference] of Object.entries(model[collection].references)) {
    if (reference.label && reference.target !== 'themes') groups.set(field, reference.label);
  }
  const names = Object.keys(model) as CollectionName[];
  for (const from of [collection, ...names.filter((c) => c !== collection)]) {
    for (const reference of Object.values(model[from].references)) {
      const { backlink } = reference;
      if (backlink && targetsOf(reference).includes(collection) && !groups.has(backlink.field)) groups.set(backlink.field, backlink.label);
    }
  }
  return [...groups].map(([field, label]) => ({ field, label }));
}
