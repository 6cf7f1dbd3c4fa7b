/** Debian's chromium driven by playwright-core, for the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * One browser page for the tests of a file: launched before them, closed after.
 * Returns a getter, since the page exists only once beforeAll has run.
 */
export function useBrowserPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!page) throw new Error('the browser page is not open yet');
    return page;
  };
}

/** Absolute URL of a path on the served site: siteUrl('cases/') → http://127.0.0.1:<port>/casebook/cases/ */
export function siteUrl(path = ''): string {
  return inject('siteUrl') + path.replace(/^\/+/, '');
}

/** Open the search page with a query string and wait until the search has finished; returns the status line. */
export async function searchFor(page: Page, params: Record<string, string>): Promise<string> {
  await page.goto(siteUrl(`search/?${new URLSearchParams(params)}`));
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  // The filter counts may follow the results.
  await page.locator('fieldset.filters[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  return (await page.locator('#search-status').textContent()) ?? '';
}

/** Every result link, clicking 显示更多 until all results are shown. */
export async function allResultLinks(page: Page): Promise<string[]> {
  const more = page.locator('#search-more');
  for (let i = 0; i < 50 && (await more.isVisible()); i++) {
    const before = await page.locator('[data-search-result]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-result]').length > n, before);
    // Settled: the button is enabled again, or hidden after the last page.
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-more')?.disabled);
  }
  return page.locator('[data-search-result] a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Type a query into the open search page and submit it, without reloading; returns the status line. */
export async function searchInPage(page: Page, query: string): Promise<string> {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction(
    (q) =>
      new URLSearchParams(location.search).get('q') === q &&
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('fieldset.filters')?.getAttribute('aria-busy') === 'false',
    query,
  );
  return (await page.locator('#search-status').textContent()) ?? '';
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each: `rule: selector, …`. */
export async function axeViolations(target: Page): Promise<string[]> {
  await target.evaluate(axeSource);
  type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
  const result = await target.evaluate(() => (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
