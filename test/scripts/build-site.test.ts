/**
 * npm run build (scripts/build-site.ts) runs the pages and the search index at
 * the same time; a failure of either fails the build with that step's own
 * message, and nothing half-built is moved into the site. (That a good build
 * ends with dist/search-index/ in place is checked by the site tests, which
 * build the site with `npm run build`.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';

let root: string;

beforeEach(() => {
  // A tree with content/ only: astro build finds no pages, the search index finds the content.
  root = mkdtempSync(join(tmpdir(), 'casebook-build-site-'));
  mkdirSync(join(root, 'content', 'cases', '2023'), { recursive: true });
  cpSync('content/themes.yaml', join(root, 'content', 'themes.yaml'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a content error stops the build: the failing step’s own message naming the file, which step failed, and no search index in the site', () => {
  writeFileSync(join(root, 'content', 'cases', '2023', 'bad.md'), '---\ntitle: [坏\n---\n正文\n');
  const build = spawnSync(process.execPath, [resolve('scripts/build-site.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  expect(build.status).toBe(1);
  expect(build.stderr).toContain('content/cases/2023/bad.md:2:10');
  // Both steps read the content; whichever meets the error first stops the other.
  expect(build.stderr).toMatch(/构建失败：(搜索索引（scripts\/build-search-index\.ts）|网站页面（astro build）)出错/);
  expect(existsSync(join(root, 'dist', 'search-index'))).toBe(false);
  expect(existsSync(join(root, '.dist-search-index'))).toBe(false);
});
