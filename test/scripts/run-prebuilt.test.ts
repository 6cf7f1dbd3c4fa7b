/** The npm scripts run prebuilt bundles, and never a bundle older than its sources. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let root: string;
const BUNDLE = '.cache/scripts/validate.cjs';
const REPORT = 'scripts/lib/validate/report.ts';

function validate() {
  return spawnSync(process.execPath, ['scripts/run-prebuilt.mjs', 'validate', 'content/reports/2023/xian.md'], { cwd: root, encoding: 'utf8' });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-prebuilt-'));
  for (const name of ['scripts', 'src', 'content', 'package.json']) cpSync(name, join(root, name), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/run-prebuilt.mjs', () => {
  test('builds the bundle when there is none, then runs it', () => {
    const result = validate();
    expect(result.stdout).toMatch(/检查了 \d+ 个文件：0 个错误/);
    expect(result.status).toBe(0);
    expect(statSync(join(root, BUNDLE)).size).toBeGreaterThan(0);
  }, 120_000);

  test('says what the sources say of a misnamed file in traditional characters (packages the bundle loads on first use)', () => {
    const file = 'content/cases/2023/秦都 案例.md';
    const text = readFileSync(join(root, 'content/cases/2023/qindu-1-3-consultation-platform.md'), 'utf8');
    writeFileSync(join(root, file), `${text}\n這是委員學習的經驗。\n`);
    try {
      const bundled = spawnSync(process.execPath, ['scripts/run-prebuilt.mjs', 'validate', file], { cwd: root, encoding: 'utf8' });
      const sources = spawnSync(process.execPath, ['scripts/validate.ts', file], { cwd: root, encoding: 'utf8' });
      expect(bundled.stdout).toContain('改名为 content/cases/2023/qindou-anli.md');
      expect(bundled.stdout).toContain('改为：这是委员学习的经验。');
      expect(bundled.stdout).toBe(sources.stdout);
      expect(bundled.status).toBe(sources.status);
    } finally {
      rmSync(join(root, file));
    }
  }, 120_000);

  test('runs the bundle as built while its sources are unchanged, even if one was only touched', () => {
    const built = statSync(join(root, BUNDLE)).mtimeMs;
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, REPORT), later, later);
    expect(validate().status).toBe(0);
    expect(statSync(join(root, BUNDLE)).mtimeMs).toBe(built);
  }, 120_000);

  test('rebuilds after a source changed, so an edit is never run stale', () => {
    const built = statSync(join(root, BUNDLE)).mtimeMs;
    const source = readFileSync(join(root, REPORT), 'utf8');
    writeFileSync(join(root, REPORT), source.replace('return `检查了 ', 'return `已检查 '));
    const result = validate();
    expect(result.stdout).toMatch(/已检查 \d+ 个文件/);
    expect(statSync(join(root, BUNDLE)).mtimeMs).toBeGreaterThan(built);
  }, 120_000);

  test('runs the .ts source when the bundle cannot be built', () => {
    rmSync(join(root, '.cache'), { recursive: true });
    writeFileSync(join(root, '.cache'), 'a file where the cache folder should be');
    const result = validate();
    expect(result.stdout).toMatch(/已检查 \d+ 个文件/);
    expect(result.status).toBe(0);
  }, 120_000);

  test('refuses a script that does not exist', () => {
    const result = spawnSync(process.execPath, ['scripts/run-prebuilt.mjs', '../x'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有 scripts/../x.ts 这个脚本');
  });
});
