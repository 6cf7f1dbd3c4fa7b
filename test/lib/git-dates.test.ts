import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitPaths } from '../../src/lib/git-paths.ts';
import { parseGitLog } from '../../src/lib/git-dates.ts';

describe('parseGitLog', () => {
  test('takes the newest commit as the last update and the oldest as the addition', () => {
    const items = ['@2024-03-01', '\ncontent/a.md', '@2023-06-01', '\ncontent/a.md', 'content/b.md', '@2023-01-01', '\ncontent/a.md'];
    expect(Object.fromEntries(parseGitLog(items))).toEqual({
      'content/a.md': { added: '2023-01-01', updated: '2024-03-01' },
      'content/b.md': { added: '2023-06-01', updated: '2023-06-01' },
    });
  });

  test('reads the raw names git gives for Chinese names and names with spaces', () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-dates-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root });
      git('init', '-q');
      mkdirSync(join(root, 'content'));
      writeFileSync(join(root, 'content/安康 委员.md'), 'x');
      git('add', '-A');
      git('commit', '-qm', 'add');
      const dates = parseGitLog(gitPaths(root, ['log', '--format=@%cs', '--name-only', '--no-renames', '--', 'content']) ?? []);
      expect([...dates.keys()]).toEqual(['content/安康 委员.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
