/** What editors publish besides pages: the digest with its downloads, open data, the feed, the sitemap, share metadata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, inject, test } from 'vitest';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { useBrowserPage, siteUrl } from './browser.ts';
import { SITE_BASE, SITE_ORIGIN } from './global-setup.ts';

const siteDir = inject('siteDir');
const { library } = readLibrary('content');
const read = (path: string) => readFileSync(join(siteDir, path));

const getPage = useBrowserPage();

describe('the 2023 digest', () => {
  test('renders with its charts, every case section and working downloads', async () => {
    await getPage().goto(siteUrl('digests/2023/'));
    expect(await getPage().locator('h1').textContent()).toBe('2023 年度创新案例汇编');
    expect(await getPage().locator('svg.chart').count()).toBe(2);
    const cases = library.cases.filter((c) => c.data.year === 2023);
    expect(await getPage().locator('article h4').allTextContents()).toHaveLength(cases.length);
    const docx = await getPage().locator('a[download="2023年度创新案例汇编.docx"]').getAttribute('href');
    const response = await getPage().request.get(new URL(docx ?? '', getPage().url()).href);
    expect(response.ok()).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(await response.body())))).toContain('word/document.xml');
    const md = await getPage().locator('a[download="2023年度创新案例汇编.md"]').getAttribute('href');
    expect(await (await getPage().request.get(new URL(md ?? '', getPage().url()).href)).text()).toBe(readFileSync('content/digests/2023.md', 'utf8'));
  });

  test('its region index links land on the case sections', async () => {
    await getPage().goto(siteUrl('digests/2023/'));
    const targets = await getPage().locator('article a[href^="#"]').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    expect(targets.length).toBeGreaterThan(0);
    for (const id of targets) expect(await getPage().locator(`[id="${id}"]`).count(), id).toBe(1);
  });
});

describe('open data', () => {
  for (const collection of ['reports', 'cases', 'rules'] as const) {
    test(`${collection}.csv and ${collection}.json parse back to the collection`, () => {
      const csv = read(`data/${collection}.csv`).toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
      const json = JSON.parse(read(`data/${collection}.json`).toString('utf8')) as Record<string, unknown>[];
      const entries = [...library[collection]].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(rows.map((r) => r['编号'])).toEqual(entries.map((e) => e.id));
      expect(json.map((r) => r['title'])).toEqual(entries.map((e) => e.data.title));
      expect(rows.map((r) => r['网址'])).toEqual(entries.map((e) => `${SITE_ORIGIN}${SITE_BASE}${collection}/${e.id}/`));
    });
  }
});

describe('feed, sitemap and share metadata', () => {
  test('rss.xml lists entries with absolute links under the base path', () => {
    const xml = read('rss.xml').toString('utf8');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(link).toMatch(new RegExp(`^${SITE_ORIGIN}${SITE_BASE}(reports|cases|rules)/`));
  });

  test('the sitemap lists the entry pages', () => {
    const xml = read('sitemap-0.xml').toString('utf8');
    expect(xml).toContain(`${SITE_ORIGIN}${SITE_BASE}cases/2023/qindu-1-3-consultation-platform/`);
  });

  test('every page carries a title, description and image for sharing (WeChat reads Open Graph)', async () => {
    for (const path of ['', 'cases/2023/qindu-1-3-consultation-platform/', 'digests/2023/']) {
      await getPage().goto(siteUrl(path));
      const og = async (p: string) => getPage().locator(`meta[property="og:${p}"]`).getAttribute('content');
      expect(await og('title'), path).toBeTruthy();
      expect(await og('description'), path).toBeTruthy();
      const image = (await og('image')) ?? '';
      expect(image, path).toMatch(new RegExp(`^${SITE_ORIGIN}${SITE_BASE}`));
      expect(read(new URL(image).pathname.slice(SITE_BASE.length)).byteLength).toBeGreaterThan(0);
    }
  });
});
