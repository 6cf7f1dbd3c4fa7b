/**
 * Paginated lists in a browser. The test build sets LIST_PAGE_SIZE=20 (see
 * global-setup.ts) so the bundled library spans several pages; the site
 * itself uses 50. List pages carry no script (built-site.test.ts), so all of
 * this works without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, siteUrl } from './browser.ts';
import { LIST_PAGE_SIZE_FOR_TESTS, SITE_BASE } from './global-setup.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

const headLink = (rel: 'prev' | 'next') => page.evaluate((r) => document.head.querySelector(`link[rel="${r}"]`)?.getAttribute('href') ?? null, rel);

/** Every page of a list, following rel=next from its first page: path, entry links, rel=prev. */
async function walk(first: string): Promise<{ path: string; entries: string[]; prev: string | null }[]> {
  const pages = [];
  let next: string | null = siteUrl(first);
  while (next) {
    const response = await page.goto(new URL(next, siteUrl()).href);
    expect(response?.status(), next).toBe(200);
    const path = new URL(page.url()).pathname;
    const entries = await page.locator('main .entries h2 a, main .entries h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    pages.push({ path, entries, prev: await headLink('prev') });
    next = await headLink('next');
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

describe('a paginated list', () => {
  test('has stable numbered URLs under the base path, linked both ways by rel=prev/next, together holding every entry once', async () => {
    const pages = await walk('cases/');
    expect(pages.map((p) => p.path)).toEqual([`${SITE_BASE}cases/`, `${SITE_BASE}cases/2/`, `${SITE_BASE}cases/3/`]);
    pages.forEach((p, i) => expect(p.prev).toBe(i === 0 ? null : pages[i - 1]?.path));
    const all = pages.flatMap((p) => p.entries);
    expect(pages.every((p) => p.entries.length <= LIST_PAGE_SIZE_FOR_TESTS)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    await page.goto(siteUrl('cases/3/'));
    expect(await page.locator('h1').textContent()).toContain(`共 ${all.length} 篇`);
    expect(await page.title()).toMatch(/^创新案例（第 3／3 页）/);
    expect(await page.locator('.page-range').textContent()).toBe(`第 ${2 * LIST_PAGE_SIZE_FOR_TESTS + 1}–${all.length} 篇，共 ${all.length} 篇（第 3／3 页）`);
  });

  test('by region: pages keep the region order, each region’s full count, and mark a region carried over', async () => {
    const pages = await walk('cases/by-region/');
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => p.entries);
    const byDate = (await walk('cases/')).flatMap((p) => p.entries);
    expect([...all].sort()).toEqual([...byDate].sort());
    await page.goto(siteUrl('cases/by-region/2/'));
    const first = page.locator('main section h2').first();
    const carried = (await first.textContent()) ?? '';
    const region = await first.locator('a').getAttribute('href');
    await page.goto(siteUrl('cases/by-region/'));
    const before = page.locator('main section h2', { has: page.locator(`a[href="${region}"]`) });
    // Either the first region of page 2 began on page 1 (and says so), or it starts fresh.
    if (await before.count()) {
      expect(carried).toContain('（续）');
      expect(carried.replace('（续）', '')).toBe(await before.textContent());
    } else expect(carried).not.toContain('（续）');
  });

  test('a year page (like theme and region pages) shows the newest entries of each kind and links to that kind’s full list, which is paginated', async () => {
    await page.goto(siteUrl('years/2023/'));
    const more = page.locator('main .more a', { hasText: '创新案例' });
    const label = (await more.textContent()) ?? '';
    const total = Number(/全部 (\d+) 篇/.exec(label)?.[1]);
    expect(total).toBeGreaterThan(LIST_PAGE_SIZE_FOR_TESTS);
    expect(await more.getAttribute('href')).toBe(`${SITE_BASE}years/2023/cases/`);
    const pages = await walk('years/2023/cases/');
    expect(pages.flatMap((p) => p.entries).length).toBe(total);
  });
});

describe('the page navigation', () => {
  test('is a named navigation with the current page marked, reached and followed with the keyboard', async () => {
    await page.goto(siteUrl('cases/'));
    const nav = page.locator('nav.page-nav');
    expect(await nav.getAttribute('aria-label')).toBe('创新案例 分页');
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('1');
    let focused = '';
    for (let i = 0; i < 200 && focused !== '下一页'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('nav.page-nav') ? (document.activeElement.textContent ?? '') : ''));
    }
    expect(focused).toBe('下一页');
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('cases/2/'));
    expect(await page.locator('nav.page-nav [aria-current="page"]').textContent()).toBe('2');
  });

  test('fits a 360 px screen with targets of at least 44 × 44 px', async () => {
    const narrow = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['cases/2/', 'cases/by-region/2/', 'years/2023/cases/2/']) {
      await narrow.goto(siteUrl(path));
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      const boxes = await narrow.locator('nav.page-nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height, right: r.right })));
      expect(boxes.length, path).toBeGreaterThan(2);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.right).toBeLessThanOrEqual(360);
      }
    }
    await narrow.close();
  });

  test('axe finds no violations on later pages of the lists', async () => {
    const axePage = await browser.newPage();
    const found: string[] = [];
    type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    for (const path of ['cases/2/', 'cases/3/', 'cases/by-region/2/', 'years/2023/', 'years/2023/cases/2/']) {
      await axePage.goto(siteUrl(path));
      await axePage.evaluate(axeSource);
      const result = await axePage.evaluate(() => (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] }));
      found.push(...result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    }
    await axePage.close();
    expect(found).toEqual([]);
  }, 60_000);
});
