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
      store.clear();
      const root = new URL('.', config.root).pathname;
      for (const name of listEntryFiles(base)) {
        const filePath = join(base, name);
        const display = relative(root, filePath) || filePath;
        const decoded = decodeEntryBytes(readFileSync(filePath), display);
        const parsed = typeof decoded === 'string' ? parseEntry(decoded, display) : decoded;
        if (Array.isArray(parsed)) throw new Error(parsed.map(formatDiagnostic).join('\n'));
        const id = name.replace(/\.md$/, '');
        const data = await parseData({ id, data: parsed.data, filePath: display });
        store.set({
          id,
          data,
          body: parsed.body,
          filePath: display,
          digest: generateDigest(decoded as string),
          rendered: await renderMarkdown(parsed.body),
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
