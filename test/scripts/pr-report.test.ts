import { describe, expect, test } from 'vitest';
import { buildPrReport, PrReportSchema } from '../../scripts/lib/github/pr-report.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';

const sha = 'a'.repeat(40);

describe('PrReportSchema', () => {
  test('accepts the report of a pull request that adds a file with a Chinese name, so its feedback is posted', () => {
    const file = 'content/cases/2023/安康 委员😀.md';
    const report = buildPrReport({ pullRequest: 7, headSha: sha, files: [file], regions: [], diagnostics: [diagnostic(file, 'path/location', '文件名不符合要求')] });
    expect(PrReportSchema.safeParse(report).success).toBe(true);
  });

  test('refuses paths with control or bidi characters, or that climb out with ..', () => {
    for (const file of ['content/cases/2023/a\nb.md', 'content/cases/2023/\u202Eevil.md', 'content/../../etc/passwd']) {
      const report = buildPrReport({ pullRequest: 7, headSha: sha, files: [file], regions: [], diagnostics: [] });
      expect(PrReportSchema.safeParse(report).success, file).toBe(false);
    }
  });
});
