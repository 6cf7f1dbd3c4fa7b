/** The date a file last changed, from git: what a reader wants to know about a page's freshness. */
import { gitDates } from '../git-dates.ts';

/**
 * The commit date of the last change to `file` (read from one `git log` over
 * content/ per build), or `fallback` when git has no history for it.
 */
export function lastUpdated(file: string, fallback: string): string {
  return gitDates('content').get(file)?.updated ?? fallback;
}
