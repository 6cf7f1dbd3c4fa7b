/** What an entry page shows, decided here so the page only composes. */
import type { Entry } from '../entry.ts';
import { plainText } from '../plain-text.ts';
import type { EntryLinks } from './links.ts';
import type { Related } from './related.ts';

/** A report's summary is often its first paragraph; the page does not print it twice. A rule's "summary" is its own opening. */
export function showsSummary(entry: Pick<Entry, 'collection' | 'summary' | 'body'>): boolean {
  return summaryShown(entry, plainText(entry.body));
}

/** showsSummary for an entry whose body is already reduced to plain text (`bodyText`). */
export function summaryShown(entry: Pick<Entry, 'collection' | 'summary'>, bodyText: string): boolean {
  return entry.collection !== 'rules' && !bodyText.startsWith(entry.summary.slice(0, 30));
}

/** Who to cite: a report's speaker, a rule's issuers, a case's organization. */
export function authorsOf(entry: Entry): string[] {
  switch (entry.collection) {
    case 'reports':
      return [entry.data.speaker.name];
    case 'rules':
      return entry.data.issuers;
    case 'cases':
      return [entry.organization];
  }
}

/** Related entries that are not already listed under 关联条目. */
export function relatedBeyondLinks<T extends { entry: Pick<Entry, 'key'> }>(related: readonly T[], links: EntryLinks | undefined): T[] {
  const linked = new Set(Object.values(links ?? {}).flat());
  return related.filter((r) => !linked.has(r.entry.key));
}

export type { Related };
