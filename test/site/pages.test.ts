/** The pages as a person meets them in a browser: accessibility, phones, keyboard, links between entries, print. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, searchFor, siteUrl } from './browser.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(() => browser?.close());

const firstEntries = new Map<string, string>();
/** The first entry page of a kind, found the way a reader would: from its list. */
async function firstEntry(kind: 'reports' | 'cases' | 'rules'): Promise<string> {
  const known = firstEntries.get(kind);
  if (known) return known;
  await page.goto(siteUrl(`${kind}/`));
  const href = await page.locator('.entries a').first().getAttribute('href');
  if (!href) throw new Error(`no ${kind}`);
  firstEntries.set(kind, href.replace(/^\/casebook\//, ''));
  return firstEntry(kind);
}

async function axeViolations(target: Page): Promise<string[]> {
  await target.evaluate(axeSource);
  type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
  // Every rule runs; only the details of passing checks are skipped, which is most of axe's time.
  const result = await target.evaluate(() => (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  test('axe finds no violations on home, a list, each kind of entry page and a search result page', async () => {
    const paths = ['', 'cases/', await firstEntry('reports'), await firstEntry('cases'), await firstEntry('rules'), 'stats/', 'digests/2023/', 'contribute/', 'data/'];
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(siteUrl(path));
      found.push(...(await axeViolations(page)).map((v) => `${path || '/'} ${v}`));
    }
    await searchFor(page, { q: '委员工作室', type: '创新案例' });
    found.push(...(await axeViolations(page)).map((v) => `search ${v}`));
    expect(found).toEqual([]);
  }, 60_000);

  test('the skip link is the first stop of the keyboard and moves focus to the main content', async () => {
    await page.goto(siteUrl(await firstEntry('cases')));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  test('search filters can be used with the keyboard alone', async () => {
    await searchFor(page, { q: '协商' });
    await page.focus('select[name="type"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('type') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
    expect(new URL(page.url()).searchParams.get('type')).toBeTruthy();
  });
});

describe('phones', () => {
  test('no page scrolls sideways at 360 px', async () => {
    const narrow = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const paths = ['', 'cases/', 'cases/by-region/', await firstEntry('reports'), await firstEntry('cases'), await firstEntry('rules'), 'stats/', 'regions/', 'themes/', 'search/?q=%E5%8D%8F%E5%95%86', '404.html', 'digests/2023/', 'contribute/', 'data/'];
    const wide: string[] = [];
    for (const path of paths) {
      await narrow.goto(siteUrl(path));
      if (path.startsWith('search')) await narrow.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path || '/'}: ${width}px`);
    }
    await narrow.close();
    expect(wide).toEqual([]);
  }, 60_000);
});

describe('client JavaScript', () => {
  test('runs only on the search page', async () => {
    const scripts: string[] = [];
    const watcher = await context.newPage();
    watcher.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    for (const path of ['', 'cases/', await firstEntry('cases'), 'stats/', 'about/']) {
      await watcher.goto(siteUrl(path));
      expect(await watcher.evaluate(() => document.scripts.length), path).toBe(0);
    }
    expect(scripts).toEqual([]);
    await watcher.goto(siteUrl('search/?q=%E4%B9%A6%E9%A6%99'));
    await watcher.locator('[data-search-result]').first().waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    await watcher.close();
  });

  test('the search page runs under its Content-Security-Policy without violations', async () => {
    const csp = await context.newPage();
    const errors: string[] = [];
    csp.on('console', (m) => {
      if (/Content Security Policy|Refused/.test(m.text())) errors.push(m.text());
    });
    await searchFor(csp, { q: '书香政协' });
    expect(await csp.locator('[data-search-result]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await csp.close();
  });
});

describe('links between entries', () => {
  test('from a case to its source report and back', async () => {
    await page.goto(siteUrl('cases/'));
    await page.locator('.entries a').first().click();
    const caseTitle = await page.locator('h1').textContent();
    const source = page.locator('section[aria-labelledby="refs-heading"] a').first();
    await source.click();
    await page.waitForURL(/\/casebook\/(reports|rules)\//);
    const back = page.locator('section[aria-labelledby="refs-heading"] a', { hasText: caseTitle ?? '' });
    await back.click();
    expect(await page.locator('h1').textContent()).toBe(caseTitle);
  });

  test('from a rule to the report that mentions it, which lists the rule', async () => {
    await page.goto(siteUrl(await firstEntry('rules')));
    const ruleTitle = (await page.locator('h1').textContent()) ?? '';
    await page.locator('section[aria-labelledby="refs-heading"] a').first().click();
    await page.waitForURL(/\/casebook\/reports\//);
    expect(await page.locator('section[aria-labelledby="refs-heading"] a', { hasText: ruleTitle }).count()).toBe(1);
  });

  test('an entry page shows its region with the GB/T 2260 name, a citation, an edit link and the last update', async () => {
    await page.goto(siteUrl(await firstEntry('cases')));
    expect(await page.locator('.meta .trail').textContent()).toMatch(/^陕西省/);
    expect(await page.locator('.meta').textContent()).toMatch(/行政区划代码 \d{6}/);
    expect(await page.locator('.cite').textContent()).toMatch(/\[EB\/OL\]\. 政协案例库, .*https:\/\/casebook\.example\/casebook\/cases\//);
    expect(await page.locator('a', { hasText: '在 GitHub 上修改本页' }).getAttribute('href')).toMatch(/^https:\/\/github\.com\/.+\/edit\/main\/content\/cases\//);
    expect(await page.locator('.panel .small', { hasText: '最后更新' }).textContent()).toMatch(/最后更新：\d{4}(-\d{2}-\d{2})?/);
  });
});

describe('print', () => {
  test('prints without navigation and shows where links go', async () => {
    const printed = await context.newPage();
    await printed.emulateMedia({ media: 'print' });
    await printed.goto(siteUrl(await firstEntry('cases')));
    expect(await printed.locator('.site-header').isVisible()).toBe(false);
    expect(await printed.locator('.site-footer').isVisible()).toBe(false);
    const after = await printed.locator('main .meta a').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/casebook/');
    await printed.close();
  });
});
