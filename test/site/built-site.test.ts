/**
 * Checks over every page of the built site (built under BASE_PATH=/casebook/
 * by the global setup): no client JS outside search, links that respect the
 * base path and resolve, a CSP on every page, page weight, no third parties.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { describe, expect, inject, test } from 'vitest';
import { LIST_PAGE_SIZE_FOR_TESTS, SITE_BASE, SITE_ORIGIN } from './global-setup.ts';
import { isListPage, LIST_PAGE_LIMIT_BYTES } from '../../scripts/lib/bench/list-pages.ts';
import { PREVIEW_PER_KIND } from '../../src/lib/site/paginate.ts';

const siteDir = inject('siteDir');
const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  return [...own, ...('children' in node ? node.children.flatMap((c) => elements(c as Nodes)) : [])];
}
const parsed = new Map(pages.map((p) => [p, elements(fromHtml(readFileSync(join(siteDir, p), 'utf8')))]));
const html = (page: string) => parsed.get(page) ?? [];

/** The file a site path points at, or undefined when none exists. */
function fileFor(pathname: string): string | undefined {
  const inside = decodeURIComponent(pathname.slice(SITE_BASE.length));
  const path = join(siteDir, inside);
  const candidates = [path, join(path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

describe('the built site', () => {
  test('has every kind of page', () => {
    for (const page of ['index.html', '404.html', 'search/index.html', 'stats/index.html', 'about/index.html', 'cases/index.html', 'cases/by-region/index.html', 'reports/index.html', 'rules/by-region/index.html', 'themes/index.html', 'regions/index.html', 'years/2023/index.html']) {
      expect(pages).toContain(page);
    }
    expect(pages.filter((p) => /^cases\/\d{4}\//.test(p)).length).toBeGreaterThan(0);
    expect(existsSync(join(siteDir, 'search-index', 'manifest.json'))).toBe(true);
    expect(existsSync(join(siteDir, 'pagefind'))).toBe(false);
  });

  test('the search page carries the index’s manifest, so that a first query fetches only its shards', () => {
    const carriers = html('search/index.html').filter((e) => e.properties['id'] === 'search-manifest');
    expect(carriers.map((e) => [e.tagName, e.properties['type']])).toEqual([['script', 'application/json']]);
    const text = carriers[0]?.children.map((c) => ('value' in c ? c.value : '')).join('') ?? '';
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(join(siteDir, 'search-index', 'manifest.json'), 'utf8')));
  });

  test('has no client JS on any page but the search page (and the contribution form, which needs it)', () => {
    const withScripts = pages.filter((p) => html(p).some((e) => e.tagName === 'script' || Object.keys(e.properties).some((k) => /^on/i.test(k))));
    expect(withScripts.filter((p) => p !== 'contribute/index.html')).toEqual(['search/index.html']);
  });

  test('links only to pages under the base path that exist, or to http(s) sites', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const el of html(page)) {
        for (const attr of ['href', 'src', 'action']) {
          const value = el.properties[attr];
          if (typeof value !== 'string' || value.startsWith('#')) continue;
          const url = new URL(value, `https://casebook.example${SITE_BASE}${page}`);
          if (url.origin !== 'https://casebook.example') {
            // mailto: is the 纠错 link to the editors.
            if (!/^(https?|mailto):$/.test(url.protocol)) broken.push(`${page}: ${value}`);
            continue;
          }
          if (!url.pathname.startsWith(SITE_BASE) || !fileFor(url.pathname)) broken.push(`${page}: ${value}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('every page ships a Content-Security-Policy that allows neither WebAssembly nor inline script', () => {
    for (const page of pages) {
      const meta = html(page).find((e) => e.tagName === 'meta' && String(e.properties['httpEquiv']).toLowerCase() === 'content-security-policy');
      const policy = String(meta?.properties['content'] ?? '');
      expect(policy, page).toContain("default-src 'self'");
      expect(policy, page).toMatch(/script-src 'self'[;\s]/);
      expect(policy, page).not.toContain('wasm-unsafe-eval');
      expect(policy, page).not.toContain('unsafe-inline');
      expect(policy, page).toContain("object-src 'none'");
    }
  });

  test('loads nothing from third parties and uses no web fonts', () => {
    const external = pages.flatMap((p) =>
      html(p)
        .filter((e) => (e.tagName === 'script' && e.properties['src']) || (e.tagName === 'link' && e.properties['href']))
        .map((e) => String(e.properties['src'] ?? e.properties['href']))
        .filter((u) => /^(https?:)?\/\//.test(u) && !u.startsWith('https://casebook.example/'))
        .map((u) => `${p}: ${u}`),
    );
    expect(external).toEqual([]);
    const css = readdirSync(join(siteDir, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(siteDir, '_astro', f), 'utf8'));
    expect(css.join('\n')).not.toMatch(/@font-face|@import|url\(\s*['"]?(https?:)?\/\//);
  });

  test('a case page weighs at most 30 KB of HTML and CSS, uncompressed', () => {
    const weights = pages
      .filter((p) => /^cases\/\d{4}\//.test(p))
      .map((p) => {
        const css = html(p)
          .filter((e) => e.tagName === 'link' && String(e.properties['rel']).includes('stylesheet'))
          .reduce((sum, e) => sum + statSync(fileFor(String(e.properties['href'])) ?? '').size, 0);
        return { page: p, bytes: statSync(join(siteDir, p)).size + css };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const heaviest = weights[0];
    console.log(`case pages: heaviest ${heaviest?.page} ${heaviest?.bytes} bytes HTML+CSS; median ${weights[Math.floor(weights.length / 2)]?.bytes} bytes`);
    expect(heaviest?.bytes).toBeLessThanOrEqual(30 * 1024);
  });

  test('no list page exceeds 60 KB of HTML, and none lists more than a page of entries, whatever the library size', () => {
    const lists = pages.filter(isListPage);
    expect(lists).toEqual(expect.arrayContaining(['cases/index.html', 'cases/2/index.html', 'cases/by-region/2/index.html', 'themes/member-studio/index.html', 'regions/610000/index.html', 'years/2023/cases/2/index.html']));
    const heaviest = lists.map((p) => ({ page: p, bytes: statSync(join(siteDir, p)).size })).sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`list pages: heaviest ${heaviest?.page} ${heaviest?.bytes} bytes of HTML`);
    expect(heaviest?.bytes).toBeLessThanOrEqual(LIST_PAGE_LIMIT_BYTES);
    // What keeps every list page small at any size: a bounded number of entries per page.
    const tooLong = lists.flatMap((p) => {
      const items = html(p).filter((e) => e.tagName === 'ul' && String(e.properties['className']).includes('entries')).reduce((n, ul) => n + ul.children.filter((c) => c.type === 'element').length, 0);
      const hub = /^(themes|regions|years)\/[^/]+\/index\.html$/.test(p);
      return items > (hub ? 3 * PREVIEW_PER_KIND : LIST_PAGE_SIZE_FOR_TESTS) ? [`${p}: ${items}`] : [];
    });
    expect(tooLong).toEqual([]);
  });

  test('the sitemap lists every page but the 404 page, later list pages included', () => {
    const sitemap = readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8');
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(new URL(m[1] as string).pathname)));
    const expected = pages.filter((p) => p !== '404.html').map((p) => `${SITE_BASE}${p.replace(/index\.html$/, '')}`);
    expect(expected.filter((p) => !listed.has(p))).toEqual([]);
    expect(listed.has(`${SITE_BASE}cases/2/`)).toBe(true);
    expect(sitemap).toContain(`${SITE_ORIGIN}${SITE_BASE}cases/3/`);
  });

  test('the statistics page draws its bar charts as inline SVG at build time', () => {
    const svgs = html('stats/index.html').filter((e) => e.tagName === 'svg');
    expect(svgs.length).toBe(4);
    const bars = elements(svgs[0] as Element).filter((e) => e.tagName === 'rect');
    expect(bars.length).toBe(3);
  });
});
