import { describe, expect, test } from 'vitest';
import { parseCollectionEntry, unresolvedReferences } from '../../src/lib/library.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { parseEntry } from '../../src/lib/frontmatter.ts';

const REPORT = `---
title: 创新机制提振精神切实破解薄弱问题
speaker:
  name: 王吉德
  role: 政协主席
organization: 西安市政协
region: "610100"
date: "2023-05-25"
source:
  publisher: 各界新闻网
  published: "2023-05-25"
themes:
  - institution-building
summary: 政协工作问题在机关、力量在委员、出路在创新。
---

正文。
`;

function errorsOf(collection: 'reports' | 'cases' | 'rules', text: string): string[] {
  const result = parseCollectionEntry(collection, 'x', 'content/x.md', text);
  return Array.isArray(result) ? result.map(formatDiagnostic) : [];
}

describe('ReportSchema', () => {
  test('accepts a complete report and types its fields', () => {
    const result = parseCollectionEntry('reports', '2023/xian', 'content/reports/2023/xian.md', REPORT);
    expect(Array.isArray(result)).toBe(false);
    if (!Array.isArray(result)) {
      expect(result.data.region).toBe('610100');
      expect(result.data.speaker.name).toBe('王吉德');
      expect(result.bodyLine).toBe(16);
    }
  });

  test('rejects a region code that is not in GB/T 2260, naming the line', () => {
    expect(errorsOf('reports', REPORT.replace('"610100"', '"619999"'))).toMatchInlineSnapshot(`
      [
        "content/x.md:7:9 错误 [schema/invalid-value] 行政区划代码（region）：不是有效的 GB/T 2260 行政区划代码。修改方法：按填写指南修改",
      ]
    `);
  });

  test('rejects an unknown field, even one indented with a full-width space', () => {
    expect(errorsOf('reports', REPORT.replace('summary:', 'summery: x\nsummary:'))).toMatchInlineSnapshot(`
      [
        "content/x.md:14:10 错误 [schema/unknown-field] 文件头中有未知字段：summery。修改方法：删除该字段，或检查拼写（字段名区分大小写，不能有全角空格）",
      ]
    `);
    expect(errorsOf('reports', REPORT.replace('  name: 王吉德', '\u3000name: 王吉德'))).not.toEqual([]);
  });

  test('reports a missing required field by its Chinese name', () => {
    expect(errorsOf('reports', REPORT.replace(/summary:.*\n/, ''))).toMatchInlineSnapshot(`
      [
        "content/x.md:2:1 错误 [schema/missing-field] 缺少必填字段 摘要（summary）。修改方法：补上该字段",
      ]
    `);
  });

  test('rejects a summary over 200 characters and an impossible date', () => {
    const long = REPORT.replace(/summary:.*\n/, `summary: ${'长'.repeat(201)}\n`).replace('date: "2023-05-25"', 'date: "2023-02-30"');
    expect(errorsOf('reports', long)).toMatchInlineSnapshot(`
      [
        "content/x.md:8:7 错误 [schema/invalid-value] 日期（date）：不是存在的日期。修改方法：按填写指南修改",
        "content/x.md:14:10 错误 [schema/invalid-value] 摘要（summary）：摘要不超过 200 个字。修改方法：按填写指南修改",
      ]
    `);
  });

  test('accepts 29 February in a leap year only', () => {
    expect(errorsOf('reports', REPORT.replace('date: "2023-05-25"', 'date: "2024-02-29"'))).toEqual([]);
    expect(errorsOf('reports', REPORT.replace('date: "2023-05-25"', 'date: "2023-02-29"'))).toEqual([
      'content/x.md:8:7 错误 [schema/invalid-value] 日期（date）：不是存在的日期。修改方法：按填写指南修改',
    ]);
  });

  test('keeps every value a string: unquoted numbers, octal-looking numbers and dates are read as written', () => {
    const unquoted = REPORT.replace('region: "610100"', 'region: 610100')
      .replace('date: "2023-05-25"', 'date: 2023-05-25')
      .replace('title: 创新机制提振精神切实破解薄弱问题', 'title: 0017');
    const result = parseCollectionEntry('reports', 'x', 'x.md', unquoted);
    if (Array.isArray(result)) throw new Error(result.map(formatDiagnostic).join('\n'));
    expect([result.data.region, result.data.date, result.data.title]).toEqual(['610100', '2023-05-25', '0017']);
  });
});

describe('CaseSchema', () => {
  const CASE = `---
title: 秦都区“1+3”基层履职协商平台
region: "610402"
organization: 秦都区政协
year: "2023"
themes:
  - grassroots-consultation
summary: 摘要。
sources:
  - reports/2023/qindu
metrics:
  - label: 协商议政活动
    value: "90"
    unit: 场次
---

## 背景
`;
  test('accepts a case and reads its year as a number', () => {
    const result = parseCollectionEntry('cases', '2023/a', 'a.md', CASE);
    expect(!Array.isArray(result) && result.data.year).toBe(2023);
  });

  test('rejects a source that names no collection and a metric value with words', () => {
    expect(errorsOf('cases', CASE.replace('reports/2023/qindu', '2023/qindu').replace('value: "90"', 'value: 九十'))).toMatchInlineSnapshot(`
      [
        "content/x.md:10:5 错误 [schema/invalid-value] 出处（sources） › 第 1 项：出处应写成已收录条目的编号（如 reports/2023/xian）、https:// 开头的网址，或写明刊物、期次、日期（如《陕西政协》2024年第3期）。修改方法：按填写指南修改",
        "content/x.md:13:12 错误 [schema/invalid-value] 数据（metrics） › 第 1 项 › 数值（value）：数值只能是数字，例如 23 或 1.5。修改方法：按填写指南修改",
      ]
    `);
  });

  test('accepts a printed source written out in Chinese, and checks an entry id written as one', () => {
    const printed = parseCollectionEntry('cases', '2023/a', 'a.md', CASE.replace('reports/2023/qindu', '《陕西政协》2024年第3期，第12页'));
    expect(Array.isArray(printed)).toBe(false);
    const ids = { reports: new Set<string>(), cases: new Set<string>(), rules: new Set<string>(), themes: new Set(['grassroots-consultation']) };
    if (Array.isArray(printed)) return;
    expect(unresolvedReferences(printed, ids).map((d) => d.rule)).toEqual([]);
    const missing = parseCollectionEntry('cases', '2023/a', 'a.md', CASE);
    if (Array.isArray(missing)) throw new Error('invalid fixture');
    expect(unresolvedReferences(missing, ids).map((d) => d.rule)).toContain('reference/unresolved');
  });
});

describe('RuleSchema', () => {
  const RULE = `---
title: 协商工作规则
issuers:
  - 西安市政协
region: "610100"
mentionedIn:
  - 2023/xian
---
`;
  test('defaults the status to 未知', () => {
    const result = parseCollectionEntry('rules', 'a', 'a.md', RULE);
    expect(!Array.isArray(result) && result.data.status).toBe('未知');
  });

  test('rejects a title in 《》 and an unknown status', () => {
    expect(errorsOf('rules', RULE.replace('title: 协商工作规则', 'title: 《协商工作规则》\nstatus: 有效'))).toMatchInlineSnapshot(`
      [
        "content/x.md:2:8 错误 [schema/invalid-value] 文件名称（title）：文件名称不要带书名号《》。修改方法：按填写指南修改",
        "content/x.md:3:9 错误 [schema/invalid-value] 状态（status）：状态只能是：现行、已修订、已废止、未知。修改方法：按填写指南修改",
      ]
    `);
  });
});

describe('RuleSchema issuers', () => {
  test('a name in issuers over 40 characters is refused at its line, as an organization is', () => {
    const rule = `---\ntitle: 协商工作规则\nissuers:\n  - 西安市政协\n  - ${'很'.repeat(41)}\nregion: "610100"\n---\n`;
    const errors = parseCollectionEntry('rules', 'a', 'content/x.md', rule);
    expect(Array.isArray(errors) && errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/^content\/x\.md:5:\d+ 错误 \[schema\/[a-z-]+\] .*单位名称过长/)]);
    expect(errorsOf('rules', rule.replace('很'.repeat(41), '很'.repeat(40)))).toEqual([]);
  });
});

describe('parseEntry', () => {
  test('refuses JavaScript frontmatter without running it', () => {
    const text = '---js\n{ title: (globalThis.pwned = true, "x") }\n---\n';
    expect(errorsOf('reports', text)[0]).toContain('[parse/frontmatter-language]');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test('refuses any frontmatter language but YAML, naming it, and reads ---yaml like ---', () => {
    expect(errorsOf('reports', '---toml\ntitle = "x"\n---\n')).toEqual([
      'content/x.md:1:1 错误 [parse/frontmatter-language] 不支持 TOML 格式的文件头，文件头只能是 YAML。修改方法：把第一行改成 ---，文件头用 YAML 书写',
    ]);
    expect(errorsOf('reports', '---ruby\nx\n---\n')[0]).toContain('不支持 ruby 格式的文件头');
    expect(errorsOf('reports', REPORT.replace(/^---/, '---yaml'))).toEqual([]);
  });

  test('splits at the first line that starts with --- and keeps the body as written', () => {
    const result = parseEntry(REPORT.replace('正文。\n', '正文。\n\n---\n\n分隔线之后。\n'), 'x.md');
    if (Array.isArray(result)) throw new Error(result.map(formatDiagnostic).join('\n'));
    expect(result.body).toBe('\n正文。\n\n---\n\n分隔线之后。\n');
    expect(result.bodyLine).toBe(16);
    expect(result.locate(['summary'])).toEqual({ line: 14, column: 10 });
  });

  test('refuses YAML aliases and custom tags', () => {
    expect(errorsOf('reports', REPORT.replace('title: 创新', 'title: &a 创新').replace('organization: 西安市政协', 'organization: *a'))[0]).toContain('[parse/yaml-alias]');
    expect(errorsOf('reports', REPORT.replace('organization: 西安市政协', 'organization: !!js/function x'))[0]).toContain('[parse/');
  });

  test('refuses duplicate keys and bidi control characters', () => {
    expect(errorsOf('reports', REPORT.replace('organization: 西安市政协', 'organization: 西安市政协\norganization: 别处'))[0]).toContain('[parse/yaml]');
    expect(errorsOf('reports', REPORT.replace('正文。', '正文\u202E。'))[0]).toContain('content/x.md:17:3 错误 [parse/bidi-control]');
  });
});
