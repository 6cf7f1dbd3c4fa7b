/** What the checks of one file may know about the rest of the library. */
import { distance } from 'fastest-levenshtein';
import type { IdLookup } from '../../../src/lib/library.ts';
export { slugIndex } from '../../../src/lib/checks/entry.ts';
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
