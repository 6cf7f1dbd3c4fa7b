/**
 * Renders entry bodies in worker threads (markdown-worker.ts) while the
 * loader goes on reading and checking files, so Markdown uses the other
 * cores. Each worker builds the same renderer Astro's `renderMarkdown` would
 * (same processor module, same settings), so the HTML and metadata are the
 * same. Where a worker cannot run (no source file, a Node without type
 * stripping, a processor whose options an integration changed), the body is
 * rendered here with `renderMarkdown` instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/internal-helpers/markdown';
import type { LoaderContext } from 'astro/loaders';

export type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
export type RendererSettings = AstroMarkdownOptions & { optionsKey: string };
export interface RenderRequest {
  job: number;
  body: string;
}
export type RenderReply = { job: number; rendered: Rendered } | { job: number; error: string };

/** The processor's options as text, plugin code included: the worker checks its own copy against it. */
export function optionsKey(options: unknown): string {
  return JSON.stringify(options, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
}

/**
 * The worker starts once this many bodies have been submitted. Starting it
 * costs 0.5–0.9 s of CPU (loading the Markdown packages), about what
 * rendering a thousand bodies costs, so smaller libraries render here.
 */
const BODIES_BEFORE_WORKER = 1500;

/**
 * One worker: reading and checking the files keeps this thread busier than
 * Markdown keeps the worker (at 10,000 entries about 12 s against 5 s of
 * CPU), so a second worker only adds its start-up.
 */
const MAX_WORKERS = 1;

interface Job {
  body: string;
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

export class MarkdownPool {
  readonly #slots: Slot[] = [];
  readonly #workerFile: string | undefined;
  readonly #settings: RendererSettings;
  readonly #fallback: (body: string) => Promise<Rendered>;
  readonly #max: number;
  #submitted = 0;
  #next = 0;
  #broken: boolean;

  /** Without `workerFile` (or when it is missing) every body is rendered by `fallback`. */
  constructor(workerFile: string | undefined, settings: RendererSettings, fallback: (body: string) => Promise<Rendered>) {
    this.#workerFile = workerFile;
    this.#settings = settings;
    this.#fallback = fallback;
    this.#max = Math.min(MAX_WORKERS, Math.max(0, availableParallelism() - 1));
    this.#broken = workerFile === undefined || !existsSync(workerFile);
  }

  render(body: string): Promise<Rendered> {
    this.#submitted++;
    if (!this.#broken && this.#slots.length < this.#max && this.#submitted > BODIES_BEFORE_WORKER) this.#spawn();
    const slot = this.#slots.reduce<Slot | undefined>((best, s) => (best === undefined || s.jobs.size < best.jobs.size ? s : best), undefined);
    if (!slot) return this.#fallback(body);
    const job = this.#next++;
    return new Promise<Rendered>((resolve, reject) => {
      slot.jobs.set(job, { body, resolve, reject });
      slot.worker.postMessage({ job, body } satisfies RenderRequest);
    });
  }

  /** Stops the workers; call once every render has settled. */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): void {
    const slot: Slot = { worker: new Worker(this.#workerFile as string, { workerData: this.#settings }), jobs: new Map() };
    slot.worker.on('message', (reply: RenderReply | 'mismatch') => {
      if (reply === 'mismatch') this.#retire(slot);
      else this.#settle(slot, reply);
    });
    // A worker that cannot start or stops: its bodies are rendered here, as Astro would, and no other starts.
    slot.worker.on('error', () => this.#retire(slot));
    slot.worker.on('exit', () => this.#retire(slot));
    this.#slots.push(slot);
  }

  #settle(slot: Slot, reply: RenderReply): void {
    const job = slot.jobs.get(reply.job);
    if (!job) return;
    slot.jobs.delete(reply.job);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.rendered);
  }

  #retire(slot: Slot): void {
    const at = this.#slots.indexOf(slot);
    if (at === -1) return;
    this.#broken = true;
    this.#slots.splice(at, 1);
    void slot.worker.terminate();
    for (const job of slot.jobs.values()) this.#fallback(job.body).then(job.resolve, job.reject);
    slot.jobs.clear();
  }
}

/** One pool for the collections that load at the same time; it stops when the last of them is done. */
let shared: { pool: MarkdownPool; users: number } | undefined;

export function acquirePool(make: () => MarkdownPool): MarkdownPool {
  shared ??= { pool: make(), users: 0 };
  shared.users++;
  return shared.pool;
}

export async function releasePool(pool: MarkdownPool): Promise<void> {
  if (shared?.pool !== pool || --shared.users > 0) return;
  shared = undefined;
  await pool.close();
}
