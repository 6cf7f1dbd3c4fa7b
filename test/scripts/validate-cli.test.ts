import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixText } from '../../scripts/lib/fix-text.ts';

const SCRIPT = resolve('scripts/validate.ts');
let root: string;

function validate(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' });
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (name.startsWith('.git')) continue;
    hash.update(name);
    try {
      hash.update(readFileSync(join(dir, name)));
    } catch {
      /* a directory */
    }
  }
  return hash.digest('hex');
}

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-validate-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run validate', () => {
  test('passes the bundled content with zero errors', () => {
    const result = validate();
    expect(result.stdout).toMatch(/检查了 \d+ 个文件：0 个错误/);
    expect(result.status).toBe(0);
  });

  test('never writes to the tree, even on bad input', () => {
    writeFileSync(join(root, 'content/cases/2023/bad-entry.md'), '---js\n{}\n---\n');
    const before = treeHash(root);
    expect(validate().status).toBe(1);
    validate('--format', 'json');
    validate('--changed-since', 'HEAD', '--format', 'github');
    expect(treeHash(root)).toBe(before);
    rmSync(join(root, 'content/cases/2023/bad-entry.md'));
  });

  test('with --changed-since checks the changed file and the entries that refer to it', () => {
    const report = readdirSync(join(root, 'content/rules'))[0] as string;
    const file = `content/rules/${report}`;
    writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace('mentionedIn:', 'mentionedIn:\n  - 2023/nowhere'));
    const result = validate('--changed-since', 'HEAD', '--format', 'json');
    const parsed = JSON.parse(result.stdout) as { files: string[]; errors: number; diagnostics: { rule: string }[] };
    expect(parsed.files).toEqual([file]);
    expect(parsed.diagnostics.map((d) => d.rule)).toEqual(['reference/unresolved']);
    git('checkout', '--', '.');
  });

  test('a deleted report brings the rules that mention it into the check', () => {
    rmSync(join(root, 'content/reports/2023/xian.md'));
    const parsed = JSON.parse(validate('--changed-since', 'HEAD', '--format', 'json').stdout) as { files: string[]; errors: number };
    expect(parsed.files.length).toBeGreaterThan(0);
    expect(parsed.files.every((f) => f.startsWith('content/rules/xian-') || f.includes('/xian'))).toBe(true);
    expect(parsed.errors).toBeGreaterThan(0);
    git('checkout', '--', '.');
  });

  test('rejects a symlink and an .mdx file in contributed paths', () => {
    symlinkSync('/etc/passwd', join(root, 'content/cases/2023/link.md'));
    writeFileSync(join(root, 'content/cases/2023/page.mdx'), 'import fs from "node:fs"');
    const out = validate('content/cases/2023/link.md', 'content/cases/2023/page.mdx').stdout;
    expect(out).toContain('[path/symlink]');
    expect(out).toContain('[path/not-markdown]');
    rmSync(join(root, 'content/cases/2023/link.md'));
    rmSync(join(root, 'content/cases/2023/page.mdx'));
  });

  test('prints GitHub annotations and writes the JSON report with --report', () => {
    writeFileSync(join(root, 'content/cases/2023/x.md'), '---\ntitle: x\n---\n');
    const reportFile = join(mkdtempSync(join(tmpdir(), 'casebook-report-')), 'report.json');
    const result = validate('content/cases/2023/x.md', '--format', 'github', '--report', reportFile);
    expect(result.stdout).toContain('::error file=content/cases/2023/x.md,line=2,col=1,title=schema/missing-field::缺少必填字段 行政区划代码（region）');
    expect(JSON.parse(readFileSync(reportFile, 'utf8')).errors).toBeGreaterThan(0);
    rmSync(join(root, 'content/cases/2023/x.md'));
  });

  test('refuses an unknown format', () => {
    expect(validate('--format', 'xml').status).toBe(2);
  });
});

describe('fixText', () => {
  test('repairs only the damaged lines and names each change', () => {
    const result = fixText('---\ntitle: 協(xié)商議事\n---\n\n工作要求,不断推进。\n干净的一行。\n');
    expect(result.text).toBe('---\ntitle: 协商议事\n---\n\n工作要求，不断推进。\n干净的一行。\n');
    expect(result.changes.map((c) => c.line)).toEqual([2, 5]);
  });
});
