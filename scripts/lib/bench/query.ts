/**
 * Time to results and bytes transferred for a cold first query and a second
 * query, in headless Debian Chromium against a built site on 127.0.0.1.
 *
 * Times are taken inside the page (performance.now(), from the start of the
 * navigation for the first query and from the form's submit event for the
 * second, to the moment the result list stops being aria-busy), so they leave
 * out launching the browser; the wall time seen from outside is kept too.
 * Bytes are response bodies as the server sent them (it does not compress).
 */
import { chromium, type Page, type Request } from 'playwright-core';
import { serveStatic } from '../static-server.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface QueryFigures {
  /** Navigation start to results shown, in the page. */
  coldMs: number;
  /** The same seen from outside, from page.goto to results (includes the browser's own start-up of the tab). */
  coldWallMs: number;
  coldBytes: number;
  coldRequests: number;
  coldResults: number;
  /** How many entries the cold query matches in all, from the status line (找到 N 个). */
  coldMatches: number;
  /** Submit to results shown, in the page. */
  secondMs: number;
  secondBytes: number;
  secondRequests: number;
  secondResults: number;
  secondMatches: number;
}

declare global {
  interface Window {
    __bench?: { idle: number[]; submitted?: number };
  }
}

/** Records, in the page, when the result list stops being busy and when the form is submitted. */
function instrument(): void {
  const marks: { idle: number[]; submitted?: number } = { idle: [] };
  window.__bench = marks;
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.target instanceof Element && c.target.id === 'search-results' && c.target.getAttribute('aria-busy') === 'false') marks.idle.push(performance.now());
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  document.addEventListener('submit', () => (marks.submitted = performance.now()), true);
}

/** Bytes and count of the requests the page finishes from now on. */
function countRequests(page: Page): { settle: () => Promise<{ bytes: number; requests: number }>; reset: () => void } {
  let pending: Promise<number>[] = [];
  const onFinished = (request: Request) => {
    pending.push(request.sizes().then((s) => s.responseBodySize, () => 0));
  };
  page.on('requestfinished', onFinished);
  return {
    settle: async () => {
      const sizes = await Promise.all(pending);
      return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
    },
    reset: () => (pending = []),
  };
}

const matchesIn = (status: string | null, fallback: number) => Number(/找到\s*(\d+)/.exec(status ?? '')?.[1] ?? fallback);

export async function measureQueries(siteDir: string, first: string, second: string): Promise<QueryFigures> {
  const server = await serveStatic(siteDir, '/');
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext();
    await context.addInitScript(instrument);
    const page = await context.newPage();
    // A blank page first, so that the tab's renderer is up before the clock starts.
    await page.goto('about:blank');
    const requests = countRequests(page);
    const started = performance.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(first)}`);
    await page.waitForFunction(() => (window.__bench?.idle.length ?? 0) > 0, undefined, { timeout: 120_000, polling: 10 });
    const coldWallMs = performance.now() - started;
    const coldMs = await page.evaluate(() => window.__bench?.idle[0] ?? NaN);
    const coldResults = await page.locator('[data-search-result]').count();
    const coldMatches = matchesIn(await page.locator('#search-status').textContent(), coldResults);
    await page.waitForLoadState('networkidle');
    const cold = await requests.settle();
    requests.reset();

    const idleBefore = await page.evaluate(() => window.__bench?.idle.length ?? 0);
    await page.fill('#q', second);
    await page.press('#q', 'Enter');
    await page.waitForFunction(
      ([q, n]) => new URLSearchParams(location.search).get('q') === q && (window.__bench?.idle.length ?? 0) > (n as number) && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
      [second, idleBefore] as const,
      { timeout: 120_000, polling: 10 },
    );
    const secondMs = await page.evaluate(() => (window.__bench?.idle.at(-1) ?? NaN) - (window.__bench?.submitted ?? NaN));
    const secondResults = await page.locator('[data-search-result]').count();
    const secondMatches = matchesIn(await page.locator('#search-status').textContent(), secondResults);
    await page.waitForLoadState('networkidle');
    const again = await requests.settle();
    return { coldMs, coldWallMs, coldBytes: cold.bytes, coldRequests: cold.requests, coldResults, coldMatches, secondMs, secondBytes: again.bytes, secondRequests: again.requests, secondResults, secondMatches };
  } finally {
    await browser.close();
    await server.close();
  }
}
