/**
 * A list page stays under 60 KB of HTML at any library size: it holds at most 50 entries, and every
 * field a list item shows is bounded (titles, organizations, a rule's issuers as listed, the summary's
 * opening, the file name, region names from GB/T 2260). This builds the heaviest library those bounds
 * allow: 50 reports, 50 cases and 50 rules, each in a different region (so the by-region lists carry
 * 50 headings), each with every listed field at its longest, all in one year and one theme, and checks
 * every list page of the built site.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isListPage, LIST_PAGE_LIMIT_BYTES } from '../../scripts/lib/bench/list-pages.ts';
import { makeProject } from '../../scripts/lib/bench/project.ts';
import type { SyntheticFile } from '../../scripts/lib/bench/synthetic.ts';
import { SLUG_MAX_LENGTH } from '../../src/lib/entry-path.ts';
import { allRegions, regionFullName, shortRegionName } from '../../src/lib/regions.ts';

const PER_PAGE = 50;
const PHRASE = '关于进一步加强和改进新时代人民政协协商民主建设推动委员履职服务基层群众的实施意见和工作办法';
const chars = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);
const yaml = (data: unknown) => stringify(data, { version: '1.1', lineWidth: 0 });
const slug = (kind: string, i: number) => `${kind}-${i}-${'weiyuangongzuoshi-'.repeat(6)}`.slice(0, SLUG_MAX_LENGTH).replace(/-$/, 'x');

/** The heaviest library a list page can show: every listed field at its limit. */
function heaviestLibrary(): SyntheticFile[] {
  const counties = allRegions()
    .filter((r) => r.level === 'county')
    .sort((a, b) => Buffer.byteLength(regionFullName(b.code)) - Buffer.byteLength(regionFullName(a.code)) || a.code.localeCompare(b.code))
    .slice(0, PER_PAGE);
  const files: SyntheticFile[] = [];
  counties.forEach((region, i) => {
    const organization = chars(`${region.name}政协委员工作联络办公室`, 40);
    const summary = chars(PHRASE, 200);
    const reportId = `2023/${slug('r', i)}`;
    files.push({
      path: `content/reports/${reportId}.md`,
      content: `---\n${yaml({
        title: chars(`${shortRegionName(region.name)}${PHRASE}`, 80),
        speaker: { name: '某某', role: '政协主席' },
        organization,
        region: region.code,
        date: '2023-05-25',
        source: { publisher: '各界新闻网', published: '2023-05-25' },
        themes: ['member-studio'],
        summary,
      })}---\n\n## 一、做法\n\n${summary}。\n`,
    });
    files.push({
      path: `content/cases/2023/${slug('c', i)}.md`,
      content: `---\n${yaml({
        title: chars(`${shortRegionName(region.name)}${PHRASE}`, 60),
        region: region.code,
        organization,
        year: '2023',
        themes: ['member-studio'],
        summary,
        sources: [`reports/${reportId}`],
      })}---\n\n## 背景\n\n${summary}。\n\n## 做法\n\n${summary}。\n\n## 成效\n\n${summary}。\n\n## 启示\n\n${summary}。\n`,
    });
    files.push({
      path: `content/rules/${slug('g', i)}.md`,
      content: `---\n${yaml({
        title: chars(`${shortRegionName(region.name)}${PHRASE}`, 80),
        issuers: Array.from({ length: 12 }, (_, k) => chars(`${region.name}第${k + 1}联络办公室`, 40)),
        region: region.code,
        issued: '2023-05-25',
        status: '现行',
      })}---\n\n${chars(PHRASE, 300)}。\n`,
    });
  });
  return files;
}

let project: string;
let pages: { page: string; bytes: number }[];

beforeAll(() => {
  project = makeProject(resolve('.'), heaviestLibrary(), 'heaviest');
  // Its own Astro cache: the project's node_modules is a link to this checkout's.
  const config = join(project, 'astro.config.mjs');
  const text = readFileSync(config, 'utf8');
  expect(text).toContain('defineConfig({');
  writeFileSync(config, text.replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  // Without what the test worker adds to its environment (NODE_ENV=test, BASE_URL=/, MODE, DEV, PROD, SSR):
  // the build is a production build, as `npm run build` makes, under the base path asked for.
  const { NODE_ENV, BASE_URL, MODE, DEV, PROD, SSR, LIST_PAGE_SIZE, OUT_DIR, ...inherited } = process.env;
  const build = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/casebook/' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  const dist = join(project, 'dist');
  pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter(isListPage)
    .map((page) => ({ page, bytes: statSync(join(dist, page)).size }))
    .sort((a, b) => b.bytes - a.bytes);
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the heaviest list pages the content rules allow', () => {
  test('the library is valid content: the validator finds no errors', () => {
    const check = spawnSync(process.execPath, [join('scripts', 'validate.ts')], { cwd: project, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('检查了 150 个文件：0 个错误，0 个警告');
    expect(check.status).toBe(0);
  });

  test(`every list page is at most ${LIST_PAGE_LIMIT_BYTES / 1024} KB of HTML`, () => {
    expect(pages.length).toBeGreaterThan(10);
    const over = pages.filter((p) => p.bytes > LIST_PAGE_LIMIT_BYTES).map((p) => `${p.page}: ${(p.bytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  test('the by-region lists are full: 50 entries under 50 region headings on one page', () => {
    for (const kind of ['reports', 'cases', 'rules']) {
      const html = readFileSync(join(project, 'dist', kind, 'by-region', 'index.html'), 'utf8');
      expect((html.match(/<li><h3>/g) ?? []).length, kind).toBe(PER_PAGE);
      expect((html.match(/<h2[^>]*>\s*<a href="\/casebook\/regions\/\d{6}\/"/g) ?? []).length, kind).toBe(PER_PAGE);
    }
    expect(pages[0]?.page).toMatch(/^(reports|cases|rules)\/by-region\/index\.html$/);
  });
});
