/**
 * Runs the index build in a worker thread with a capped heap. The builder's
 * live memory is bounded (spill.ts: tens of MB at 10,000 entries), but V8
 * lets a busy heap grow to several times that before it collects; the cap
 * makes it collect instead. Should a library ever need more than the cap,
 * the worker runs out of memory and the build runs again without it.
 */
import { Worker } from 'node:worker_threads';
import type { BuildStats } from './build.ts';

/** Old-generation heap of the worker, in MiB. */
export const HEAP_CAP_MIB = 160;

export interface BuildJob {
  contentDir: string;
  outDir: string;
  heapCapMiB?: number | undefined;
}

function inWorker(job: BuildJob, cap: number | undefined): Promise<BuildStats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./capped-worker.ts', import.meta.url), {
      workerData: job,
      ...(cap ? { resourceLimits: { maxOldGenerationSizeMb: cap, maxYoungGenerationSizeMb: 16 } } : {}),
    });
    let stats: BuildStats | undefined;
    worker.on('message', (message: BuildStats) => (stats = message));
    worker.on('error', reject);
    worker.on('exit', (code) => (stats ? resolve(stats) : reject(new Error(`建搜索索引的线程意外退出（代码 ${code}）`))));
  });
}

const outOfMemory = (error: unknown) => (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/** Builds the index of `contentDir` into `outDir` in a capped worker; again without the cap if it runs out of memory. */
export async function buildCapped(job: BuildJob): Promise<BuildStats> {
  try {
    return await inWorker(job, job.heapCapMiB ?? HEAP_CAP_MIB);
  } catch (error) {
    if (!outOfMemory(error)) throw error;
    console.warn(`建搜索索引需要超过 ${job.heapCapMiB ?? HEAP_CAP_MIB} MiB 内存，改为不限内存重新构建。`);
    return inWorker(job, undefined);
  }
}
