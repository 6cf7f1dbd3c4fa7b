/** The pull-request check, run as validate.yml runs it: on a git checkout, with the base commit in BASE_SHA. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const SCRIPT = resolve('scripts/check-pull-request.ts');
let root: string;
let base: string;

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' }).trim();

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Commits the work tree as the pull request's head and runs the check; gives up after 20 s. */
function checkPullRequest() {
  git('add', '-A');
  git('commit', '-qm', 'pull request');
  const result = spawnSync(process.execPath, [SCRIPT, '--report', 'report.json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, BASE_SHA: base, HEAD_SHA: git('rev-parse', 'HEAD'), PR_NUMBER: '7', PR_LABELS: '[]', GITHUB_STEP_SUMMARY: '' },
  });
  const report = result.signal ? undefined : (JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as { files: string[]; problems: { file: string; rule: string }[]; errors: number });
  return { ...result, report };
}

const HOSTILE_CASE = `---
title: 安康市政协委员联系群众
region: "610900"
organization: 安康市政协
year: "2023"
themes:
  - member-management
summary: 委员联系群众。
sources:
  - reports/2023/ankang
---

## 背景

内部资料，联系电话 13912345678，身份证 11010519491231002X。

## 做法

<img src=x onerror=alert(1)> [详情](javascript:alert(1))

## 成效

无。
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-pr-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  write('src/layouts/BaseLayout.astro', '<html></html>\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  base = git('rev-parse', 'HEAD');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('check-pull-request', () => {
  test('checks a case whose file name is Chinese, and sees the edit outside content/', () => {
    write('content/cases/2023/安康-委员.md', HOSTILE_CASE);
    write('src/layouts/BaseLayout.astro', '<html><script src="https://x.example/x.js"></script></html>\n');
    const { status, report } = checkPullRequest();
    expect(status).toBe(1);
    expect(report?.files).toContain('content/cases/2023/安康-委员.md');
    const rules = report?.problems.map((p) => p.rule) ?? [];
    expect(rules).toEqual(expect.arrayContaining(['path/location', 'pr/outside-content']));
  }, 30_000);

  test('a file with a space or a newline in its name is checked, not dropped', () => {
    write('content/cases/2023/a b.md', HOSTILE_CASE);
    write('content/cases/2023/line\nbreak.md', HOSTILE_CASE);
    const { status, report } = checkPullRequest();
    expect(status).toBe(1);
    expect(report?.files).toEqual(expect.arrayContaining(['content/cases/2023/a b.md', 'content/cases/2023/line\nbreak.md']));
  }, 30_000);

  test('a link to /dev/zero in a pull request is reported, not read until memory runs out', () => {
    symlinkSync('/dev/zero', join(root, 'content/cases/2023/zero.md'));
    const { status, signal, report } = checkPullRequest();
    expect(signal).toBeNull();
    expect(status).toBe(1);
    expect(report?.problems).toContainEqual(expect.objectContaining({ file: 'content/cases/2023/zero.md', rule: 'path/symlink' }));
  }, 30_000);
});
