// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { lazyUrl } from './src/lib/site/lazy-url.ts';
import { markdownProcessor } from './src/lib/site/markdown.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  // Four pages at a time: while one page's file is written, the next renders (one at a time, the build waited on
  // every write and the main thread sat idle for about 40% of page generation).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // MDX is for the site's own pages only (src/pages/*.mdx); contributed Markdown goes through the sanitizing processor.
  integrations: [mdx({ extendMarkdownConfig: false }), sitemap({ filter: (page) => !page.endsWith('/404/') })],
  // The search page's script loads opencc-js by address, so that it is one file with nothing to wait for.
  vite: { plugins: [lazyUrl()] },
  markdown: {
    processor: markdownProcessor,
    syntaxHighlight: false,
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // No WebAssembly, no inline script: the search engine is plain JavaScript (src/lib/search/).
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
