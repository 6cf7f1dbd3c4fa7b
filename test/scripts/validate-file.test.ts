import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { slugIndex, type ValidationContext } from '../../scripts/lib/validate/context.ts';
import { RULES } from '../../scripts/lib/validate/rules.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const themes = readThemes('content/themes.yaml');
const SOURCE = '以界别为依托，建设23个委员工作室。组建29个界别委员参加的“委员宣讲团”。';
const ids = {
  reports: new Set(['2023/xian']),
  cases: new Set(['2023/xian-member-studios', '2022/xian-lectures']),
  rules: new Set(['xian-xsgzgz']),
  themes: new Set(themes.map((t) => t.id)),
};
const context: ValidationContext = {
  ids,
  idsBySlug: slugIndex(ids),
  themes,
  entryText: (collection, id) => (collection === 'reports' && id === '2023/xian' ? SOURCE : undefined),
};

const FILE = 'content/cases/2023/xian-member-studios.md';
const CASE = `---
title: 西安市按界别建设委员工作室
region: "610100"
organization: 西安市政协
year: "2023"
themes:
  - member-studio
summary: 以界别为依托建设委员工作室。
sources:
  - reports/2023/xian
metrics:
  - label: 委员工作室
    value: "23"
    unit: 个
---

## 背景

委员力量分散。

## 做法

以界别为依托，建设23个委员工作室。

## 成效

组建29个界别委员参加的“委员宣讲团”。
`;

const emitted = new Set<string>();
function check(text: string | Uint8Array, file = FILE, isSymlink = false): string[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const found = validateFile({ file, bytes, isSymlink }, context);
  found.forEach((d) => emitted.add(d.rule));
  return found.map(formatDiagnostic);
}

describe('validateFile', () => {
  test('passes a well-formed case with no message at all', () => {
    expect(check(CASE)).toEqual([]);
  });

  describe('safe parsing', () => {
    test('parse/file-too-large', () => {
      expect(check(CASE + '字'.repeat(90_000))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [parse/file-too-large] 文件有 264 KiB，超过上限 256 KiB。修改方法：拆分成几个条目，或删去与案例无关的内容",
        ]
      `);
    });
    test('parse/not-utf8', () => {
      expect(check(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc9, 0xff]))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [parse/not-utf8] 文件不是 UTF-8 编码。修改方法：用编辑器“另存为 UTF-8”后重新提交",
        ]
      `);
    });
    test('parse/nul-byte', () => {
      expect(check(CASE.replace('委员力量分散', '委员\u0000力量'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:3 错误 [parse/nul-byte] 文件中有空字符（NUL）。修改方法：删除该字符",
        ]
      `);
    });
    test('parse/bidi-control', () => {
      expect(check(CASE.replace('委员力量分散', '委员\u2066力量'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:3 错误 [parse/bidi-control] 文件中有双向文本控制字符，可能隐藏真实内容。修改方法：删除该字符",
        ]
      `);
    });
    test('parse/no-frontmatter', () => {
      expect(check('## 背景\n\n正文')).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [parse/no-frontmatter] 文件开头缺少 --- 包围的文件头。修改方法：第一行写 ---，接着写元数据，再写一行 ---，然后是正文",
        ]
      `);
    });
    test('parse/frontmatter-language', () => {
      expect(check(CASE.replace(/^---\n/, '---js\n'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [parse/frontmatter-language] 不支持 JavaScript 格式的文件头，文件头只能是 YAML。修改方法：把第一行改成 ---，文件头用 YAML 书写",
        ]
      `);
    });
    test('parse/yaml', () => {
      expect(check(CASE.replace('year: "2023"', 'year: "2023\n  bad: [x'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:6:10 错误 [parse/yaml] 文件头 YAML 有误：缺少配对的引号或括号。修改方法：检查缩进、冒号和引号是否成对",
        ]
      `);
    });
    test('parse/yaml-alias', () => {
      expect(check(CASE.replace('organization: 西安市政协', 'organization: &o 西安市政协\nx: *o'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:4:18 错误 [parse/yaml-alias] 文件头不允许使用 YAML 锚点、别名或自定义标签。修改方法：把 &、* 和 ! 开头的写法改成直接写出的值",
        ]
      `);
    });
    test('parse/frontmatter-too-large', () => {
      expect(check(CASE.replace('summary:', `# ${'注'.repeat(6000)}\nsummary:`))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [parse/frontmatter-too-large] 文件头超过 16 KiB。修改方法：文件头只放元数据，正文写在 --- 之后",
        ]
      `);
    });
  });

  describe('schema', () => {
    test('schema/missing-field', () => {
      expect(check(CASE.replace('organization: 西安市政协\n', ''))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:2:1 错误 [schema/missing-field] 缺少必填字段 单位（organization）。修改方法：补上该字段",
        ]
      `);
    });
    test('schema/unknown-field', () => {
      expect(check(CASE.replace('year:', 'author: 张三\nyear:'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:5:9 错误 [schema/unknown-field] 文件头中有未知字段：author。修改方法：删除该字段，或检查拼写（字段名区分大小写，不能有全角空格）",
        ]
      `);
    });
    test('schema/invalid-type', () => {
      expect(check(CASE.replace('sources:\n  - reports/2023/xian', 'sources: reports/2023/xian'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:9:10 错误 [schema/invalid-type] 出处（sources） 的格式不对：无效输入：期望 数组，实际接收 string。修改方法：写成以“- ”开头的列表",
        ]
      `);
    });
    test('schema/invalid-value', () => {
      expect(check(CASE.replace('year: "2023"', 'year: 二〇二三'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:5:7 错误 [schema/invalid-value] 年份（year）：年份应为四位数字，例如 2023。修改方法：按填写指南修改",
        ]
      `);
    });
  });

  describe('location', () => {
    test('path/symlink', () => {
      expect(check(CASE, FILE, true)).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [path/symlink] 不接受符号链接。修改方法：提交文件本身，而不是指向它的链接",
        ]
      `);
    });
    test('path/not-markdown: .mdx and .svg are refused', () => {
      expect([...check(CASE, FILE.replace('.md', '.mdx')), ...check('<svg/>', 'content/cases/2023/x.svg')]).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.mdx:1:1 错误 [path/not-markdown] 只接受 .md 文件，不接受 .mdx。修改方法：把内容写成 Markdown（.md）文件；.mdx、.svg、网页等不会被接受",
          "content/cases/2023/x.svg:1:1 错误 [path/not-markdown] 只接受 .md 文件，不接受 .svg。修改方法：把内容写成 Markdown（.md）文件；.mdx、.svg、网页等不会被接受",
        ]
      `);
    });
    test('path/not-markdown: a name without an extension is called that, even under a folder with a dot', () => {
      expect([...check(CASE, 'content/cases/2023/notes'), ...check(CASE, 'content/v1.2/README')].map((line) => line.split('。')[0])).toEqual([
        'content/cases/2023/notes:1:1 错误 [path/not-markdown] 只接受 .md 文件，不接受 无扩展名的文件',
        'content/v1.2/README:1:1 错误 [path/not-markdown] 只接受 .md 文件，不接受 无扩展名的文件',
      ]);
    });
    test('path/location', () => {
      expect(check(CASE, 'content/cases/Xian Studios.md')).toMatchInlineSnapshot(`
        [
          "content/cases/Xian Studios.md:1:1 错误 [path/location] 位置或文件名不对（“Xian Studios.md”）：应放在四位年份的目录中（如 2023/）；文件名只能用小写字母、数字和连字符（-），以 .md 结尾。修改方法：改名为 content/cases/<年份>/xian-studios.md（参照 content/cases/2023/qindu-consultation-platform.md 的格式）",
        ]
      `);
    });
    test('path/location: a file name over 80 characters is refused, with a shorter name cut between words', () => {
      const words = Array.from({ length: 12 }, (_, i) => `weiyuan${i}`).join('-');
      const [line] = check(CASE, `content/cases/2023/${words}.md`);
      expect(line).toContain(`文件名太长（${words.length} 个字符）：不能超过 80 个字符`);
      const suggested = /改名为 content\/cases\/2023\/([a-z0-9-]+)\.md/.exec(line ?? '')?.[1] ?? '';
      expect(suggested.length).toBeLessThanOrEqual(80);
      expect(words.startsWith(`${suggested}-`)).toBe(true);
      expect(check(CASE, `content/cases/2023/${'x'.repeat(80)}.md`).filter((l) => l.includes('path/location'))).toEqual([]);
      expect(check(CASE, `content/cases/2023/${'x'.repeat(81)}.md`)[0]).toContain(`改名为 content/cases/2023/${'x'.repeat(80)}.md`);
    });
    test('path/year-mismatch', () => {
      expect(check(CASE, 'content/cases/2024/xian-member-studios.md')).toMatchInlineSnapshot(`
        [
          "content/cases/2024/xian-member-studios.md:1:1 错误 [id/duplicate] 编号“xian-member-studios”已被 2023/xian-member-studios 使用。修改方法：换一个文件名，例如在末尾加上地区或做法的拼音",
          "content/cases/2024/xian-member-studios.md:5:7 错误 [path/year-mismatch] 文件在 2024 年的目录中，但年份是 2023。修改方法：把文件移到 2023 年的目录，或改正年份",
        ]
      `);
    });
    test('id/duplicate', () => {
      expect(check(CASE, 'content/cases/2023/xian-lectures.md')).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-lectures.md:1:1 错误 [id/duplicate] 编号“xian-lectures”已被 2022/xian-lectures 使用。修改方法：换一个文件名，例如在末尾加上地区或做法的拼音",
        ]
      `);
    });
  });

  describe('references', () => {
    test('region/organization-mismatch', () => {
      expect(check(CASE.replace('organization: 西安市政协', 'organization: 宝鸡市政协'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:4:15 错误 [region/organization-mismatch] 行政区划代码 610100 是“西安市”，与“宝鸡市政协”不符。修改方法：核对行政区划代码，或把单位名称写全（应含“西安”）",
        ]
      `);
    });
    test('theme/unknown suggests the closest themes by synonym and by spelling', () => {
      expect(check(CASE.replace('  - member-studio', '  - 书香政协\n  - member-studios'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:7:5 错误 [theme/unknown] 主题“书香政协”不在主题词表中。修改方法：改用最接近的主题：scholarly-cppcc（书香政协）",
          "content/cases/2023/xian-member-studios.md:8:5 错误 [theme/unknown] 主题“member-studios”不在主题词表中。修改方法：改用最接近的主题：member-studio（委员工作室）",
        ]
      `);
    });
    test('reference/unresolved', () => {
      expect(check(CASE.replace('  - reports/2023/xian', '  - reports/2023/xian\n  - reports/2023/nowhere'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:11:5 错误 [reference/unresolved] 出处“reports/2023/nowhere”不存在。修改方法：检查编号是否拼写正确，或先提交被引用的条目",
        ]
      `);
    });
  });

  describe('case content', () => {
    test('case/missing-section', () => {
      expect(check(CASE.replace('## 成效', '## 结果'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:16:1 错误 [case/missing-section] 缺少“成效”一节。修改方法：在正文中加上一行 ## 成效，并写明相应内容",
        ]
      `);
    });
    test('case/unsupported-figure is a warning', () => {
      expect(check(CASE.replace('建设23个', '建设32个').replace('value: "23"', 'value: "24"'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:13:12 警告 [case/unsupported-figure] 数据“委员工作室 24个”在所引出处中找不到。修改方法：只写出处中写明的数字",
          "content/cases/2023/xian-member-studios.md:23:10 警告 [case/unsupported-figure] 数字“32”在所引出处中找不到。修改方法：只写出处中写明的数字；若数字来自其他材料，请把该材料列入 sources",
        ]
      `);
    });
  });

  describe('unsafe Markdown', () => {
    test('content/raw-html', () => {
      expect(check(CASE.replace('委员力量分散。', '<img src=x onerror=alert(1)>'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:1 错误 [content/raw-html] 正文中有 HTML 代码：<img src=x onerror=alert(1)>。修改方法：改用 Markdown 写法：标题用 ##，加粗用 **文字**，链接用 [文字](https://…)",
        ]
      `);
    });
    test('content/script', () => {
      expect(check(CASE.replace('委员力量分散。', '<script>alert(1)</script>'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:1 错误 [content/script] 正文中嵌入了脚本。修改方法：删除 <script> 代码",
        ]
      `);
    });
    test('content/dangerous-link, also when disguised', () => {
      const text = CASE.replace('委员力量分散。', '[一](javascript:alert(1)) [二](JaVa&#x09;Script:alert(1)) [三](data:text/html,x) <vbscript:x>');
      expect(check(text)).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:1 错误 [content/dangerous-link] 链接使用了不安全的“javascript:”地址。修改方法：链接只能以 https:// 或 http:// 开头",
          "content/cases/2023/xian-member-studios.md:19:26 错误 [content/dangerous-link] 链接使用了不安全的“javascript:”地址。修改方法：链接只能以 https:// 或 http:// 开头",
          "content/cases/2023/xian-member-studios.md:19:57 错误 [content/dangerous-link] 链接使用了不安全的“data:”地址。修改方法：链接只能以 https:// 或 http:// 开头",
          "content/cases/2023/xian-member-studios.md:19:79 错误 [content/dangerous-link] 链接使用了不安全的“vbscript:”地址。修改方法：链接只能以 https:// 或 http:// 开头",
        ]
      `);
    });
  });

  describe('personal data and secrecy', () => {
    test('privacy/id-number only with a valid check digit', () => {
      expect(check(CASE.replace('委员力量分散。', '身份证11010519491231002X，号码110105194912310021。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:4 错误 [privacy/id-number] 含有居民身份证号码。修改方法：删除身份证号码，案例库不收录个人信息",
        ]
      `);
    });
    test('privacy/mobile-number', () => {
      expect(check(CASE.replace('委员力量分散。', '联系电话13912345678。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:5 错误 [privacy/mobile-number] 含有手机号码 139****5678。修改方法：删除手机号码；如需联系方式，请写单位办公电话",
        ]
      `);
    });
    test('secrecy/marking', () => {
      expect(check(CASE.replace('委员力量分散。', '本材料为内部资料。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:5 错误 [secrecy/marking] 含有“内部资料”字样。修改方法：涉密或内部资料不能公开投稿；如确属公开信息，请删去该标注并确认已可公开",
        ]
      `);
    });
  });

  describe('text damage (warnings with the corrected text)', () => {
    test('text/traditional', () => {
      expect(check(CASE.replace('委员力量分散。', '委員力量分散。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:2 警告 [text/traditional] 有繁体字：“員”。修改方法：改为：委员力量分散。（可运行 npm run fix -- content/cases/2023/xian-member-studios.md 自动修改）",
        ]
      `);
    });
    test('text/pinyin-reading', () => {
      expect(check(CASE.replace('委员力量分散。', '委员力(lì)量分散。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:4 警告 [text/pinyin-reading] 字后粘有拼音注音：“(lì)”。修改方法：改为：委员力量分散。（可运行 npm run fix -- content/cases/2023/xian-member-studios.md 自动修改）",
        ]
      `);
    });
    test('text/ascii-punctuation', () => {
      expect(check(CASE.replace('委员力量分散。', '委员力量分散,亟待整合。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:7 警告 [text/ascii-punctuation] 中文之间用了半角标点：“,”。修改方法：改为：委员力量分散，亟待整合。（可运行 npm run fix -- content/cases/2023/xian-member-studios.md 自动修改）",
        ]
      `);
    });
  });

  describe('files that cannot be read, damaged text and formulas', () => {
    const unreadable = (problem: 'missing' | 'not-regular-file' | 'unreadable') => {
      const found = validateFile({ file: FILE, bytes: new Uint8Array(), isSymlink: false, unreadable: { problem } }, context);
      found.forEach((d) => emitted.add(d.rule));
      return found.map(formatDiagnostic);
    };
    test('path/missing, path/not-regular-file, path/unreadable', () => {
      expect([...unreadable('missing'), ...unreadable('not-regular-file'), ...unreadable('unreadable')]).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:1:1 错误 [path/missing] 文件不存在。修改方法：检查文件名是否拼写正确",
          "content/cases/2023/xian-member-studios.md:1:1 错误 [path/not-regular-file] 不是普通文件（可能是目录、管道或设备），不会被读取。修改方法：提交普通的 .md 文件，不要提交目录、管道或设备文件",
          "content/cases/2023/xian-member-studios.md:1:1 错误 [path/unreadable] 无法读取该文件（检查文件名和权限）。修改方法：把文件改成只用小写字母、数字和连字符的名字后重新提交",
        ]
      `);
    });
    test('text/damaged', () => {
      expect(check(CASE.replace('委员力量分散。', '委员力量\uFFFD\uFFFD分散。'))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:19:5 错误 [text/damaged] 有乱码“��”：替换字符 U+FFFD（�），原文在转换编码时已经丢失。修改方法：对照原始出处改正这几个字；转换编码时不要选“忽略错误”或“替换无效字符”",
        ]
      `);
    });
    test('text/spreadsheet-formula is a warning', () => {
      expect(check(CASE.replace('title: 西安市按界别建设委员工作室', 'title: \'=HYPERLINK("https://x.example","西安")\''))).toMatchInlineSnapshot(`
        [
          "content/cases/2023/xian-member-studios.md:2:8 警告 [text/spreadsheet-formula] 字段 title 的值“=HYPERLINK("https://x.example","西安")”会被电子表格当作公式执行。修改方法：删去开头的 =、+、-、@，或在前面加上文字",
          "content/cases/2023/xian-member-studios.md:2:19 警告 [text/ascii-punctuation] 中文之间用了半角标点：“(”。修改方法：改为：title: '=HYPERLINK（"https://x.example","西安"）'（可运行 npm run fix -- content/cases/2023/xian-member-studios.md 自动修改）",
        ]
      `);
    });
  });

  test('every rule id it can report has a failing input above', () => {
    expect(Object.keys(RULES).filter((rule) => !emitted.has(rule) && rule !== 'parse/frontmatter' && !rule.startsWith('pr/'))).toEqual([]);
  });
});
