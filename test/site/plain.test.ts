/**
 * The site for people who are not technical, on a 360 px phone: the main tasks
 * in reach, downloads that say what they are and work from WeChat, open data
 * labelled in Chinese, touch targets and focus that can be seen, citing,
 * printing and reporting a mistake without an account.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { fileSize } from '../../src/lib/site/downloads.ts';
import { axeViolations, launchBrowser, siteUrl } from './browser.ts';
import { SITE_BASE, SITE_ORIGIN } from './global-setup.ts';

const siteDir = inject('siteDir');
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 360, height: 800 } });
}, 60_000);
afterAll(() => browser?.close());

const CASE = 'cases/2023/qindu-1-3-consultation-platform/';
const WECHAT = '微信内无法直接下载，请点右上角「…」选择在浏览器打开';

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('navigation', () => {
  test('投稿 and 年度汇编 are in the header, 开放数据 on the home page too, and /about/ sends contributors to /contribute/', async () => {
    await page.goto(siteUrl(''));
    const header = await page.locator('.site-header a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(header).toEqual(expect.arrayContaining([`${SITE_BASE}contribute/`, `${SITE_BASE}digests/`]));
    const home = await page.locator('main a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(home).toEqual(expect.arrayContaining([`${SITE_BASE}contribute/`, `${SITE_BASE}digests/`, `${SITE_BASE}data/`]));
    await page.goto(siteUrl('about/'));
    expect(await page.locator(`main a[href="${SITE_BASE}contribute/"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).not.toContain('CONTRIBUTING.md');
  });
});

describe('phones', () => {
  const PAGES = ['', 'contribute/', 'digests/2023/', 'data/', CASE, 'cases/'];

  test('every control and every link that stands on its own is at least 44 px high; inputs have 16 px text', async () => {
    const small: string[] = [];
    for (const path of PAGES) {
      await page.goto(siteUrl(path));
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      small.push(
        ...(await page.evaluate(() => {
          const found: string[] = [];
          const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().width > 0;
          const controls = 'input:not([type="hidden"]):not([type="checkbox"]), select, textarea, button, summary, nav a, .site-footer a, .chips a, .tabs a, .tasks a, .downloads a, .actions a, .entries h2 a, .entries h3 a';
          for (const el of document.querySelectorAll(controls)) {
            if (!visible(el)) continue;
            const height = el.getBoundingClientRect().height;
            if (height < 44) found.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 12)}” ${height.toFixed(1)}px`);
            if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && parseFloat(getComputedStyle(el).fontSize) < 16) found.push(`${el.id || el.tagName} text ${getComputedStyle(el).fontSize}`);
          }
          for (const box of document.querySelectorAll('input[type="checkbox"]')) {
            const label = box.closest('label');
            if (visible(box) && (!label || label.getBoundingClientRect().height < 44)) found.push(`checkbox ${(box as HTMLInputElement).value}`);
          }
          return found.map((f) => `${location.pathname} ${f}`);
        })),
      );
    }
    expect(small).toEqual([]);
  }, 60_000);

  test('axe finds nothing at 360 px on the pages this work changed', async () => {
    const found: string[] = [];
    for (const path of PAGES) {
      await page.goto(siteUrl(path));
      found.push(...(await axeViolations(page)).map((v) => `${path || '/'} ${v}`));
    }
    expect(found).toEqual([]);
  }, 60_000);
});

describe('focus', () => {
  test('the focus ring has at least 3:1 contrast against what surrounds it, on the red header as on the page', async () => {
    await page.goto(siteUrl(CASE));
    const rings: { where: string; ring: string; around: string }[] = [];
    for (const selector of ['.site-header .brand', '.site-nav a', '#site-q', 'main a', '.site-footer a']) {
      await page.locator(selector).first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      rings.push(
        await page.evaluate((where) => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          let back: Element | null = el.parentElement;
          while (back && getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') back = back.parentElement;
          return { where, ring: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, around: back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)' };
        }, selector),
      );
    }
    for (const { where, ring, around } of rings) {
      expect(ring, where).toMatch(/^solid 3px /);
      expect(contrast(ring.replace(/^solid 3px /, ''), around), `${where}: ${ring} on ${around}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('downloads', () => {
  test('the digest offers Chinese file names with type and size, Markdown marked for editors, and the WeChat note in the page itself', async () => {
    await page.goto(siteUrl('digests/2023/'));
    const items = await page.locator('.downloads li').allTextContents();
    expect(items).toHaveLength(2);
    const docxSize = fileSize(statSync('content/digests/digest-2023.docx').size);
    const mdSize = fileSize(statSync('content/digests/2023.md').size);
    expect(items[0]?.replace(/\s+/g, '')).toBe(`2023年度创新案例汇编.docx（Word文件，可修改、打印、转发，${docxSize.replace(' ', '')}）`);
    expect(items[1]?.replace(/\s+/g, '')).toBe(`2023年度创新案例汇编.md（Markdown文本，供编辑使用，${mdSize.replace(' ', '')}）`);
    const html = readFileSync(join(siteDir, 'digests/2023/index.html'), 'utf8');
    expect(html).toContain(WECHAT);
    expect(html).not.toContain('<script');
    const href = await page.locator('.downloads a').first().getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', page.url()).href);
    expect(response.ok()).toBe(true);
    expect((await response.body()).equals(readFileSync('content/digests/digest-2023.docx'))).toBe(true);
  });

  test('open data is labelled for people: what opens it, how many rows, how big; Chinese headers; theme names beside codes', async () => {
    await page.goto(siteUrl('data/'));
    expect(await page.locator('main').textContent()).toContain(WECHAT);
    const csv = readFileSync(join(siteDir, 'data/cases.csv'), 'utf8');
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const label = await page.locator('a[href$="data/cases.csv"]').textContent();
    expect(label).toBe(`创新案例表（Excel 可直接打开，${rows.length} 条，${fileSize(Buffer.byteLength(csv))}）`);
    expect(await page.locator('a[href$="data/cases.csv"]').getAttribute('download')).toBe('创新案例表.csv');
    expect(Object.keys(rows[0] ?? {}).slice(0, 4)).toEqual(['编号', '网址', '地区名称', '案例名称']);
    expect(rows.find((r) => r['编号'] === '2023/qindu-1-3-consultation-platform')?.['主题名称']).toContain('基层协商平台');
    expect(await page.locator('text=reports.csv').count()).toBe(0);
    const json = JSON.parse(readFileSync(join(siteDir, 'data/cases.json'), 'utf8')) as Record<string, unknown>[];
    expect(Object.keys(json[0] ?? {})).toEqual(expect.arrayContaining(['id', 'title', 'themes', 'themeNames']));
  });
});

describe('citing, printing, reporting a mistake', () => {
  test('the citation is complete with a visible [引用日期], explained in one line', async () => {
    await page.goto(siteUrl(CASE));
    const cite = await page.locator('.cite').textContent();
    expect(cite).toMatch(/^.+\[EB\/OL\]\. 政协案例库, .+\[引用日期\]\. https:\/\/casebook\.example\/casebook\/cases\/2023\/qindu-1-3-consultation-platform\/\.$/);
    expect(await page.locator('#cite-heading ~ p.small').first().textContent()).toContain('[引用日期]请换成您查阅本页的日期');
  });

  test('纠错 is an e-mail to the editors with the page address filled in, no account needed', async () => {
    await page.goto(siteUrl(CASE));
    const mail = new URL((await page.locator('a:text-is("纠错")').getAttribute('href')) ?? '');
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toContain('@');
    expect(decodeURIComponent(mail.searchParams.get('body') ?? '')).toContain(`${SITE_ORIGIN}${SITE_BASE}${CASE}`);
    expect(decodeURIComponent(mail.searchParams.get('subject') ?? '')).toMatch(/^纠错：/);
  });

  test('print shows full addresses after links inside the site when SITE_URL is set', async () => {
    await page.goto(siteUrl(CASE));
    await page.emulateMedia({ media: 'print' });
    const after = await page.locator(`main a[href^="${SITE_BASE}"]`).first().evaluate((a) => getComputedStyle(a, '::after').content);
    await page.emulateMedia({ media: 'screen' });
    expect(after).toMatch(new RegExp(`^" <" "${SITE_ORIGIN}" attr\\(href\\) ">"$|^" <${SITE_ORIGIN}${SITE_BASE}`));
  });
});
