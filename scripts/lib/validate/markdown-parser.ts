/**
 * The Markdown parser, loaded on first use (Node 24 requires ES modules
 * synchronously): most bodies are plain prose, and loading it costs about a
 * tenth of a second, which a one-file check would otherwise pay every time.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type { fromMarkdown as FromMarkdown } from 'mdast-util-from-markdown';

let parser: typeof FromMarkdown | undefined;
export const parseMarkdown = (body: string): Root => {
  parser ??= (createRequire(import.meta.url)('mdast-util-from-markdown') as { fromMarkdown: typeof FromMarkdown }).fromMarkdown;
  return parser(body);
};
