/** The worker of capped.ts: builds the index and posts its figures back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from './build.ts';
import { searchRecords } from './entries.ts';
import type { BuildJob } from './capped.ts';

const job = workerData as BuildJob;
parentPort?.postMessage(buildSearchIndex(searchRecords(job.contentDir), job.outDir));
