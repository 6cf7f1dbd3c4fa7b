/**
 * Astro loader for content/<collection>/**\/*.md that parses every file with the
 * same safe frontmatter parser and schema as the validator, and refuses
 * anything else: no .mdx, no symbolic links at any level (linked folders are not
 * entered), nothing whose real path leaves the folder, no name outside the layout.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { insideOf, walkTree } from '../lib/content-tree.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { checkEntryName, type EntryFolder } from '../lib/entry-path.ts';
import { parseEntry, decodeEntryBytes } from '../lib/frontmatter.ts';
import { readContentFile } from '../lib/read-content-file.ts';
import { readThemes } from '../lib/safe-yaml.ts';
import { contentPipelineSource, markdownProcessor, renderEntryBody, type RenderedBody } from '../lib/site/markdown.ts';

/**
 * What a rendering depends on besides the file: the Markdown processor's
 * options (plugin code included) and every installed package version. A file
 * keeps its rendered HTML from the last build only while this and its bytes
 * are unchanged, so a tightened sanitizer or an upgraded plugin re-renders all.
 */
function rendererKey(root: string): string {
  const options = JSON.stringify(markdownProcessor.options, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value)) + contentPipelineSource;
  let lock = '';
  try {
    lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
  } catch {
    // No lock file: the options alone.
  }
  return `${options}\n${lock}`;
}

/**
 * Relative paths of the regular Markdown files of a collection folder, sorted. Links and
 * other special files are skipped here and reported by the validator.
 */
export function listEntryFiles(base: string): string[] {
  const inside = insideOf(base);
  return walkTree(base)
    .filter((entry) => entry.kind === 'file' && entry.name.endsWith('.md') && inside(join(base, entry.name)))
    .map((entry) => entry.name);
}

/** Stops the build on a file name outside the collection's layout: the page address would come from it. */
function checkName(folder: EntryFolder, name: string, display: string): string {
  const checked = checkEntryName(folder, name);
  if ('id' in checked) return checked.id;
  const fix = checked.suggestion ? `；建议改名为 ${checked.suggestion}` : '';
  throw new Error(`${display}：${checked.problem}${fix}`);
}

/** An entry body as the site shows it; a body that cannot be rendered is reported with its file. */
export async function renderBody(body: string, display: string): Promise<RenderedBody> {
  try {
    return await renderEntryBody(body);
  } catch (error) {
    throw new Error(`${display}：正文无法转换为网页：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function entryLoader(base: string, folder = basename(base) as EntryFolder): Loader {
  return {
    name: 'casebook-entries',
    async load({ store, parseData, generateDigest, config }) {
      // Entries from the last build: a file whose bytes and renderer are unchanged keeps its rendered HTML.
      const previous = new Map(store.entries());
      store.clear();
      const root = new URL('.', config.root).pathname;
      const renderer = generateDigest(rendererKey(root));
      for (const name of listEntryFiles(base)) {
        const filePath = join(base, name);
        const display = relative(root, filePath) || filePath;
        const id = checkName(folder, name, display);
        const decoded = decodeEntryBytes(readContentFile(filePath), display);
        const parsed = typeof decoded === 'string' ? parseEntry(decoded, display) : decoded;
        if (Array.isArray(parsed)) throw new Error(parsed.map(formatDiagnostic).join('\n'));
        const data = await parseData({ id, data: parsed.data, filePath: display });
        const digest = generateDigest(`${renderer}\n${decoded as string}`);
        const kept = previous.get(id);
        store.set({
          id,
          data,
          body: parsed.body,
          filePath: display,
          digest,
          rendered: kept?.digest === digest && kept.rendered ? kept.rendered : await renderBody(parsed.body, display),
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
