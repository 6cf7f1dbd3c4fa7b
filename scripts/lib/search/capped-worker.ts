/**
 * The worker of capped.ts: builds the index and posts its figures back. The
 * builder's modules load after Node's compile cache is on (the folder the
 * prebuilt scripts use), so a rebuild does not compile them again.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildJob } from './capped.ts';

enableCompileCache(join(import.meta.dirname, '..', '..', '..', '.cache', 'node-compile'));
const { buildSearchIndex } = await import('./build.ts');
const { searchRecords } = await import('./entries.ts');
const job = workerData as BuildJob;
parentPort?.postMessage(buildSearchIndex(searchRecords(job.contentDir), job.outDir));
