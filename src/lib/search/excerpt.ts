/** Result excerpts: escaped text around the first match, every match wrapped in <mark>. Pure, for the search page. */
import { normalize } from './tokenize.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pattern = (parts: readonly string[]) => {
  const sorted = [...new Set(parts)].filter(Boolean).sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(`(${sorted.map(escapeRegExp).join('|')})`, 'giu') : undefined;
};

/** Whether the text contains any of the parts (case- and width-insensitive). */
export function mentions(text: string, parts: readonly string[]): boolean {
  const normal = normalize(text);
  return parts.some((p) => p && normal.includes(p));
}

/** About `length` characters of the text around the first match of any part, HTML-escaped, matches in <mark>. */
export function makeExcerpt(text: string, parts: readonly string[], length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const re = pattern(parts);
  const first = re ? flat.search(re) : -1;
  const start = Math.max(0, first < 0 ? 0 : first - Math.floor(length / 3));
  const slice = flat.slice(start, start + length);
  const marked = re ? slice.split(re).map((piece, i) => (i % 2 ? `<mark>${escapeHtml(piece)}</mark>` : escapeHtml(piece))).join('') : escapeHtml(slice);
  return `${start > 0 ? '…' : ''}${marked}${start + length < flat.length ? '…' : ''}`;
}
