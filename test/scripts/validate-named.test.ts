/** Checking files named on the command line: no listing of the library, no git for a case, the quoting cases for a report. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const SCRIPT = resolve('scripts/validate.ts');
const CASE = 'content/cases/2023/xian-member-lecture-troupe.md';
let root: string;
let bin: string;
const gitLog = () => join(root, '..', 'git-calls.log');

/** Runs the validator with a `git` first on PATH that records each call, then hands it to the real git. */
function validate(...args: string[]) {
  rmSync(gitLog(), { force: true });
  const result = spawnSync(process.execPath, [SCRIPT, '--format', 'json', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` } });
  const calls = existsSync(gitLog()) ? readFileSync(gitLog(), 'utf8').trim().split('\n') : [];
  return { status: result.status, calls, report: JSON.parse(result.stdout) as { files: string[]; errors: number; diagnostics: { file: string; rule: string }[] } };
}

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'casebook-named-'));
  root = join(base, 'repo');
  bin = join(base, 'bin');
  cpSync('content', join(root, 'content'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '.'], { cwd: root });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base'], { cwd: root });
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  mkdirSync(bin);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> "${gitLog()}"\nexec "${realGit}" "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('npm run validate -- <file>', () => {
  test('checks one named case without running git', () => {
    const { calls, report, status } = validate(CASE);
    expect(report.files).toEqual([CASE]);
    expect(status).toBe(0);
    expect(calls).toEqual([]);
  });

  test('still resolves what the case refers to, from the files on disk', () => {
    const text = readFileSync(join(root, CASE), 'utf8');
    writeFileSync(join(root, CASE), text.replace('  - reports/2023/xian\n', '  - reports/2023/xian\n  - reports/2023/nowhere\n').replace('  - sector-work\n', '  - sector-work\n  - no-such-theme\n'));
    const { report, calls } = validate(CASE);
    expect(report.diagnostics.map((d) => d.rule).sort()).toEqual(['reference/unresolved', 'theme/unknown']);
    expect(calls).toEqual([]);
    writeFileSync(join(root, CASE), text);
  });

  test('finds a duplicate file name in another year folder without listing the library', () => {
    mkdirSync(join(root, 'content/cases/2022'), { recursive: true });
    cpSync(join(root, CASE), join(root, 'content/cases/2022/xian-member-lecture-troupe.md'));
    const { report } = validate(CASE);
    expect(report.diagnostics.map((d) => d.rule)).toContain('id/duplicate');
    rmSync(join(root, 'content/cases/2022'), { recursive: true });
  });

  test('a named report brings in the cases that quote it, whose figures may now be missing', () => {
    const report = 'content/reports/2023/xian.md';
    const text = readFileSync(join(root, report), 'utf8');
    writeFileSync(join(root, report), text.replaceAll('66', '七十'));
    const result = validate(report);
    expect(result.report.files).toContain(CASE);
    expect(result.report.diagnostics.some((d) => d.file === CASE && d.rule === 'case/unsupported-figure')).toBe(true);
    writeFileSync(join(root, report), text);
  });
});
