/**
 * Worker thread for the site's loader (src/loaders/entry-loader.ts). It is
 * started before the loader reads the files, so that loading the Markdown
 * libraries overlaps that reading; it then renders the bodies it is sent, in
 * order, and posts back one result per body: the rendered body, or the
 * error's message.
 */
import { parentPort } from 'node:worker_threads';
import { renderEntryBody, type RenderedBody } from './markdown.ts';

export type BodyResult = { rendered: RenderedBody } | { error: string };

parentPort?.once('message', async (bodies: string[]) => {
  const results: BodyResult[] = [];
  for (const body of bodies) {
    try {
      results.push({ rendered: await renderEntryBody(body) });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  parentPort?.postMessage(results);
});
