/** A worker thread that validates the batches of files it is given, one message each (see run.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { fileChecker, type BatchRequest, type BatchResult } from './run.ts';

const { root, all } = workerData as { root: string; all: string[] };
const check = fileChecker(root, all);
parentPort?.on('message', ({ index, files }: BatchRequest) => parentPort?.postMessage({ index, diagnostics: check(files) } satisfies BatchResult));
