/** The model is declared once, in src/schemas/: a new reference field reaches every reader of the model from its schema alone. */
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { parseCollectionEntry, unresolvedReferences, type KnownIds } from '../../src/lib/library.ts';
import { codebook } from '../../src/lib/open-data.ts';
import { linkGroups } from '../../src/lib/references.ts';
import { linkEntries } from '../../src/lib/site/links.ts';
import { COLLECTIONS, type ContentModel } from '../../src/schemas/index.ts';
import { REPORT_WITH_FOLLOW_UPS_REFERENCES, ReportWithFollowUpsSchema } from '../fixtures/model/report-follow-ups.ts';

const model: ContentModel = {
  ...COLLECTIONS,
  reports: { ...COLLECTIONS.reports, schema: ReportWithFollowUpsSchema, references: REPORT_WITH_FOLLOW_UPS_REFERENCES },
};

const report = (followUps: string) => `---
title: 委员工作室建在产业链上
speaker:
  name: 张三
  role: 政协主席
organization: 西安市政协
region: "610100"
date: "2023-05-25"
source:
  publisher: 各界新闻网
  published: "2023-05-25"
themes:
  - member-studio
summary: 西安市政协建设委员工作室。
followUps:
  - ${followUps}
---

正文。
`;

const CASE = `---
title: 委员工作室
region: "610100"
organization: 西安市政协
year: "2023"
themes:
  - member-studio
summary: 建设委员工作室。
sources:
  - https://example.org/a
---

## 背景

正文。
`;

function parse<C extends 'reports' | 'cases'>(collection: C, id: string, text: string) {
  const entry = parseCollectionEntry(collection, id, `content/${collection}/${id}.md`, text, model);
  if (Array.isArray(entry)) throw new Error(entry.map(formatDiagnostic).join('\n'));
  return entry;
}

describe('a reference field added to one schema', () => {
  const ids: KnownIds = { reports: new Set(['2023/xian']), cases: new Set(['2023/studio']), rules: new Set(), themes: new Set(['member-studio']) };

  test('is checked: an id that names no case is an error at its line, named by the collection', () => {
    const entry = parse('reports', '2023/xian', report('2023/nowhere'));
    expect(unresolvedReferences(entry, ids, undefined, model).map(formatDiagnostic)).toEqual([
      'content/reports/2023/xian.md:16:5 错误 [reference/unresolved] 创新案例“2023/nowhere”不存在。修改方法：检查编号是否拼写正确，或先提交被引用的条目',
    ]);
    expect(unresolvedReferences(parse('reports', '2023/xian', report('2023/studio')), ids, undefined, model)).toEqual([]);
  });

  test('is named in schema errors by the label of its description', () => {
    const result = parseCollectionEntry('reports', '2023/xian', 'x.md', report('Not An Id'), model);
    expect(Array.isArray(result) ? result.map((d) => d.message) : []).toEqual([
      '后续案例（followUps） › 第 1 项：条目编号只能用小写字母、数字和连字符，以“/”分隔，例如 2023/xian',
    ]);
  });

  test('links both ways, under the headings it declares', () => {
    const links = linkEntries([parse('reports', '2023/xian', report('2023/studio')), parse('cases', '2023/studio', CASE)], model);
    expect(links.get('reports/2023/xian')?.['followUps']).toEqual(['cases/2023/studio']);
    expect(links.get('cases/2023/studio')?.['followedUpFrom']).toEqual(['reports/2023/xian']);
    expect(linkGroups('reports', model)).toContainEqual({ field: 'followUps', label: '后续案例' });
    expect(linkGroups('cases', model)).toContainEqual({ field: 'followedUpFrom', label: '出自发言' });
  });

  test('appears in the open-data codebook with its description', () => {
    expect(codebook('reports', model)).toContainEqual({ name: 'followUps', header: '后续案例', description: '后续案例：据此发言提炼的案例编号' });
  });
});

describe('linkGroups', () => {
  test('lists an entry page’s links in the order of the pages: own references, then links back', () => {
    expect(linkGroups('reports').map((g) => g.label)).toEqual(['据此提炼的创新案例', '发言中提到的制度文件']);
    expect(linkGroups('cases').map((g) => g.label)).toEqual(['出处', '借鉴自', '推广至']);
    expect(linkGroups('rules').map((g) => g.label)).toEqual(['提到本文件的经验交流', '制定依据', '据此制定的制度文件', '据此提炼的创新案例']);
  });
});
