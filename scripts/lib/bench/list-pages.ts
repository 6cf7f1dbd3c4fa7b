/** The list pages of a built site (type lists, by-region views, theme, region and year pages) and the heaviest of them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Largest HTML a list page may have, at any library size. */
export const LIST_PAGE_LIMIT_BYTES = 60 * 1024;

/** Whether a built file (relative to the site folder, `cases/2/index.html`) is a list page. */
export function isListPage(file: string): boolean {
  const path = file.split('\\').join('/');
  return /^(reports|cases|rules)\/(by-region\/)?(\d+\/)?index\.html$/.test(path) || /^(themes|regions|years)\/(.+\/)?index\.html$/.test(path);
}

/** The list page with the most bytes of HTML, or undefined when the site has none. */
export function largestListPage(siteDir: string): { page: string; bytes: number } | undefined {
  let largest: { page: string; bytes: number } | undefined;
  for (const file of readdirSync(siteDir, { recursive: true, encoding: 'utf8' })) {
    if (!isListPage(file)) continue;
    const bytes = statSync(join(siteDir, file)).size;
    if (!largest || bytes > largest.bytes) largest = { page: file, bytes };
  }
  return largest;
}
