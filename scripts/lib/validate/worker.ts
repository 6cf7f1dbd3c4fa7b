/** A worker thread that validates the batches of files it is given, one message each (see run.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { fileChecker, type BatchResult, type WorkerRequest } from './run.ts';

const { root } = workerData as { root: string };
let check: ((files: readonly string[]) => BatchResult['diagnostics']) | undefined;
parentPort?.on('message', (request: WorkerRequest) => {
  if ('all' in request) check = fileChecker(root, request.all);
  else if (check) parentPort?.postMessage({ index: request.index, diagnostics: check(request.files) } satisfies BatchResult);
  else throw new Error('校验线程在收到文件列表之前收到了文件');
});
