/**
 * What entry pages need from every entry's text, worked out once per build:
 * the related entries and whether the summary is printed above the body.
 * Both read the body as plain text, which is parsed here once per entry. The
 * site runs this in a worker thread (entry-text-worker.ts) while the main
 * thread renders the other pages; the result is the same either way.
 */
import type { CollectionName } from '../../schemas/index.ts';
import { plainText } from '../plain-text.ts';
import { summaryShown } from './entry-page.ts';
import { relatedEntries, type RelatedOptions } from './related.ts';

/** The fields of an entry that its text facts depend on (what crosses to the worker). */
export interface TextInput {
  key: string;
  collection: CollectionName;
  themes: string[];
  title: string;
  summary: string;
  body: string;
}

export interface EntryTextFacts {
  /** For each entry key, its related entries' keys and scores, best first (relatedEntries). */
  related: [string, [string, number][]][];
  /** Keys of the entries whose summary is printed (showsSummary). */
  summaryShown: string[];
}

/**
 * The facts for `entries`. With `dropBodies` (for the worker's own copy of the
 * entries) each body is emptied once read, so the copy does not outlive its use.
 */
export function entryTextFacts(entries: readonly TextInput[], { dropBodies = false, ...options }: RelatedOptions & { dropBodies?: boolean } = {}): EntryTextFacts {
  // Each body's plain text serves both, then is dropped: only its bigram counts stay for the scoring.
  const shown = new Set<string>();
  const related = relatedEntries(entries, {
    ...options,
    bodyText: (_e, i) => {
      const entry = entries[i] as TextInput;
      const text = plainText(entry.body);
      if (dropBodies) entry.body = '';
      if (summaryShown(entry, text)) shown.add(entry.key);
      return text;
    },
  });
  return {
    related: [...related].map(([key, list]) => [key, list.map((r) => [r.entry.key, r.score])]),
    summaryShown: entries.filter((e) => shown.has(e.key)).map((e) => e.key),
  };
}
