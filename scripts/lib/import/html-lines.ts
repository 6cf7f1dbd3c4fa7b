/**
 * HTML (from a saved web page's article body or a Word file converted by
 * mammoth) to plain lines: one line per paragraph, heading, list item or
 * table cell, so that the importer sees the same shape as a .txt file.
 */
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Stands for <br> until the paragraph is split (a newline in the source is only wrapping). */
const LINE_BREAK = '\u2028';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** A paragraph that already carries its own number: 一、 （一） 1. 1、 */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．])/u;
const HAN_OR_PUNCT = '[\\p{Script=Han}，。；：、！？“”‘’（）《》——…]';

/** Collapse HTML whitespace. */
export function cleanInline(text: string): string {
  // A line break inside Chinese text is only wrapping; a typed space (标题 分隔) stays.
  return text
    .replace(new RegExp(`(?<=${HAN_OR_PUNCT})[ \t]*[\r\n]+[ \t]*(?=${HAN_OR_PUNCT})`, 'gu'), '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Word and many sites number list items with 一、（一）; mammoth gives plain <ol>, so put the numbers back. */
function listMarker(depth: number, index: number): string {
  const numeral = CHINESE_NUMERALS[index] ?? String(index + 1);
  if (depth === 0) return `${numeral}、`;
  if (depth === 1) return `（${numeral}）`;
  return `${index + 1}.`;
}

function walk(node: Node, out: string[], listDepth: number): void {
  let inline = '';
  const flush = () => {
    for (const line of inline.split(LINE_BREAK)) {
      const text = cleanInline(line);
      if (text) out.push(text);
    }
    inline = '';
  };
  let item = 0;
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      inline += LINE_BREAK;
    } else if (!BLOCK.has(tag)) {
      inline += hasBlock(child) ? LINE_BREAK : child.textContent ?? '';
      if (hasBlock(child)) {
        flush();
        walk(child, out, listDepth);
      }
    } else {
      flush();
      const start = out.length;
      const nested = tag === 'OL' || tag === 'UL' ? listDepth + 1 : listDepth;
      walk(child, out, nested);
      if (tag === 'LI' && node.nodeName.toUpperCase() === 'OL' && out[start] !== undefined && !NUMBERED.test(out[start])) {
        out[start] = listMarker(listDepth - 1, item) + out[start];
      }
      if (tag === 'LI') item++;
    }
  }
  flush();
}

function hasBlock(node: Node): boolean {
  return Array.from(node.childNodes).some((c) => c.nodeType === 1 && (BLOCK.has((c as Element).tagName.toUpperCase()) || hasBlock(c)));
}

/** The text lines of an HTML fragment, in document order. */
export function htmlToLines(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.body as unknown as Node, out, 0);
  return out;
}
