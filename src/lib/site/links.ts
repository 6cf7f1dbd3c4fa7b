/**
 * Links between entries in both directions, as the schemas declare them
 * (src/schemas/references.ts): what an entry points at, under the field's
 * name, and what points at it, under the backlink's name. Keys are
 * `<collection>/<id>`, e.g. `reports/2023/xian`.
 */
import { COLLECTIONS, type ContentModel } from '../../schemas/index.ts';
import type { Entry } from '../entry.ts';
import { referencedEntry, referencesOf } from '../references.ts';

/** Keys of linked entries by field or backlink name, e.g. `{ sources: ['reports/2023/xian'] }`. */
export type EntryLinks = Partial<Record<string, string[]>>;

export function linkEntries(entries: readonly Entry[], model: ContentModel = COLLECTIONS): Map<string, EntryLinks> {
  const links = new Map<string, EntryLinks>();
  const keys = new Set(entries.map((e) => e.key));
  const add = (key: string, field: string, target: string) => {
    // Unresolved references are the validator's business; the site only links what exists.
    if (!keys.has(key) || !keys.has(target)) return;
    const of = links.get(key) ?? {};
    links.set(key, of);
    const list = (of[field] ??= []);
    if (!list.includes(target)) list.push(target);
  };
  for (const entry of entries) {
    if (!links.has(entry.key)) links.set(entry.key, {});
    for (const { field, reference, value } of referencesOf(entry, model)) {
      const named = referencedEntry(reference, value);
      if (!named) continue;
      const target = `${named.collection}/${named.id}`;
      add(entry.key, field, target);
      if (reference.backlink) add(target, reference.backlink.field, entry.key);
    }
  }
  return links;
}
