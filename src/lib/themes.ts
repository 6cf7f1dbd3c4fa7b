/** Theme suggestions from the vocabulary's names and synonyms. */
import type { Theme } from '../schemas/theme.ts';

function occurrences(text: string, word: string): number {
  return word ? text.split(word).length - 1 : 0;
}

/**
 * Themes whose name or synonyms occur in the text, most mentioned first
 * (ties keep the vocabulary's order), at most `limit`.
 */
export function suggestThemes(text: string, themes: readonly Theme[], limit = 5): string[] {
  return themes
    .map((theme, order) => ({
      id: theme.id,
      order,
      hits: [theme.name, ...theme.synonyms].reduce((sum, word) => sum + occurrences(text, word), 0),
    }))
    .filter((t) => t.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .slice(0, limit)
    .map((t) => t.id);
}
