/** The search page as a person uses it: queries, traditional characters, filters, the URL, no-hit help. */
import { describe, expect, test } from 'vitest';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { plainText } from '../../src/lib/plain-text.ts';
import { cityOf } from '../../src/lib/regions.ts';
import { allResultLinks, useBrowserPage, searchFor, searchInPage, siteUrl } from './browser.ts';
import { SITE_BASE } from './global-setup.ts';

const { library } = readLibrary('content');
const entries = [...library.reports, ...library.cases, ...library.rules].map((e) => {
  const data = e.data as { title: string; summary?: string; region: string };
  return { path: `${SITE_BASE}${e.collection}/${e.id}/`, region: data.region, text: `${data.title}\n${data.summary ?? ''}\n${plainText(e.body)}` };
});
const containing = (term: string) => entries.filter((e) => e.text.includes(term)).map((e) => e.path);

const getPage = useBrowserPage();

describe('search page', () => {
  test('a query in the URL is applied on arrival and every result links to an entry with title, type, region and a highlighted excerpt', async () => {
    const status = await searchFor(getPage(), { q: '委员工作室' });
    expect(status).toMatch(/找到 \d+ 个/);
    const first = getPage().locator('[data-search-result]').first();
    await expect.poll(() => first.locator('a').getAttribute('href')).toMatch(new RegExp(`^${SITE_BASE}(reports|cases|rules)/`));
    expect(await first.locator('h2').textContent()).toBeTruthy();
    expect(await first.locator('.byline').textContent()).toMatch(/(经验交流|创新案例|制度文件) · 陕西省/);
    expect(await first.locator('mark').first().textContent()).toBe('委员工作室');
    expect(await getPage().inputValue('#q')).toBe('委员工作室');
  });

  test('shows at least the first 20 results without further clicks', async () => {
    await searchFor(getPage(), { q: '政协' });
    const expected = containing('政协').length;
    expect(expected).toBeGreaterThan(20);
    expect(await getPage().locator('[data-search-result]').count()).toBeGreaterThanOrEqual(20);
    expect(await getPage().locator('[data-search-result] a').first().isVisible()).toBe(true);
    const all = await allResultLinks(getPage());
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(containing('政协')));
  });

  test('pressing 显示更多结果 twice in quick succession shows each result once', async () => {
    await searchFor(getPage(), { q: '政协' });
    const page = getPage();
    await page.evaluate(() => {
      const more = document.querySelector<HTMLButtonElement>('#search-more');
      more?.click();
      more?.click();
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length > 20);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-more')?.disabled);
    const links = await page.locator('[data-search-result] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(new Set(links).size).toBe(links.length);
    expect(links.length).toBeLessThanOrEqual(40);
  });

  test('entries named after the query come first', async () => {
    for (const term of ['书香政协', '委员工作室', '微协商']) {
      await searchFor(getPage(), { q: term });
      const titles = await getPage().locator('[data-search-result] h2').allTextContents();
      const named = titles.map((t) => t.includes(term));
      expect(named.indexOf(false) === -1 || named.lastIndexOf(true) < named.indexOf(false), `${term}: ${titles.join(' | ')}`).toBe(true);
      expect(named[0]).toBe(true);
    }
  });

  test('a traditional-character query finds the simplified text', async () => {
    const status = await searchFor(getPage(), { q: '協商' });
    expect(status).toContain('“协商”');
    const links = await allResultLinks(getPage());
    expect(links).toEqual(expect.arrayContaining(containing('协商')));
  });

  test('only a query with traditional characters downloads the converter; a phrase such as 瞭解 is converted too', async () => {
    const converterRequests = async (q: string) => {
      const seen: string[] = [];
      const onRequest = (request: { url(): string }) => void (/\/_astro\/simplifier\.[^/]*\.js$/.test(request.url()) && seen.push(request.url()));
      getPage().on('request', onRequest);
      try {
        return { status: await searchFor(getPage(), { q }), requests: seen.length };
      } finally {
        getPage().off('request', onRequest);
      }
    };
    expect((await converterRequests('委员工作室')).requests).toBe(0);
    const traditional = await converterRequests('瞭解');
    expect(traditional.requests).toBe(1);
    expect(traditional.status).toContain('“了解”');
  });

  test('a county name that conversion would change is searched as written (乾县, typed simplified or traditional)', async () => {
    expect(await searchFor(getPage(), { q: '乾县' })).toContain('“乾县”');
    expect(await searchFor(getPage(), { q: '乾縣政協' })).toContain('“乾县政协”');
  });

  test('a fragment that word segmentation splits differently is still found (作室 in 委员工作室)', async () => {
    await searchFor(getPage(), { q: '作室' });
    expect(await allResultLinks(getPage())).toEqual(expect.arrayContaining(containing('作室')));
  });

  test('works in a browser without Intl.Segmenter', async () => {
    const context = await getPage().context().browser()!.newContext();
    await context.addInitScript(() => {
      delete (Intl as { Segmenter?: unknown }).Segmenter;
    });
    const old = await context.newPage();
    await searchFor(old, { q: '秦商量' });
    expect(await old.evaluate(() => typeof (Intl as { Segmenter?: unknown }).Segmenter)).toBe('undefined');
    expect(await allResultLinks(old)).toEqual(expect.arrayContaining(containing('秦商量')));
    await context.close();
  });

  test('filters show counts, work without a query and are kept in the URL', async () => {
    await searchFor(getPage(), { type: '创新案例' });
    const typeOptions = await getPage().locator('select[name="type"] option').allTextContents();
    expect(typeOptions.some((o) => /^创新案例（\d+）$/.test(o))).toBe(true);
    const links = await allResultLinks(getPage());
    expect(links.length).toBe(library.cases.length);
    expect(links.every((l) => l.startsWith(`${SITE_BASE}cases/`))).toBe(true);

    await getPage().selectOption('select[name="region"]', '咸阳市');
    await getPage().waitForFunction(() => new URLSearchParams(location.search).get('region') === '咸阳市' && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
    expect(new URL(getPage().url()).searchParams.get('type')).toBe('创新案例');
    const inCity = entries.filter((e) => e.path.includes('/cases/') && cityOf(e.region)?.name === '咸阳市').map((e) => e.path);
    expect(new Set(await allResultLinks(getPage()))).toEqual(new Set(inCity));
  });

  test('after a query, the type filter counts add up to the results found (counts may follow the results)', async () => {
    const status = await searchFor(getPage(), { q: '协商' });
    const found = Number(/找到 (\d+) 个/.exec(status)?.[1]);
    expect(found).toBeGreaterThan(20);
    const counts = (await getPage().locator('select[name="type"] option').allTextContents()).map((o) => Number(/（(\d+)）$/.exec(o)?.[1] ?? 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(found);
  });

  test('a query and filters typed on the page end up in the URL, and reopening that URL gives the same results', async () => {
    await searchFor(getPage(), {});
    await getPage().selectOption('select[name="year"]', '2023');
    await searchInPage(getPage(), '书香政协');
    const url = getPage().url();
    expect(new URL(url).searchParams.get('q')).toBe('书香政协');
    expect(new URL(url).searchParams.get('year')).toBe('2023');
    const before = await allResultLinks(getPage());
    await getPage().goto(url);
    await getPage().locator('#search-status').filter({ hasText: /找到/ }).waitFor();
    expect(await allResultLinks(getPage())).toEqual(before);
  });

  test('a query with no hits says so and suggests shorter queries that have results', async () => {
    const status = await searchFor(getPage(), { q: '委员工作室量子计算' });
    expect(status).toContain('没有找到');
    expect(await getPage().locator('[data-search-result]').count()).toBe(0);
    const help = getPage().locator('#search-help');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('更短的词');
    const suggestions = await help.locator('a').allTextContents();
    expect(suggestions).toContain('委员工作室');
    // …and entries that contain part of it, under their titles.
    const near = await help.locator('a[href*="/casebook/"]').allTextContents();
    expect(near.length).toBeGreaterThan(0);
  });

  test('a query that no entry contains whole finds the entries holding its parts, labelled as partial matches', async () => {
    expect(await searchFor(getPage(), { q: '如何建设委员工作室' })).toMatch(/找到 \d+ 个/);
    const both = entries.filter((e) => e.text.includes('建设') && e.text.includes('委员工作室')).map((e) => e.path);
    expect(both.length).toBeGreaterThan(0);
    expect(await allResultLinks(getPage())).toEqual(expect.arrayContaining(both));
    expect(await searchFor(getPage(), { q: '渭南委员工作室' })).toMatch(/找到 \d+ 个/);
    expect(await allResultLinks(getPage())).toContain(`${SITE_BASE}cases/2023/weinan-member-studios-micro-consultation/`);
    const weinan = getPage().locator('[data-search-result]').filter({ has: getPage().locator('a[href$="/weinan-member-studios-micro-consultation/"]') });
    expect(await weinan.locator('.match-note').textContent()).toContain('部分匹配');
  });

  test('entries containing the query as typed come before the others, which are labelled', async () => {
    await searchFor(getPage(), { q: '委员工作室' });
    const notes = await getPage().locator('[data-search-result]').evaluateAll((items) => items.map((li) => Boolean(li.querySelector('.match-note'))));
    expect(notes.indexOf(true) === -1 || notes.lastIndexOf(false) < notes.indexOf(true)).toBe(true);
  });

  test('single characters are searched (县, 乾)', async () => {
    expect(await searchFor(getPage(), { q: '县' })).toMatch(/找到 \d+ 个/);
    expect(await allResultLinks(getPage())).toEqual(expect.arrayContaining(containing('县')));
    await searchFor(getPage(), { q: '乾' });
    expect(await allResultLinks(getPage())).toEqual(expect.arrayContaining(containing('乾')));
  });

  test('a corrupt, missing or old-format index says search is unavailable, links to the browse pages and throws nothing', async () => {
    const context = await getPage().context().browser()!.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.route('**/search-index/s/*.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]) }));
      const status = await searchFor(page, { q: '委员工作室' });
      expect(status).toContain('搜索暂不可用');
      expect(await page.locator('[data-search-result]').count()).toBe(0);
      const links = await page.locator('#search-help a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toEqual(expect.arrayContaining([`${SITE_BASE}themes/`, `${SITE_BASE}regions/`, `${SITE_BASE}years/`]));
      await page.unroute('**/search-index/s/*.bin');
      // An old-format manifest, as the page carries it (scripts/lib/search/embed.ts).
      const searchPage = (url: URL) => url.pathname === `${SITE_BASE}search/`;
      await page.route(searchPage, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/(<script type="application\/json" id="search-manifest">)[^<]*/, '$1{"format":"casebook-search","version":0}');
        await route.fulfill({ response, body });
      });
      expect(await searchFor(page, { q: '委员工作室' })).toContain('搜索暂不可用');
      await page.unroute(searchPage);
      // The index gone (a deploy in between): the files the page's manifest names and a fresh manifest.json alike.
      await page.route('**/search-index/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
      expect(await searchFor(page, { type: '创新案例' })).toContain('搜索暂不可用');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('on a 360 × 800 phone the filters fold behind 筛选, there is one search box, and the first result shows on the first screen', async () => {
    const context = await getPage().context().browser()!.newContext({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const filterValues: string[] = [];
    page.on('request', (request) => {
      if (/\/search-index\/f\//.test(request.url())) filterValues.push(request.url());
    });
    try {
      const status = await searchFor(page, { q: '委员工作室' });
      expect(await page.locator('input[type="search"]').count()).toBe(1);
      expect(await page.locator('details.filter-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const first = await page.locator('[data-search-result] a').first().boundingBox();
      expect(first && first.y + first.height).toBeLessThanOrEqual(800);
      const sizes = await page.locator('#search :is(input, button, summary)').evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, font: getComputedStyle(e).fontSize, tag: e.tagName })));
      for (const s of sizes) expect(s.h, s.tag).toBeGreaterThanOrEqual(44);
      expect(sizes.find((s) => s.tag === 'INPUT')?.font).toBe('16px');
      // Folded filters cost the phone nothing: their values download when 筛选 is opened, and then show counts.
      expect(filterValues).toEqual([]);
      await page.locator('details.filter-fold > summary').click();
      expect(await page.locator('select[name="type"]').isVisible()).toBe(true);
      await page.locator('fieldset.filters[aria-busy="false"]').waitFor({ state: 'attached' });
      const found = Number(/找到 (\d+) 个/.exec(status)?.[1]);
      await page.waitForFunction(() => document.querySelectorAll('select[name="type"] option').length > 1);
      const counts = (await page.locator('select[name="type"] option').allTextContents()).map((o) => Number(/（(\d+)）$/.exec(o)?.[1] ?? 0));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(found);
      expect(filterValues.length).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('the header search box is a plain form that opens the search page with the query', async () => {
    await getPage().goto(siteUrl('cases/'));
    await getPage().fill('#site-q', '微协商');
    await getPage().press('#site-q', 'Enter');
    await getPage().waitForURL(/\/casebook\/search\/\?q=/);
    await getPage().locator('#search-status').filter({ hasText: /找到/ }).waitFor();
    expect(await allResultLinks(getPage())).toEqual(expect.arrayContaining(containing('微协商')));
  });
});
