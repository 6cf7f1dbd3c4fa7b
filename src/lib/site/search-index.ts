/** What the index builder adds to an entry page before Pagefind reads it (never written to dist/). */
import { bigramWords } from './search-text.ts';

const BODY = /<(\w+)\b[^>]*\bdata-pagefind-body\b[^>]*>/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible-ish text of an HTML fragment: tags dropped, the common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/**
 * The page with the bigram words of its searchable body appended inside that
 * body, or undefined when the page has no `data-pagefind-body` (not an entry).
 */
export function withBigramWords(html: string): string | undefined {
  const open = BODY.exec(html);
  if (!open) return undefined;
  const tag = open[1] ?? 'div';
  const close = html.indexOf(`</${tag}>`, open.index);
  if (close < 0) return undefined;
  const body = html.slice(open.index + open[0].length, close);
  const words = bigramWords(htmlText(body));
  // The title's words again, weighted up, so that entries named after the query come first.
  const title = bigramWords(htmlText(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? ''));
  const added = `<div data-pagefind-weight="0.5">${words.join(' ')}</div>${title.length ? `<div data-pagefind-weight="3">${title.join(' ')}</div>` : ''}`;
  return `${html.slice(0, close)}${added}${html.slice(close)}`;
}
