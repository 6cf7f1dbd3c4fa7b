/**
 * Worker thread for the entry loader (markdown-pool.ts): renders Markdown
 * bodies exactly as Astro's own `renderMarkdown` does for this project: the
 * same processor object (src/lib/site/markdown.ts) turned into a renderer with
 * the site's Markdown settings, the same frontmatter step, the same result shape.
 */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderRequest, RenderReply, RendererSettings } from './markdown-pool.ts';

// Loading the Markdown packages is most of a worker's start (about 0.9 s); Node's compile cache halves it after the first build.
enableCompileCache();
const { parseFrontmatter } = await import('@astrojs/markdown-remark');
const { markdownProcessor } = await import('../lib/site/markdown.ts');
const { optionsKey } = await import('./markdown-pool.ts');

const { optionsKey: expected, ...settings } = workerData as RendererSettings;
// This thread has its own copy of the processor module: if an integration changed the build's copy, render nothing here.
const same = optionsKey(markdownProcessor.options) === expected;
const renderer = same ? await markdownProcessor.createRenderer(settings) : undefined;

async function render(content: string) {
  // As Astro's content layer (#processMarkdown): frontmatter is split off first, then the rest rendered.
  const { frontmatter, content: body } = parseFrontmatter(content);
  const { code, metadata } = await (renderer as NonNullable<typeof renderer>).render(body, { frontmatter });
  return { html: code, metadata: { ...metadata, imagePaths: (metadata.localImagePaths ?? []).concat(metadata.remoteImagePaths ?? []) } };
}

if (!same) parentPort?.postMessage('mismatch');
else parentPort?.on('message', (request: RenderRequest) => {
  render(request.body).then(
    (rendered): void => parentPort?.postMessage({ job: request.job, rendered } satisfies RenderReply),
    (error: unknown): void => parentPort?.postMessage({ job: request.job, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
