/**
 * The Markdown processor for contributed content: raw HTML is parsed
 * (rehype-raw) and then cleaned with GitHub's sanitize schema, so scripts,
 * event handlers, javascript: URLs and embeds never reach the page.
 * astro.config.mjs and the sanitizer test use this same object.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';

export const sanitizeSchema = defaultSchema;

export const markdownProcessor = unified({
  rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema]],
});
