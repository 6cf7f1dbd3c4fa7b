/**
 * Astro loader for content/<collection>/**\/*.md that parses every file with the
 * same safe frontmatter parser and schema as the validator, and refuses
 * anything else (no .mdx, no symlinks).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { parseEntry, decodeEntryBytes } from '../lib/frontmatter.ts';
import { readThemes } from '../lib/safe-yaml.ts';
import { markdownProcessor } from '../lib/site/markdown.ts';

/**
 * What a rendering depends on besides the file: the Markdown processor's
 * options (plugin code included) and every installed package version. A file
 * keeps its rendered HTML from the last build only while this and its bytes
 * are unchanged, so a tightened sanitizer or an upgraded plugin re-renders all.
 */
function rendererKey(root: string): string {
  const options = JSON.stringify(markdownProcessor.options, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
  let lock = '';
  try {
    lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
  } catch {
    // No lock file: the options alone.
  }
  return `${options}\n${lock}`;
}

/** Relative paths of the Markdown files of a collection folder, sorted. */
export function listEntryFiles(base: string): string[] {
  let names: string[];
  try {
    names = readdirSync(base, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.md') && !lstatSync(join(base, name)).isSymbolicLink())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

export function entryLoader(base: string): Loader {
  return {
    name: 'casebook-entries',
    async load({ store, parseData, renderMarkdown, generateDigest, config }) {
      // Entries from the last build: a file whose bytes and renderer are unchanged keeps its rendered HTML.
      const previous = new Map(store.entries());
      store.clear();
      const root = new URL('.', config.root).pathname;
      const renderer = generateDigest(rendererKey(root));
      for (const name of listEntryFiles(base)) {
        const filePath = join(base, name);
        const display = relative(root, filePath) || filePath;
        const decoded = decodeEntryBytes(readFileSync(filePath), display);
        const parsed = typeof decoded === 'string' ? parseEntry(decoded, display) : decoded;
        if (Array.isArray(parsed)) throw new Error(parsed.map(formatDiagnostic).join('\n'));
        const id = name.replace(/\.md$/, '');
        const data = await parseData({ id, data: parsed.data, filePath: display });
        const digest = generateDigest(`${renderer}\n${decoded as string}`);
        const kept = previous.get(id);
        store.set({
          id,
          data,
          body: parsed.body,
          filePath: display,
          digest,
          rendered: kept?.digest === digest && kept.rendered ? kept.rendered : await renderMarkdown(parsed.body),
        });
      }
    },
  };
}

export function themesLoader(file: string): Loader {
  return {
    name: 'casebook-themes',
    async load({ store, parseData }) {
      store.clear();
      for (const theme of readThemes(file)) {
        store.set({ id: theme.id, data: await parseData({ id: theme.id, data: { ...theme } }) });
      }
    },
  };
}
