/** What the site publishes from content/, and how it refuses a library it cannot publish. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listEntryFiles, readSiteContent, SiteContentError } from '../../src/lib/site-content.ts';

let root: string;
const content = () => join(root, 'content');
const xian = 'content/cases/2023/xian-office-work-style.md';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-site-content-'));
  cpSync('content', content(), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readSiteContent', () => {
  test('reads every entry file of each collection in file order, and the digests', () => {
    const { entries, digests } = readSiteContent(content());
    for (const collection of ['reports', 'cases', 'rules'] as const) {
      expect(entries[collection].map((e) => `${e.id}.md`)).toEqual(listEntryFiles(join(content(), collection)));
    }
    const entry = entries.cases.find((e) => e.key === 'cases/2023/xian-office-work-style');
    expect(entry?.file).toBe(xian);
    expect(entry?.title).toBe('西安市政协机关每日一小时集中学习与作风建设');
    expect(entry?.body).toContain('## 背景');
    expect(digests.map((d) => d.id)).toContain('2023');
  });

  test('refuses a library with bad files, naming every one with its line, in Chinese', () => {
    writeFileSync(join(root, xian), readFileSync(xian, 'utf8').replace('region: "610100"', 'region: "999999"'));
    const other = 'content/reports/2023/xian.md';
    writeFileSync(join(root, other), readFileSync(other, 'utf8').replace(/^title: .*\n/m, ''));
    let error: unknown;
    try {
      readSiteContent(content());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SiteContentError);
    const message = (error as Error).message;
    expect(message).toMatch(/npm run validate/);
    expect(message).toMatch(new RegExp(`${xian}:3:\\d+ 错误`));
    expect(message).toContain(`${other}:`);
    expect((error as SiteContentError).problems.map((p) => p.file)).toEqual(expect.arrayContaining([xian, other]));
  });
});
