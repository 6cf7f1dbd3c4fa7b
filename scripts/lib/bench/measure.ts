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

export async function runOnce(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; peakKiB: number; code: number }> {
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
  if (code !== 0 && code !== 1) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`);
  return { ms: performance.now() - start, peakKiB: peak, code };
}

export async function measure(command: string, args: string[], cwd: string, runs = 3, env?: NodeJS.ProcessEnv): Promise<Measurement> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(command, args, cwd, env));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, peakMiB: Math.max(...results.map((r) => r.peakKiB)) / 1024, runs: results.map((r) => Math.round(r.ms)) };
}

/** Total bytes of the files under a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += readFileSync(`${entry.parentPath}/${entry.name}`).byteLength;
  }
  return total;
}
