/**
 * The same cold first query on the project's search page and on Starlight's
 * Pagefind, in one Chromium run, each in a fresh browser context (empty
 * cache), both sites served gzip-compressed like GitHub Pages.
 *
 * Time is taken in the page, from the start of navigation to results: for
 * the project, the result list stops being busy; for Starlight, Pagefind as
 * its search box drives it (import pagefind.js, init, search, load the first
 * five results' data, which is what its UI shows first), started as soon as
 * the page has loaded. Bytes are response bodies as sent (compressed).
 *
 * Both run on a 360 × 800 phone (touch, mobile viewport), where the site's
 * readers are: there the search page keeps its filters folded, and their
 * values download only when 筛选 is opened.
 */
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';
import { serveStatic } from '../static-server.ts';
import { median } from './measure.ts';

/** The phone the site is built for (the same as the site's 360 px browser tests). */
const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true } as const;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ColdQuery {
  /** Median over runs, navigation start to results, in ms. */
  ms: number;
  runs: number[];
  /** All requests of one cold run, and their bytes. */
  requests: number;
  bytes: number;
  /** Requests other than the page's own HTML, CSS and JS (the search data), and their bytes. */
  dataRequests: number;
  dataBytes: number;
  results: number;
}

function recorder(context: BrowserContext) {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  context.on('requestfinished', (request: Request) => sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize }), () => ({ url: request.url(), bytes: 0 }))));
  return async () => {
    const all = await Promise.all(sizes);
    // The site's icon is the page's own, like its CSS: the browser asks for it on every page of either site.
    const data = all.filter((r) => !/(\/|\.html|\.css|\.js|\/favicon\.(svg|ico))(\?.*)?$/.test(new URL(r.url).pathname) || /pagefind/.test(r.url));
    const sum = (list: typeof all) => list.reduce((s, r) => s + r.bytes, 0);
    return { requests: all.length, bytes: sum(all), dataRequests: data.length, dataBytes: sum(data) };
  };
}

/** What the page logs when the results are shown, followed by the time. */
const SHOWN = 'casebook-results-shown ';

/**
 * Records, in the page, the moment the results are shown: the status says how many, and the list stops being
 * busy. The time is logged to the console, so that nothing is evaluated in the page (no polling, no injected
 * script on its main thread) while it works towards the results.
 */
function watchResults(): void {
  new MutationObserver((_, observer) => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    if (/找到|没有找到/.test(status) && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false') {
      // SHOWN, spelled out: this function runs in the page, where the module's constants are not.
      console.debug(`casebook-results-shown ${performance.now()}`);
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
}

async function casebookOnce(browser: Browser, url: string, query: string) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(watchResults);
  const settle = recorder(context);
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const shown = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(SHOWN), timeout: 120_000 });
    await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
    // The time is the one taken in the page when the results appeared (as Starlight's below is taken in the
    // page when its data is there), not when a poll from outside gets its turn on a busy main thread.
    const ms = Number((await shown).text().slice(SHOWN.length));
    const results = await page.locator('[data-search-result]').count();
    await page.waitForLoadState('networkidle');
    return { ms, results, ...(await settle()) };
  } finally {
    await context.close();
  }
}

async function starlightOnce(browser: Browser, url: string, query: string) {
  const context = await browser.newContext(PHONE);
  const settle = recorder(context);
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.goto(url);
    const { ms, results } = await page.evaluate(async (q) => {
      const pagefind = (await import(`${location.origin}/pagefind/pagefind.js`)) as {
        init(): Promise<void>;
        search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
      };
      await pagefind.init();
      const found = await pagefind.search(q);
      await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
      return { ms: performance.now(), results: found.results.length };
    }, query);
    await page.waitForLoadState('networkidle');
    return { ms, results, ...(await settle()) };
  } finally {
    await context.close();
  }
}

async function repeat(runs: number, once: () => Promise<{ ms: number; results: number; requests: number; bytes: number; dataRequests: number; dataBytes: number }>): Promise<ColdQuery> {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  const first = all[0] as (typeof all)[number];
  return { ...first, ms: median(all.map((r) => r.ms)), runs: all.map((r) => Math.round(r.ms)) };
}

/** Cold query on both built sites (each served at /), alternating runs in one browser. */
export async function compareColdQueries(casebookDist: string, starlightDist: string, query: string, runs = 3): Promise<{ casebook: ColdQuery; starlight: ColdQuery }> {
  const [ours, theirs] = await Promise.all([serveStatic(casebookDist, '/'), serveStatic(starlightDist, '/')]);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  try {
    // A warm-up navigation, so that neither side pays for the browser's first tab.
    const warm = await browser.newPage();
    await warm.goto(`${ours.url}404.html`).catch(() => undefined);
    await warm.close();
    const casebook = await repeat(runs, () => casebookOnce(browser, ours.url, query));
    const starlight = await repeat(runs, () => starlightOnce(browser, theirs.url, query));
    return { casebook, starlight };
  } finally {
    await browser.close();
    await Promise.all([ours.close(), theirs.close()]);
  }
}
