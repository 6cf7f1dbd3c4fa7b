/**
 * Symbolic links, FIFOs and device files under content/ are never followed or read.
 * Each reader runs in a child process with a time limit: a reader that follows a link
 * to /dev/zero or opens a FIFO blocks its thread for good, and must fail the test, not hang it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

let root: string;
let outside: string;

/** Runs an ES module body in `root` and returns what it printed as JSON, or the reason it did not finish. */
function inChild(body: string): { value?: unknown; error?: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', body], { cwd: root, encoding: 'utf8', timeout: 15_000 });
  if (result.signal) return { error: `killed by ${result.signal} after 15 s` };
  if (result.status !== 0) return { error: result.stderr };
  return { value: JSON.parse(result.stdout) };
}

const mod = (path: string) => JSON.stringify(resolve(path));

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'casebook-links-'));
  outside = mkdtempSync(join(tmpdir(), 'casebook-outside-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  writeFileSync(join(outside, 'secret.md'), readFileSync('content/cases/2023/xian-office-work-style.md', 'utf8').replace(/^title: .*$/m, 'title: 不应发布的文件'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('readContentFile', () => {
  const read = (path: string) => inChild(`import { readContentFile } from ${mod('src/lib/read-content-file.ts')};
    try { readContentFile(${JSON.stringify(path)}); console.log('"read"'); } catch (e) { console.log(JSON.stringify(e.message)); }`);

  test('refuses a link to /dev/zero, /dev/zero itself and a FIFO, quickly and in Chinese', () => {
    symlinkSync('/dev/zero', join(root, 'zero.md'));
    mkfifo(join(root, 'fifo.md'));
    expect(read('zero.md').value).toMatch(/zero\.md.*符号链接/);
    expect(read('/dev/zero').value).toMatch(/不是普通文件/);
    expect(read('fifo.md').value).toMatch(/fifo\.md.*不是普通文件/);
  });

  test('refuses a file over the size limit and names the limit', () => {
    writeFileSync(join(root, 'big.md'), Buffer.alloc(300 * 1024, 0x61));
    expect(read('big.md').value).toMatch(/big\.md.*超过上限/);
  });
});

describe('site content reader', () => {
  const load = (collection: string) =>
    inChild(`import { readSiteContent } from ${mod('src/lib/site-content.ts')};
      try {
        console.log(JSON.stringify(readSiteContent('content').entries['${collection}'].map((e) => e.id)));
      } catch (e) { console.log(JSON.stringify(e.message)); }`);

  test('does not publish a linked folder, a linked file, a link to /dev/zero or a FIFO', () => {
    symlinkSync(outside, join(root, 'content/cases/zz'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'content/cases/2023/linked.md'));
    symlinkSync('/dev/zero', join(root, 'content/cases/2023/zero.md'));
    mkfifo(join(root, 'content/cases/2023/fifo.md'));
    const { value, error } = load('cases');
    expect(error).toBeUndefined();
    expect(value).toContain('2023/xian-office-work-style');
    expect(value).not.toEqual(expect.arrayContaining([expect.stringMatching(/zz|linked|zero|fifo/)]));
  });

  test('refuses a file whose name is not a slug, and suggests one in pinyin', () => {
    cpSync(join(root, 'content/cases/2023/ankang-member-studios.md'), join(root, 'content/cases/2023/安康 委员.md'));
    expect(load('cases').value).toMatch(/content\/cases\/2023\/安康 委员\.md.*文件名.*ankang-weiyuan/s);
  });
});

describe('validator', () => {
  test('a cited report that links to /dev/zero is not read, and the link is reported', () => {
    rmSync(join(root, 'content/reports/2023/xian.md'));
    symlinkSync('/dev/zero', join(root, 'content/reports/2023/xian.md'));
    mkfifo(join(root, 'content/reports/2023/fifo.md'));
    const { value, error } = inChild(`import { runValidation } from ${mod('scripts/lib/validate/run.ts')};
      const { diagnostics } = await runValidation(process.cwd(), {});
      console.log(JSON.stringify(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file + ' ' + d.rule)));`);
    expect(error).toBeUndefined();
    expect(value).toEqual(expect.arrayContaining(['content/reports/2023/xian.md path/symlink', 'content/reports/2023/fifo.md path/not-regular-file']));
  });
});

describe('digest downloads', () => {
  test('a digest Word file that is a link is not served', () => {
    rmSync(join(root, 'content/digests/digest-2023.docx'));
    symlinkSync('/etc/passwd', join(root, 'content/digests/digest-2023.docx'));
    const { value } = inChild(`import { readDigestDownload } from ${mod('src/lib/digest-download.ts')};
      try { console.log(JSON.stringify(readDigestDownload('content/digests', 'digest-2023.docx').body.length)); } catch (e) { console.log(JSON.stringify(e.message)); }`);
    expect(value).toMatch(/digest-2023\.docx.*符号链接/);
  });

  test('serves the committed Word file byte for byte', () => {
    const { value } = inChild(`import { readDigestDownload } from ${mod('src/lib/digest-download.ts')};
      const { body, type } = readDigestDownload('content/digests', 'digest-2023.docx');
      console.log(JSON.stringify([body.length, type]));`);
    expect(value).toEqual([readFileSync('content/digests/digest-2023.docx').length, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
  });
});

describe('regions and cited reports', () => {
  test('reading a cited report through a link to /dev/zero does not hang', () => {
    mkdirSync(join(root, 'content/reports/2024'));
    symlinkSync('/dev/zero', join(root, 'content/reports/2024/xian.md'));
    const { value, error } = inChild(`import { loadContext } from ${mod('scripts/lib/validate/load.ts')};
      const context = loadContext(process.cwd(), ['content/reports/2024/xian.md']);
      console.log(JSON.stringify(context.entryText('reports', '2024/xian') ?? null));`);
    expect(error).toBeUndefined();
    expect(value).toBeNull();
  });
});
