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

/** The words of Markdown text: no syntax, no HTML, one space between blocks and for every run of white space. */
export function plainText(markdown: string): string {
  return blockTexts(fromMarkdown(markdown), []).join(' ').replace(/\s+/g, ' ').trim();
}
