/** A large library is checked in several threads; the result must be the same as checking it file by file. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { syntheticLibrary, vocabularyFrom } from '../../scripts/lib/bench/synthetic.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { listContentFiles, loadContext, readInput } from '../../scripts/lib/validate/load.ts';
import { runValidation } from '../../scripts/lib/validate/run.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const root = mkdtempSync(join(tmpdir(), 'casebook-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a library checked in threads gives every problem once, in the order checking one by one gives them', async () => {
  const { library } = readLibrary('content');
  const files = syntheticLibrary(300, vocabulary(library));
  files.forEach((f, i) => {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    // Three broken files spread over the shares: a bad region code, an unknown theme, a mobile number.
    const content = i === 5 ? f.content.replace(/^region: "?\d+"?$/m, 'region: "999999"') : i === 150 ? f.content.replace(/^themes:\n/m, 'themes:\n  - 不存在的主题\n') : i === 290 ? `${f.content}\n联系电话 13912345678。\n` : f.content;
    writeFileSync(join(root, f.path), content);
  });
  cpSync(join('content', 'themes.yaml'), join(root, 'content', 'themes.yaml'));

  const all = listContentFiles(root);
  expect(all.length).toBeGreaterThanOrEqual(300);
  const context = loadContext(root, all);
  const oneByOne = all.flatMap((file) => validateFile(readInput(root, file), context));
  const { files: checked, diagnostics } = await runValidation(root, {}, { parallelFrom: 100 });

  expect(checked).toEqual(all);
  const key = (d: { file: string; line: number; column: number; rule: string }) => `${d.file}:${d.line}:${d.column} ${d.rule}`;
  expect(diagnostics.map(key)).toEqual(oneByOne.map(key));
  expect(new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size).toBe(3);
});

test('a folder named on the command line stands for the files under it, with the whole library as context', async () => {
  const all = listContentFiles(root);
  const folder = dirname(all.find((f) => f.startsWith('content/cases/')) as string);
  const under = all.filter((f) => f.startsWith(`${folder}/`));
  expect(under.length).toBeGreaterThan(1);
  const named = await runValidation(root, { paths: [`./${folder}/`] });
  expect(named.files).toEqual(expect.arrayContaining(under));
  expect(named.diagnostics.filter((d) => d.rule === 'path/not-regular-file' || d.rule === 'path/not-markdown')).toEqual([]);
  // A folder with no library files under it checks nothing rather than reading the folder as a file.
  mkdirSync(join(root, 'content', 'cases', '2099'), { recursive: true });
  expect(await runValidation(root, { paths: ['content/cases/2099'] })).toEqual({ files: [], diagnostics: [] });
});

function vocabulary(library: ReturnType<typeof readLibrary>['library']) {
  return vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);
}

test('in a git work tree the library is what the work tree holds: files not yet added count, files deleted but not yet committed do not, ignored ones do not', () => {
  const tree = mkdtempSync(join(tmpdir(), 'casebook-list-'));
  try {
    const write = (path: string) => {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), '---\ntitle: 测试\n---\n');
    };
    for (const path of ['content/cases/2023/kept.md', 'content/cases/2023/gone.md', 'content/reports/2023/kept.md', 'content/rules/kept.md']) write(path);
    writeFileSync(join(tree, '.gitignore'), '*.bak\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: tree, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'library');
    rmSync(join(tree, 'content/cases/2023/gone.md'));
    write('content/cases/2023/new.md');
    write('content/cases/2023/draft.md.bak');
    expect(listContentFiles(tree)).toEqual(['content/cases/2023/kept.md', 'content/cases/2023/new.md', 'content/reports/2023/kept.md', 'content/rules/kept.md']);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});
