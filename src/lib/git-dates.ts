/**
 * When each file under a folder was added and last changed, from one
 * `git log` over the folder (one process per build, not one per page).
 */
import { execFileSync } from 'node:child_process';

export interface FileDates {
  /** Commit date (YYYY-MM-DD) of the commit that added the file. */
  added: string;
  /** Commit date of the latest commit that changed it. */
  updated: string;
}

/** Parse `git log --format=%x00%cs --name-only` output: newest commit first. */
export function parseGitLog(log: string): Map<string, FileDates> {
  const dates = new Map<string, FileDates>();
  for (const block of log.split('\u0000').slice(1)) {
    const [date = '', ...files] = block.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const file of files) {
      const known = dates.get(file);
      // Newest first: the first date seen is the last update, the last one seen the addition.
      dates.set(file, known ? { ...known, added: date } : { added: date, updated: date });
    }
  }
  return dates;
}

const cache = new Map<string, Map<string, FileDates>>();

/** Dates of every file git knows under `folder` (empty when there is no git history). */
export function gitDates(folder = 'content'): Map<string, FileDates> {
  let dates = cache.get(folder);
  if (!dates) {
    try {
      dates = parseGitLog(execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }));
    } catch {
      dates = new Map();
    }
    cache.set(folder, dates);
  }
  return dates;
}
