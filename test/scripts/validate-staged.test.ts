/** `npm run validate -- --staged` and the pre-commit hook check what the commit records: the index, not the work tree. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const SCRIPT = resolve('scripts/validate.ts');
const CASE = 'content/cases/2023/xian-member-lecture-troupe.md';
let root: string;
let good: string;

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function staged(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, '--staged', '--format', 'json', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, report: result.stdout ? (JSON.parse(result.stdout) as { files: string[]; errors: number; diagnostics: { file: string; rule: string }[] }) : undefined };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-staged-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  good = readFileSync(join(root, CASE), 'utf8');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run validate -- --staged', () => {
  test('with nothing staged checks nothing and passes', () => {
    writeFileSync(join(root, CASE), good.replace('region: "610100"', 'region: "999999"'));
    expect(staged()).toMatchObject({ status: 0, report: { files: [], errors: 0 } });
    git('checkout', '--', '.');
  });

  test('reports the staged content even when the work tree has been fixed since', () => {
    writeFileSync(join(root, CASE), good.replace('region: "610100"', 'region: "999999"'));
    git('add', CASE);
    writeFileSync(join(root, CASE), good);
    const { status, report } = staged();
    expect(status).toBe(1);
    expect(report?.files).toEqual([CASE]);
    expect(report?.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([`${CASE} schema/invalid-value`]);
    git('reset', '-q');
  });

  test('passes a good staged file while the work tree holds a broken one', () => {
    writeFileSync(join(root, CASE), good.replace('## 背景', '## 背景\n\n补充一句。'));
    git('add', CASE);
    writeFileSync(join(root, CASE), '---js\n{}\n---\n');
    expect(staged()).toMatchObject({ status: 0, report: { files: [CASE], errors: 0 } });
    git('reset', '-q');
    git('checkout', '--', '.');
  });

  test('a staged deletion brings in the entries that name the deleted file, as staged', () => {
    git('rm', '-q', '--cached', 'content/reports/2023/xian.md');
    const { status, report } = staged();
    expect(status).toBe(1);
    expect(report?.files.length).toBeGreaterThan(0);
    expect(report?.diagnostics.some((d) => d.rule === 'reference/unresolved' && d.file.startsWith('content/cases/2023/xian'))).toBe(true);
    git('reset', '-q');
  });

  test('refuses paths or --changed-since beside --staged', () => {
    expect(staged(CASE).status).toBe(2);
  });
});

describe('scripts/hooks/pre-commit', () => {
  beforeAll(() => {
    // The hook runs node_modules/.bin/node and scripts/ from the top of the repository.
    cpSync('scripts', join(root, 'scripts'), { recursive: true });
    cpSync('src', join(root, 'src'), { recursive: true });
    cpSync('package.json', join(root, 'package.json'));
    execFileSync('ln', ['-s', resolve('node_modules'), join(root, 'node_modules')]);
    writeFileSync(join(root, '.gitignore'), 'node_modules\n.cache/\nscripts/\nsrc/\npackage.json\n');
    git('add', '.gitignore');
    git('commit', '-qm', 'ignore tooling');
    // What `npm run hooks` sets.
    git('config', 'core.hooksPath', 'scripts/hooks');
  });

  test('stops a commit whose staged entry has an error, naming file and line', () => {
    writeFileSync(join(root, CASE), good.replace('region: "610100"', 'region: "999999"'));
    git('add', CASE);
    const commit = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'bad region'], { cwd: root, encoding: 'utf8' });
    expect(commit.status).not.toBe(0);
    // git hands a hook's output to stderr.
    expect(commit.stderr).toContain(`${CASE}:3:9 错误 [schema/invalid-value]`);
    expect(git('log', '--format=%s', '-1').trim()).toBe('ignore tooling');
    git('reset', '-q');
    git('checkout', '--', '.');
  });

  test('lets a good commit through', () => {
    writeFileSync(join(root, CASE), good.replace('## 背景', '## 背景\n\n补充一句。'));
    git('add', CASE);
    git('commit', '-qm', 'good case');
    expect(git('log', '--format=%s', '-1').trim()).toBe('good case');
  });
});
