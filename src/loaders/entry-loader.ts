/**
 * Astro loader for content/<collection>/**\/*.md that parses every file with the
 * same safe frontmatter parser and schema as the validator, and refuses
 * anything else: no .mdx, no symbolic links at any level (linked folders are not
 * entered), nothing whose real path leaves the folder, no name outside the layout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Loader } from 'astro/loaders';
import { insideOf, walkTree } from '../lib/content-tree.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { checkEntryName, type EntryFolder } from '../lib/entry-path.ts';
import { parseEntry, decodeEntryBytes } from '../lib/frontmatter.ts';
import { readContentFile } from '../lib/read-content-file.ts';
import { readThemes } from '../lib/safe-yaml.ts';
import { contentPipelineSource, markdownProcessor, renderEntryBody, type RenderedBody } from '../lib/site/markdown.ts';
import type { BodyResult } from '../lib/site/markdown-worker.ts';

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

/** The worker's source: Node runs it as TypeScript from the project (the page bundle does not contain it). */
const MARKDOWN_WORKER = join(process.cwd(), 'src', 'lib', 'site', 'markdown-worker.ts');

/**
 * Bodies to render before a second thread pays for itself: starting one and
 * loading the Markdown libraries into it takes about as long as rendering
 * this many bodies here.
 */
const WORKER_FROM = 2000;

/** Renders bodies in this thread; a body that cannot be rendered is reported with its file. */
async function renderHere(bodies: readonly { body: string; display: string }[]): Promise<RenderedBody[]> {
  const out: RenderedBody[] = [];
  for (const { body, display } of bodies) {
    try {
      out.push(await renderEntryBody(body));
    } catch (error) {
      throw new Error(`${display}：正文无法转换为网页：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return out;
}

type Body = { body: string; display: string };

/** A worker thread that renders bodies, started early; where none can run (no source file, a Node without type stripping) bodies render here. */
function bodyRenderer(): { render: (bodies: readonly Body[]) => Promise<RenderedBody[]>; stop: () => void } {
  if (!existsSync(MARKDOWN_WORKER)) return { render: renderHere, stop: () => {} };
  const worker = new Worker(MARKDOWN_WORKER);
  let failed: Error | undefined;
  worker.once('error', (error) => (failed = error));
  const render = (bodies: readonly Body[]) =>
    new Promise<RenderedBody[]>((resolve, reject) => {
      if (failed) return void renderHere(bodies).then(resolve, reject);
      worker.once('message', (results: BodyResult[]) => {
        const bad = results.findIndex((r) => 'error' in r);
        const result = results[bad];
        if (result && 'error' in result) reject(new Error(`${bodies[bad]?.display}：正文无法转换为网页：${result.error}`));
        else resolve(results.map((r) => (r as { rendered: RenderedBody }).rendered));
      });
      let errored = false;
      worker.once('error', () => {
        errored = true;
        renderHere(bodies).then(resolve, reject);
      });
      worker.once('exit', (code) => {
        if (!errored) reject(new Error(`Markdown worker exited with code ${code}`));
      });
      worker.postMessage(bodies.map((b) => b.body));
    });
  return { render, stop: () => void worker.terminate() };
}

/**
 * Renders the bodies, in order: the first half here and, given a worker
 * (`helper`), the second half in it, on the second core.
 */
export async function renderBodies(bodies: readonly Body[], helper?: ReturnType<typeof bodyRenderer>): Promise<RenderedBody[]> {
  if (!helper || bodies.length < 2) return renderHere(bodies);
  const half = Math.ceil(bodies.length / 2);
  const [first, second] = await Promise.all([renderHere(bodies.slice(0, half)), helper.render(bodies.slice(half))]);
  return [...first, ...second];
}

/** A worker for a folder of `files` entries, when there are enough of them to repay starting one. */
export function rendererFor(files: number): ReturnType<typeof bodyRenderer> | undefined {
  return files >= WORKER_FROM ? bodyRenderer() : undefined;
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
      const names = listEntryFiles(base);
      // Started now, so that it loads the Markdown libraries while the files are read below.
      const helper = rendererFor(names.length);
      try {
        const parsedEntries = [];
        for (const name of names) {
          const filePath = join(base, name);
          const display = relative(root, filePath) || filePath;
          const id = checkName(folder, name, display);
          const decoded = decodeEntryBytes(readContentFile(filePath), display);
          const parsed = typeof decoded === 'string' ? parseEntry(decoded, display) : decoded;
          if (Array.isArray(parsed)) throw new Error(parsed.map(formatDiagnostic).join('\n'));
          const data = await parseData({ id, data: parsed.data, filePath: display });
          const digest = generateDigest(`${renderer}\n${decoded as string}`);
          const kept = previous.get(id);
          parsedEntries.push({ id, data, body: parsed.body, display, digest, rendered: kept?.digest === digest ? kept.rendered : undefined });
        }
        const toRender = parsedEntries.filter((e) => !e.rendered);
        const rendered = await renderBodies(toRender, toRender.length >= WORKER_FROM ? helper : undefined);
        toRender.forEach((e, i) => (e.rendered = rendered[i]));
        for (const { id, data, body, display, digest, rendered } of parsedEntries) store.set({ id, data, body, filePath: display, digest, ...(rendered ? { rendered } : {}) });
      } finally {
        helper?.stop();
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
        store.set({
          id: theme.id,
          data: await parseData({ id: theme.id, data: { ...theme } }),
        });
      }
    },
  };
}
