/** A worker thread that validates its share of the files (see run.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles } from './run.ts';

const { root, all, files } = workerData as { root: string; all: string[]; files: string[] };
parentPort?.postMessage(checkFiles(root, all, files));
