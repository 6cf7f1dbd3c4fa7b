/**
 * When each file under a folder was added and last changed, from one
 * `git log` over the folder (one process per build, not one per page).
 */
import { gitPaths } from './git-paths.ts';

export interface FileDates {
  /** Commit date (YYYY-MM-DD) of the commit that added the file. */
  added: string;
  /** Commit date of the latest commit that changed it. */
  updated: string;
}

const DATE = /^@(\d{4}-\d{2}-\d{2})$/;

/**
 * Parse the NUL-separated items of `git log --format=@%cs --name-only -z`, newest commit first:
 * `@<date>`, then the commit's paths, the first of which starts with the newline git puts after the header.
 */
export function parseGitLog(items: readonly string[]): Map<string, FileDates> {
  const dates = new Map<string, FileDates>();
  let date = '';
  for (const item of items) {
    const header = DATE.exec(item);
    if (header) {
      date = header[1] as string;
      continue;
    }
    const file = item.replace(/^\n/, '');
    if (!date || !file) continue;
    const known = dates.get(file);
    // Newest first: the first date seen is the last update, the last one seen the addition.
    dates.set(file, known ? { ...known, added: date } : { added: date, updated: date });
  }
  return dates;
}

const cache = new Map<string, Map<string, FileDates>>();

/** Dates of every file git knows under `folder` (empty when there is no git history). */
export function gitDates(folder = 'content'): Map<string, FileDates> {
  let dates = cache.get(folder);
  if (!dates) {
    const items = gitPaths(process.cwd(), ['log', '--format=@%cs', '--name-only', '--no-renames', '--', folder]);
    dates = items ? parseGitLog(items) : new Map();
    cache.set(folder, dates);
  }
  return dates;
}
