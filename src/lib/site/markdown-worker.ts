/**
 * Worker thread for the site's loader (src/loaders/entry-loader.ts): renders
 * the Markdown bodies it receives as workerData, in order, and posts back one
 * result per body — the rendered body, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderEntryBody, type RenderedBody } from './markdown.ts';

export type BodyResult = { rendered: RenderedBody } | { error: string };

const results: BodyResult[] = [];
for (const body of workerData as string[]) {
  try {
    results.push({ rendered: await renderEntryBody(body) });
  } catch (error) {
    results.push({ error: error instanceof Error ? error.message : String(error) });
  }
}
parentPort?.postMessage(results);
