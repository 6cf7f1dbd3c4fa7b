/** Timing and memory of whole commands: median wall time over runs, peak RSS of the process tree. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  /** Median wall time in milliseconds. */
  ms: number;
  /** Highest total resident memory of the command and all its children, in MiB. */
  peakMiB: number;
  runs: number[];
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Total RSS of a process and its descendants. */
export function treeRssKiB(pid: number): number {
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.pop() as number;
    total += rssKiB(p);
    queue.push(...childrenOf(p));
  }
  return total;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success (the validator exits 1 when it finds errors); others throw. */
  okCodes?: readonly number[];
}

export async function runOnce(command: string, args: string[], cwd: string, { env = process.env, okCodes = [0] }: RunOptions = {}): Promise<{ ms: number; peakKiB: number; code: number }> {
  const start = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 50);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (!okCodes.includes(code)) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`);
  return { ms: performance.now() - start, peakKiB: peak, code };
}

/** Median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Command {
  command: string;
  args: string[];
  cwd: string;
  /** `before` runs before each run of the command (e.g. removing the last build's output). */
  options?: RunOptions & { before?: () => void };
}

/**
 * Runs a command up to `runs` times: median wall time, highest peak memory.
 * Stops repeating once the runs so far took `budgetMs` in all (a 10,000-entry
 * build may take many minutes), so `runs` in the result may be fewer.
 */
export async function measure(command: string, args: string[], cwd: string, { runs = 3, budgetMs = Infinity, ...options }: RunOptions & { runs?: number; budgetMs?: number; before?: () => void } = {}): Promise<Measurement> {
  const [measured] = await measureAlternating([{ command, args, cwd, options }], { runs, budgetMs });
  return measured as Measurement;
}

/**
 * Runs two or more commands in turn (a, b, a, b, …) up to `runs` rounds, one
 * Measurement each: for a ratio of two builds on a machine whose speed drifts
 * over minutes, so that a slow spell slows both rather than one. Stops
 * repeating once the rounds so far took `budgetMs` in all.
 */
export async function measureAlternating(commands: readonly Command[], { runs = 3, budgetMs = Infinity }: { runs?: number; budgetMs?: number } = {}): Promise<Measurement[]> {
  const results: { ms: number; peakKiB: number }[][] = commands.map(() => []);
  let spent = 0;
  for (let round = 0; round < runs && (round === 0 || spent < budgetMs); round++) {
    for (const [i, { command, args, cwd, options = {} }] of commands.entries()) {
      const { before, ...runOptions } = options;
      before?.();
      const result = await runOnce(command, args, cwd, runOptions);
      results[i]?.push(result);
      spent += result.ms;
    }
  }
  return results.map((r) => ({ ms: median(r.map((x) => x.ms)), peakMiB: Math.max(...r.map((x) => x.peakKiB)) / 1024, runs: r.map((x) => Math.round(x.ms)) }));
}

/** Total bytes of the files under a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += readFileSync(`${entry.parentPath}/${entry.name}`).byteLength;
  }
  return total;
}

export interface Fit {
  /** Least-squares line through the points, evaluated at the target. */
  linear: number;
  /** Least-squares line through the logarithms (y = a·x^b), evaluated at the target. */
  power: number;
  exponent: number;
}

function leastSquares(points: readonly (readonly [number, number])[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Projects y at `at` from measured (x, y) points, as a line and as a power law. */
export function fit(points: readonly (readonly [number, number])[], at: number): Fit {
  const line = leastSquares(points);
  const logs = leastSquares(points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [Math.log(x), Math.log(y)] as const));
  return { linear: line.intercept + line.slope * at, power: Math.exp(logs.intercept + logs.slope * Math.log(at)), exponent: logs.slope };
}
