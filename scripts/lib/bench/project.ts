/** A copy of the project around a synthetic library, in a temporary folder, for benchmarks. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SyntheticFile } from './synthetic.ts';

const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Copies the site's sources, links node_modules, writes the library under
 * content/ and commits it all in a new git repository there, as in a clone
 * (the validator finds files and referrers through git, the build reads dates from git log).
 */
export function makeProject(repo: string, files: readonly SyntheticFile[], label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `casebook-bench-${label}-`));
  for (const name of PROJECT_FILES) cpSync(join(repo, name), join(dir, name), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'content'), { recursive: true });
  cpSync(join(repo, 'content', 'themes.yaml'), join(dir, 'content', 'themes.yaml'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist/\n.astro/\ndigest-out/\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '--', '.gitignore', 'content', ...PROJECT_FILES);
  git('commit', '-q', '-m', 'synthetic library');
  return dir;
}
