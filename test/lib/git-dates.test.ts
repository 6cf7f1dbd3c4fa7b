import { describe, expect, test } from 'vitest';
import { parseGitLog } from '../../src/lib/git-dates.ts';

describe('parseGitLog', () => {
  test('takes the newest commit as the last update and the oldest as the addition', () => {
    const log = '\u00002024-03-01\n\ncontent/a.md\n\u00002023-06-01\n\ncontent/a.md\ncontent/b.md\n\u00002023-01-01\n\ncontent/a.md\n';
    expect(Object.fromEntries(parseGitLog(log))).toEqual({
      'content/a.md': { added: '2023-01-01', updated: '2024-03-01' },
      'content/b.md': { added: '2023-06-01', updated: '2023-06-01' },
    });
  });
});
