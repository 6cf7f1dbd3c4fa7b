/**
 * The items of an entry list (EntryList.astro) as HTML. A list page shows 50
 * entries, and each entry appears on many list pages (its type's list, its
 * regions', themes' and year's), so each item is written once per build and
 * reused: rendering the items as Astro components cost list pages about
 * twice what an entry page costs. The HTML is the same as the component's was.
 */
import { cutText, type Entry } from '../entry.ts';
import { regionFullName } from '../regions.ts';
import { href } from './url.ts';

/** Heading level of each entry's title. */
export type ListHeading = 'h2' | 'h3';

/** Longest summary a list shows; longer ones are cut and end in ……. */
export const LIST_SUMMARY_CHARS = 90;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text as HTML, escaped as Astro escapes an expression. */
function escapeText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => TEXT_ESCAPES[c] as string);
}

/** An attribute value, escaped as Astro escapes one (& and ", the value being in double quotes). */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** One entry's list item. */
export function entryListItem(e: Pick<Entry, 'key' | 'title' | 'listedBy' | 'region' | 'date' | 'summary'>, level: ListHeading): string {
  const date = e.date ? ` · <time datetime="${escapeAttribute(e.date)}">${escapeText(e.date)}</time>` : '';
  return (
    `<li><${level}><a href="${escapeAttribute(href(`${e.key}/`))}">${escapeText(e.title)}</a></${level}>` +
    `<p class="byline">${escapeText(e.listedBy)} · ${escapeText(regionFullName(e.region))}${date}</p>` +
    `<p class="summary">${escapeText(cutText(e.summary, LIST_SUMMARY_CHARS))}</p></li>`
  );
}

const made: Record<ListHeading, WeakMap<object, string>> = { h2: new WeakMap(), h3: new WeakMap() };

/** The items of a list of entries, each made once per build and heading level. */
export function entryListItems(entries: readonly Entry[], level: ListHeading): string {
  let html = '';
  for (const e of entries) {
    let item = made[level].get(e);
    if (item === undefined) made[level].set(e, (item = entryListItem(e, level)));
    html += item;
  }
  return html;
}
