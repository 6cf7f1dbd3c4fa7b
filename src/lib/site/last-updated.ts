/** The date a file last changed, from git: what a reader wants to know about a page's freshness. */
import { execFileSync } from 'node:child_process';

/** `git log -1 --format=%cs -- <file>`, or `fallback` when git has no history for it (or no git). */
export function lastUpdated(file: string, fallback: string): string {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : fallback;
  } catch {
    return fallback;
  }
}
