/**
 * The Markdown processor for contributed content. Raw HTML is refused: the
 * validator rejects it (content/raw-html), and should some reach the build it
 * is shown as text, never parsed, so no HTML parser runs over every body.
 * rehype-sanitize with GitHub's schema stays as the second line: it removes
 * javascript: and data: URLs and anything else Markdown alone can produce.
 * Smart punctuation is off: content is written with full-width punctuation
 * (GB/T 15834), and retext's pass over every text node was a quarter of the
 * Markdown time. astro.config.mjs and the sanitizer test use this same object.
 */
import { unified } from '@astrojs/markdown-remark';
import type { Html } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';

export const sanitizeSchema = defaultSchema;

/** Raw HTML in Markdown becomes a text node: escaped on output, visible to an editor, never an element. */
function rawHtmlAsText(_state: unknown, node: Html) {
  return { type: 'text' as const, value: node.value };
}

export const markdownProcessor = unified({
  smartypants: false,
  remarkRehype: { allowDangerousHtml: false, handlers: { html: rawHtmlAsText } },
  rehypePlugins: [[rehypeSanitize, sanitizeSchema]],
});
