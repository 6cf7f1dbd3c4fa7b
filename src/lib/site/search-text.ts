/**
 * Chinese search that does not depend on word segmentation.
 *
 * Pagefind segments Chinese into words when it indexes (extended build) and
 * the browser segments the query with Intl.Segmenter (when it has one); the
 * two disagree on some words, so a query like 作室 can miss 委员工作室. Instead,
 * every entry page also carries its Han character bigrams, each written as a
 * 10-letter ASCII word (the two code points' hex digits spelt with a–p) that
 * no segmenter splits, and a query is turned into the same words. A page that
 * contains a query of two or more Han characters contains all of its bigrams,
 * so it is always found. Used by the index builder and the search page alike.
 */

const HAN_RUN = /\p{Script=Han}+/gu;
const LETTERS = 'abcdefghijklmnop';

/** One Han character as five letters: 委 (U+59D4) → afjne. */
export function encodeChar(char: string): string {
  return (char.codePointAt(0) ?? 0)
    .toString(16)
    .padStart(5, '0')
    .replace(/[0-9a-f]/g, (d) => LETTERS[parseInt(d, 16)] ?? 'a');
}

/** The bigram words of a text, each once, in order of first appearance. */
export function bigramWords(text: string): string[] {
  const words = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) words.add(encodeChar(chars[i] ?? '') + encodeChar(chars[i + 1] ?? ''));
  }
  return [...words];
}

/** Matches the bigram words at the end of an indexed page's text. */
const TRAILING_WORDS = /(?:[\s.]+[a-p]{10})+[\s.]*$/;

/** An indexed page's text without the bigram words appended to it. */
export function displayText(content: string): string {
  return content.replace(TRAILING_WORDS, '').trim();
}

export interface PreparedQuery {
  /** The query in simplified Chinese, whitespace collapsed. */
  text: string;
  /** Han runs and other words of the query, for highlighting and exact matching. */
  parts: string[];
  /** What to hand to Pagefind: bigram words, single Han characters and other words; empty when nothing is searchable. */
  pagefind: string;
}

/**
 * Prepare what a person typed: convert to simplified Chinese, split into Han
 * runs and other words, and spell each Han run of two or more characters as
 * bigram words. `toSimplified` is opencc-js's converter (injected so tests and
 * pages share this function without bundling the dictionary twice).
 */
export function prepareQuery(raw: string, toSimplified: (s: string) => string = (s) => s): PreparedQuery {
  const text = toSimplified(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  const runs = text.match(HAN_RUN) ?? [];
  const others = text
    .replace(HAN_RUN, ' ')
    .split(/[\s\p{P}\p{S}]+/u)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  // A long paste would make a long AND query; its first 32 bigrams already pin it down.
  const words = [...new Set(runs.flatMap((run) => ([...run].length > 1 ? bigramWords(run) : [run])))].slice(0, 32);
  return { text, parts: [...runs, ...others], pagefind: [...words, ...others].join(' ') };
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Whether the text contains every part of the query as it was typed (not just its bigrams). */
export function matchesExactly(content: string, query: PreparedQuery): boolean {
  const text = squash(content);
  return query.parts.length > 0 && query.parts.every((p) => text.includes(squash(p)));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * About `length` characters of the text around the first match of the query,
 * HTML-escaped, with every match of a query part wrapped in <mark>.
 */
export function makeExcerpt(content: string, query: PreparedQuery, length = 80): string {
  const text = displayText(content).replace(/\s+/g, ' ');
  const parts = [...query.parts].sort((a, b) => b.length - a.length).filter(Boolean);
  const pattern = parts.length ? new RegExp(parts.map(escapeRegExp).join('|'), 'giu') : undefined;
  const first = pattern ? text.search(pattern) : -1;
  const start = Math.max(0, first < 0 ? 0 : first - Math.floor(length / 3));
  const slice = text.slice(start, start + length);
  const marked = pattern
    ? slice
        .split(new RegExp(`(${parts.map(escapeRegExp).join('|')})`, 'giu'))
        .map((piece, i) => (i % 2 ? `<mark>${escapeHtml(piece)}</mark>` : escapeHtml(piece)))
        .join('')
    : escapeHtml(slice);
  return `${start > 0 ? '…' : ''}${marked}${start + length < text.length ? '…' : ''}`;
}
