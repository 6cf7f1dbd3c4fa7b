/**
 * The search page carries the index's manifest (scripts/lib/search/embed.ts): the copy is the
 * manifest itself, no value in it can break out of its element, and building the index again
 * replaces it. (The built-site tests check the real page; engine.test.ts how the engine reads it.)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { afterAll, describe, expect, test } from 'vitest';
import { embedManifest } from '../../../scripts/lib/search/embed.ts';
import { buildIndex, record } from './helpers.ts';

const PAGE = '<!DOCTYPE html><html><head><title>搜索</title></head><body><h1>搜索</h1><script type="application/json" id="search-manifest"></script><p id="search-status"></p></body></html>';
const HOSTILE = '</script><img src=x onerror=alert(1)><!--';

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  return [...own, ...('children' in node ? node.children.flatMap((c) => elements(c as Nodes)) : [])];
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempSite = () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-embed-'));
  made.push(dir);
  return dir;
};

/** A built site: the search page as rendered, and the index of `records` beside it. */
function site(records: Parameters<typeof buildIndex>[0], page = PAGE): string {
  const dir = tempSite();
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'search', 'index.html'), page);
  cpSync(dirname(join(buildIndex(records), 'manifest.json')), join(dir, 'search-index'), { recursive: true });
  return dir;
}

const carried = (dir: string) => {
  const found = elements(fromHtml(readFileSync(join(dir, 'search', 'index.html'), 'utf8'))).filter((e) => e.tagName === 'script');
  expect(found).toHaveLength(1);
  const text = found[0]?.children.map((c) => ('value' in c ? c.value : '')).join('') ?? '';
  return JSON.parse(text) as unknown;
};

describe('the manifest in the search page', () => {
  test('is the index’s manifest, whatever the library’s theme names hold', () => {
    const dir = site([record('cases/2023/a', { title: '委员工作室', theme: HOSTILE }), record('cases/2023/b', { title: '书香政协' })]);
    expect(embedManifest(dir)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'search-index', 'manifest.json'), 'utf8')) as { values: Record<string, string[]> };
    expect(manifest.values['theme']).toContain(HOSTILE);
    expect(carried(dir)).toEqual(manifest);
    const page = elements(fromHtml(readFileSync(join(dir, 'search', 'index.html'), 'utf8')));
    expect(page.some((e) => e.tagName === 'img')).toBe(false);
    expect(page.find((e) => e.properties['id'] === 'search-status')).toBeDefined();
  });

  test('is replaced when the index is built again on the built site', () => {
    const dir = site([record('cases/2023/a', { title: '委员工作室' })]);
    embedManifest(dir);
    cpSync(dirname(join(buildIndex([record('cases/2023/a'), record('cases/2023/b'), record('cases/2023/c')]), 'manifest.json')), join(dir, 'search-index'), { recursive: true });
    expect(embedManifest(dir)).toBe(true);
    expect(carried(dir)).toMatchObject({ entries: 3 });
  });

  test('is left alone when the site has no index yet, and a page without its element is an error naming the page', () => {
    const dir = tempSite();
    mkdirSync(join(dir, 'search'));
    writeFileSync(join(dir, 'search', 'index.html'), PAGE);
    expect(embedManifest(dir)).toBe(false);
    expect(readFileSync(join(dir, 'search', 'index.html'), 'utf8')).toBe(PAGE);
    const bare = site([record('cases/2023/a')], PAGE.replace(/<script[^]*?<\/script>/, ''));
    expect(() => embedManifest(bare)).toThrow(/search[/\\]index\.html.*search-manifest/);
  });
});
