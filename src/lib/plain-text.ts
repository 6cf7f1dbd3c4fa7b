/** Markdown reduced to its words, for summaries, similarity and search. */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** Blocks whose text is read as one run; their texts are joined by a space. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

function blockTexts(node: Nodes, out: string[]): string[] {
  if (TEXT_BLOCKS.has(node.type)) out.push(toString(node, { includeHtml: false }));
  else if ('children' in node) for (const child of node.children) blockTexts(child, out);
  return out;
}

/** One space for every run of white space, none at the ends. */
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What plainText returns, always through the Markdown parser. */
export function parsedPlainText(markdown: string): string {
  return collapse(blockTexts(fromMarkdown(markdown), []).join(' '));
}

/**
 * Markdown made of paragraphs and simple headings only (most entries): no
 * character that can start inline syntax, an entity or HTML; no line that
 * could start another block (quote, list, fence, setext underline, thematic
 * break) or end in a hard break. Its words are its text with the heading
 * marks taken off, which saves parsing it.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&\0]| {2,}[\r\n]/;
const OTHER_BLOCK = /^[ \t]*(?:[>+\-=~|]|\d{1,9}[.)])|^[ \t]+#/m;
const HEADING = /^#{1,6}(?:[ \t]+[^#\r\n]*)?$/;

function simpleText(text: string): string | undefined {
  // The parser drops a byte order mark at the start.
  const markdown = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (INLINE_SYNTAX.test(markdown) || OTHER_BLOCK.test(markdown)) return undefined;
  if (!markdown.includes('#')) return markdown;
  const lines = markdown.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.charCodeAt(0) !== 0x23) continue;
    if (!HEADING.test(line)) return undefined;
    lines[i] = line.replace(/^#+/, '');
  }
  return lines.join('\n');
}

/** The words of Markdown text: no syntax, no HTML, one space between blocks and for every run of white space. */
export function plainText(markdown: string): string {
  const simple = simpleText(markdown);
  return simple === undefined ? parsedPlainText(markdown) : collapse(simple);
}
