/** A worker thread that validates its share of the files (see run.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContext, readInput } from './load.ts';
import { validateFile } from './validate-file.ts';

const { root, all, files } = workerData as { root: string; all: string[]; files: string[] };
const context = loadContext(root, all);
parentPort?.postMessage(files.flatMap((file) => validateFile(readInput(root, file), context)));
