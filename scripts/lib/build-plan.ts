/** Whether npm run build (scripts/build-site.ts) builds the pages and the search index side by side. */
import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { walkTree } from '../../src/lib/content-tree.ts';
import { COLLECTION_NAMES } from '../../src/schemas/index.ts';

const GIB = 2 ** 30;

/**
 * Whether the page build and the search index can run side by side on this
 * machine: two cores, and room for both peaks. The peaks grow with the
 * library: npm run bench (2 cores) measured the two running side by side at
 * 0.96, 1.47 and 2.91 GiB for 1,000, 10,000 and 30,000 entries. The line
 * below stays above those (1.1, 2.0 and 4.0 GiB), and with a quarter of the
 * memory left to spare it says yes up to about 40,000 entries on a 7 GB runner.
 */
export function bothFit(entries: number, memoryBytes = totalmem(), cores = availableParallelism()): boolean {
  const peakGiB = 1.0 + (0.1 * entries) / 1000;
  return cores >= 2 && peakGiB * GIB <= 0.75 * memoryBytes;
}

/**
 * The V8 heap limit for the page build, in MiB. V8's default is about a
 * quarter of the machine's memory, capped near 4 GiB: 4.2 GiB on the 24 GB
 * machine where npm run bench measured the page build (2.05–3.08 GiB process
 * peak at 30,000 entries), but by the same rule under 2 GiB on GitHub's 7 GB runner, where a
 * large library would run out of heap long before the machine runs out of
 * memory. So the page build gets 60% of the memory, up to 4 GiB, and never
 * less than the default: unchanged where the default is already that large.
 */
export function pageHeapMiB(memoryBytes = totalmem(), defaultBytes = getHeapStatistics().heap_size_limit): number {
  return Math.floor(Math.max(defaultBytes, Math.min(0.6 * memoryBytes, 4 * GIB)) / 2 ** 20);
}

/** Markdown files under content/reports, content/cases and content/rules. */
export function countEntries(content: string): number {
  return COLLECTION_NAMES.reduce((n, c) => n + (existsSync(join(content, c)) ? walkTree(join(content, c)).filter((e) => e.kind === 'file' && e.name.endsWith('.md')).length : 0), 0);
}
