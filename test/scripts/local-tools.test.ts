/** The local tools never lose or corrupt data: import, fix and rules, run as contributors run them. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { slugIndex, type ValidationContext } from '../../scripts/lib/validate/context.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const SEED = resolve('content/sources/2023-05-25-gejie-liangge-boruo.txt');
let root: string;

function npmRun(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [resolve('scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-tools-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'CONTRIBUTING.md'), '# 投稿指南,请先阅读\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run import --force', () => {
  test('never replaces a report that came from another source: the new speech gets a free file name', () => {
    const other = readFileSync(join(root, 'content/reports/2023/xian.md'), 'utf8').replace('file: 2023-05-25-gejie-liangge-boruo.txt', 'file: 2024-01-10-another-article.txt');
    writeFileSync(join(root, 'content/reports/2023/xian.md'), other);
    const result = npmRun('import-article.ts', SEED, '--out', 'content/reports/2023', '--force');
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, 'content/reports/2023/xian.md'), 'utf8')).toBe(other);
    const imported = readFileSync(join(root, 'content/reports/2023/xian-2.md'), 'utf8');
    expect(imported).toContain('file: 2023-05-25-gejie-liangge-boruo.txt');
    expect(imported).toContain('name: 王吉德');
  });

  test('overwrites, with --force, a report imported from the same source', () => {
    writeFileSync(join(root, 'content/reports/2023/xian.md'), readFileSync(join(root, 'content/reports/2023/xian.md'), 'utf8').replace('王吉德', '王吉德'));
    const result = npmRun('import-article.ts', SEED, '--out', 'content/reports/2023', '--force');
    expect(result.status).toBe(0);
    expect(readdirSync(join(root, 'content/reports/2023')).filter((n) => /-\d+\.md$/.test(n))).toEqual([]);
  });
});

describe('npm run fix', () => {
  test('refuses a file that is not UTF-8 instead of turning it into U+FFFD', () => {
    const file = join(root, 'content/cases/2023/xian-office-work-style.md');
    // 底气，就地 in GBK, then a UTF-8 line with a fixable comma.
    const bytes = Buffer.concat([readFileSync(file), Buffer.from([0xb5, 0xd7, 0xc6, 0xf8, 0xa3, 0xac, 0xbe, 0xcd, 0xb5, 0xd8, 0x0a]), Buffer.from('委员,工作。\n')]);
    writeFileSync(file, bytes);
    const result = npmRun('fix.ts', 'content/cases/2023/xian-office-work-style.md');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('不是 UTF-8 编码');
    expect(readFileSync(file)).toEqual(bytes);
  });

  test('edits nothing outside content/reports, content/cases and content/rules', () => {
    for (const path of ['content/cases/../../CONTRIBUTING.md', 'content/cases/2023/../../../CONTRIBUTING.md']) {
      const result = npmRun('fix.ts', path);
      expect(result.status, path).toBe(1);
      expect(result.stderr).toContain('只修改 content/reports、content/cases、content/rules');
    }
    expect(readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')).toBe('# 投稿指南,请先阅读\n');
  });
});

describe('npm run rules -- --write', () => {
  test('writes one draft for a missing rule that two reports of one region cite, listing both', () => {
    const xian = readFileSync(join(root, 'content/reports/2023/xian.md'), 'utf8');
    const mention = '\n制定《委员联络测试工作办法》，规范委员联络。\n';
    writeFileSync(join(root, 'content/reports/2023/xian.md'), xian + mention);
    mkdirSync(join(root, 'content/reports/2024'));
    writeFileSync(join(root, 'content/reports/2024/xian.md'), xian.replace(/date: "2023-05-25"/, 'date: "2024-05-25"') + mention);
    const result = npmRun('add-rules.ts', '--write');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const drafts = readdirSync(join(root, 'content/rules')).filter((n) => readFileSync(join(root, 'content/rules', n), 'utf8').includes('委员联络测试工作办法'));
    expect(drafts).toHaveLength(1);
    const draft = readFileSync(join(root, 'content/rules', drafts[0] as string), 'utf8');
    expect(draft).toContain('  - 2023/xian\n  - 2024/xian\n');
  });
});

describe('validator: damaged text', () => {
  const themes = readThemes('content/themes.yaml');
  const ids = { reports: new Set(['2023/xian']), cases: new Set<string>(), rules: new Set<string>(), themes: new Set(themes.map((t) => t.id)) };
  const context: ValidationContext = { ids, idsBySlug: slugIndex(ids), themes, entryText: () => '' };
  const entry = (body: string) =>
    `---\ntitle: 测试\nregion: "610100"\norganization: 西安市政协\nyear: "2023"\nthemes:\n  - member-studio\nsummary: 测试。\nsources:\n  - reports/2023/xian\n---\n\n## 背景\n\n${body}\n\n## 做法\n\n无。\n\n## 成效\n\n无。\n`;

  test.each([
    ['U+FFFD left by a lossy decoder', '委员工作室底\uFFFD\uFFFD，就地协商。'],
    ['GBK read as UTF-8 and back (锟斤拷)', '委员工作室锟斤拷协商。'],
  ])('reports %s as an error', (_, body) => {
    const problems = validateFile({ file: 'content/cases/2023/damaged.md', bytes: new TextEncoder().encode(entry(body)), isSymlink: false }, context);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'text/damaged', severity: 'error', line: 15 }));
  });
});
