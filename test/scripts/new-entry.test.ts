import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { QUESTIONS, scaffold } from '../../scripts/lib/new-entry.ts';
import { listContentFiles, loadContext } from '../../scripts/lib/validate/load.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

describe('scaffold', () => {
  test('a rule scaffold passes the validator as it stands', () => {
    const file = scaffold('rules', { title: '委员履职考核办法', region: '610402', organization: '秦都区政协', mentionedIn: '2023/qindu' });
    const context = loadContext(process.cwd(), listContentFiles(process.cwd()));
    const problems = validateFile({ file: file.path, bytes: new TextEncoder().encode(file.content), isSymlink: false }, context);
    expect(file.path).toMatch(/^content\/rules\/qindu-[a-z0-9-]+\.md$/);
    expect(problems.map(formatDiagnostic)).toEqual([]);
  });
});

describe('npm run new', () => {
  test('asks its questions, writes the case and reports the sections still to write', () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-new-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    const answers = ['秦都区委员工作室', '610402', '秦都区政协', '2023', 'member-studio', '把委员工作室建在一线。', 'reports/2023/qindu', 'qindu-studios'];
    expect(answers).toHaveLength(QUESTIONS.cases.length);
    const result = spawnSync(process.execPath, [resolve('scripts/new-entry.ts'), 'cases'], { cwd: root, input: answers.join('\n') + '\n', encoding: 'utf8' });
    expect(result.stdout).toContain('已创建 content/cases/2023/qindu-studios.md');
    expect(readFileSync(join(root, 'content/cases/2023/qindu-studios.md'), 'utf8')).toContain('title: 秦都区委员工作室');
    expect(result.status).toBe(0);
  });
});
