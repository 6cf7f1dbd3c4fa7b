/**
 * Time to results and bytes transferred for a cold first query and a second
 * query, in headless Debian Chromium against a built site on 127.0.0.1.
 */
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../static-server.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface QueryFigures {
  coldMs: number;
  coldBytes: number;
  coldResults: number;
  /** How many entries the cold query matches in all, from the status line (找到 N 个). */
  coldMatches: number;
  secondMs: number;
  secondBytes: number;
  secondResults: number;
}

/** Bytes of every response the page receives from now on, as the server sent them. */
function countBytes(page: Page): { total: () => number; reset: () => void } {
  let total = 0;
  page.on('response', async (response) => {
    try {
      total += (await response.body()).byteLength;
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  return { total: () => total, reset: () => (total = 0) };
}

export async function measureQueries(siteDir: string, first: string, second: string): Promise<QueryFigures> {
  const server = await serveStatic(siteDir, '/');
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    const bytes = countBytes(page);
    const started = performance.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(first)}`);
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 60_000 });
    const coldMs = performance.now() - started;
    const coldResults = await page.locator('[data-search-result]').count();
    const coldMatches = Number(/找到\s*(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? coldResults);
    await page.waitForLoadState('networkidle');
    const coldBytes = bytes.total();
    bytes.reset();
    const again = performance.now();
    await page.fill('#q', second);
    await page.press('#q', 'Enter');
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', second, { timeout: 60_000 });
    const secondMs = performance.now() - again;
    const secondResults = await page.locator('[data-search-result]').count();
    await page.waitForLoadState('networkidle');
    return { coldMs, coldBytes, coldResults, coldMatches, secondMs, secondBytes: bytes.total(), secondResults };
  } finally {
    await browser.close();
    await server.close();
  }
}
