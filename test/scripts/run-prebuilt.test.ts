/** The npm scripts run prebuilt bundles, and never a bundle older than its sources. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let root: string;
const BUNDLE = '.cache/scripts/validate.mjs';
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
