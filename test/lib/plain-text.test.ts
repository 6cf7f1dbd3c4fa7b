/** plainText's shortcut for Markdown without syntax gives what parsing gives, whatever the text. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsedPlainText, plainText } from '../../src/lib/plain-text.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';

/** Pieces of Markdown: text, white space and line endings, and every mark that starts syntax. */
const PIECES = [
  '委员', '工作室', 'AB', '12', '。', '，', '“', '”', '（', '）', '#', '## ', '###', ' #', '####### ', ' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '\r',
  '-', '--- ', '+', '=', '===', '1.', '2)', '10. ', '>', '*', '_', '`', '```', '~~~', '[', ']', '(', ')', '!', '<', '&', '&amp;', '\\', '|', ':', '\u3000', '\u00a0', '\f', '\v', '\0', '\ufeff',
];

describe('plainText', () => {
  test('the shortcut for text without syntax agrees with parsing on any mix of text, white space and marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        expect(plainText(markdown)).toBe(parsedPlainText(markdown));
      }),
      { numRuns: 5000 },
    );
  });

  test('headings and paragraphs read as their words, one space between blocks', () => {
    expect(plainText('## 背景\n\n委员工作室  建在\n村里。\n\n## 成效 \n\n建成 23 个')).toBe('背景 委员工作室 建在 村里。 成效 建成 23 个');
  });

  test('agrees with parsing on every entry of the bundled library', () => {
    const { library } = readLibrary('content');
    for (const entry of [...library.reports, ...library.cases, ...library.rules]) {
      const body = readFileSync(entry.file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(plainText(body), entry.file).toBe(parsedPlainText(body));
    }
  });
});
