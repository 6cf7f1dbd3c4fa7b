/** What the checks of one file may know about the rest of the library. */
import { distance } from 'fastest-levenshtein';
import type { IdLookup, KnownIds } from '../../../src/lib/library.ts';
import type { Theme } from '../../../src/schemas/theme.ts';
import type { CollectionName } from '../../../src/schemas/index.ts';

export interface ValidationContext {
  ids: IdLookup;
  themes: readonly Theme[];
  /** Body text of another entry (for figure checks), read on demand. */
  entryText(collection: CollectionName, id: string): string | undefined;
  /** Ids of a collection by their last segment (the file name), built once. */
  idsBySlug(collection: CollectionName): ReadonlyMap<string, string[]>;
}

/** An `idsBySlug` over known ids, computed on first use per collection. */
export function slugIndex(ids: KnownIds): ValidationContext['idsBySlug'] {
  const built = new Map<CollectionName, Map<string, string[]>>();
  return (collection) => {
    let index = built.get(collection);
    if (!index) {
      index = new Map();
      for (const id of ids[collection]) {
        const slug = id.split('/').at(-1) ?? id;
        index.set(slug, [...(index.get(slug) ?? []), id]);
      }
      built.set(collection, index);
    }
    return index;
  };
}

/**
 * The known themes closest to an unknown one: first those whose name or a
 * synonym the contributor wrote, then ids within a small edit distance.
 */
export function closestThemes(value: string, themes: readonly Theme[]): string[] {
  const bySynonym = themes.filter((t) => [t.name, ...t.synonyms].some((w) => w === value || value.includes(w) || w.includes(value)));
  if (bySynonym.length > 0) return bySynonym.slice(0, 3).map((t) => `${t.id}（${t.name}）`);
  return themes
    .map((t) => ({ t, d: distance(value.toLowerCase(), t.id) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(value.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ t }) => `${t.id}（${t.name}）`);
}
