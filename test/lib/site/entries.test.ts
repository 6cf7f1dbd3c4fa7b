import { describe, expect, test } from 'vitest';
import { plainText } from '../../../src/lib/plain-text.ts';
import type { LocatedEntry } from '../../../src/lib/library.ts';
import { authorsOf, relatedBeyondLinks, showsSummary } from '../../../src/lib/site/entry-page.ts';
import { linkEntries } from '../../../src/lib/site/links.ts';
import { byDate, byDateOnce, byRegion, comparePinyin } from '../../../src/lib/site/sort.ts';
import { joinBase } from '../../../src/lib/site/url.ts';
import { entries } from './fixtures.ts';

describe('toEntry', () => {
  test('gives every collection the same fields, with the path on the site as key', () => {
    expect(entries.map((e) => [e.key, e.date, e.year, e.organization])).toEqual([
      ['reports/2023/xian', '2023-05-25', 2023, '西安市政协'],
      ['cases/2023/xian', '2023', 2023, '西安市政协'],
      ['cases/2023/qindu', '2022', 2022, '秦都区政协'],
      ['rules/qindu-rules', undefined, undefined, '秦都区政协'],
    ]);
  });

  test('summarises a rule, which has no summary field, by the opening of its text', () => {
    expect(entries[3]?.summary).toBe('全文暂缺。');
  });
});

describe('plainText', () => {
  test('drops Markdown syntax but keeps the words', () => {
    expect(plainText('## 做法\n\n- **委员**工作室 [秦商量](https://x.example)\n> 引用')).toBe('做法 委员工作室 秦商量 引用');
  });
});

describe('joinBase', () => {
  test('joins a base path and a site path with one slash', () => {
    expect(joinBase('/casebook/', 'cases/')).toBe('/casebook/cases/');
    expect(joinBase('/casebook', '/cases/')).toBe('/casebook/cases/');
    expect(joinBase('/', '')).toBe('/');
  });
});

describe('sorting', () => {
  test('orders Chinese by pinyin, not by code point', () => {
    expect(['西安', '安康', '宝鸡', '汉中'].sort(comparePinyin)).toEqual(['安康', '宝鸡', '汉中', '西安']);
  });

  test('byDate puts the newest first and undated entries last', () => {
    expect(byDate(entries).map((e) => e.key)).toEqual(['reports/2023/xian', 'cases/2023/xian', 'cases/2023/qindu', 'rules/qindu-rules']);
  });

  test('byRegion groups by region in pinyin order of province, city, county', () => {
    expect(byRegion(entries).map((g) => [g.region, g.entries.length])).toEqual([
      ['610100', 2],
      ['610402', 2],
    ]);
  });
});

describe('linkEntries', () => {
  const links = linkEntries(entries);

  test('links a case to its sources and each source back to the case', () => {
    expect(links.get('cases/2023/xian')?.sources).toEqual(['reports/2023/xian']);
    expect(links.get('reports/2023/xian')?.cases).toEqual(['cases/2023/xian']);
    expect(links.get('rules/qindu-rules')?.cases).toEqual(['cases/2023/qindu']);
  });

  test('links a rule to the reports that mention it and back', () => {
    expect(links.get('rules/qindu-rules')?.mentionedIn).toEqual(['reports/2023/xian']);
    expect(links.get('reports/2023/xian')?.rules).toEqual(['rules/qindu-rules']);
  });

  test('fills in 借鉴自 from the other side’s 推广至', () => {
    expect(links.get('cases/2023/xian')?.adoptedBy).toEqual(['cases/2023/qindu']);
    expect(links.get('cases/2023/qindu')?.adaptedFrom).toEqual(['cases/2023/xian']);
  });
});

describe('entry page', () => {
  const [report, caseXian, caseQindu, rule] = entries as [LocatedEntry<'reports'>, LocatedEntry<'cases'>, LocatedEntry<'cases'>, LocatedEntry<'rules'>];

  test('hides a summary that the text opens with, and a rule’s, which is its own opening', () => {
    const opensWithSummary = { ...report, body: `${report.summary}\n\n更多内容。` };
    expect(showsSummary(opensWithSummary)).toBe(false);
    expect(showsSummary(report)).toBe(true);
    expect(showsSummary(rule)).toBe(false);
  });

  test('cites a report by its speaker, a rule by each issuer, a case by its organization', () => {
    expect(authorsOf(report)).toEqual(['张三']);
    expect(authorsOf({ ...rule, data: { ...rule.data, issuers: ['秦都区政协', '秦都区人民政府'] } })).toEqual(['秦都区政协', '秦都区人民政府']);
    expect(authorsOf(caseQindu)).toEqual(['秦都区政协']);
  });

  test('leaves out of 相关条目 what 关联条目 already lists', () => {
    const related = [{ entry: report, score: 0.9 }, { entry: caseQindu, score: 0.5 }, { entry: rule, score: 0.2 }];
    const links = linkEntries(entries).get(caseXian.key);
    expect(relatedBeyondLinks(related, links).map((r) => r.entry.key)).toEqual(['rules/qindu-rules']);
  });
});

describe('byDateOnce: the site sorts each page’s entries by positions worked out once', () => {
  test('puts any entries drawn from one collection in the order byDate gives them', () => {
    const cases = Array.from({ length: 40 }, (_, i) => ({ key: `cases/${i}`, date: String(2015 + (i % 7)), title: `${['委员工作室', '书香政协', '秦商量', '协商议事'][i % 4] ?? ''}${i % 3}` }));
    const reports = Array.from({ length: 12 }, (_, i) => ({ key: `reports/${i}`, date: `2023-0${1 + (i % 9)}-1${i % 10}`, title: `发言${i % 5}` }));
    const sort = byDateOnce([cases, reports]);
    for (const group of [cases, reports]) {
      for (let step = 1; step <= 5; step++) {
        const drawn = group.filter((_, i) => i % step === 0);
        expect(sort(drawn)).toEqual(byDate(drawn));
      }
    }
    expect(sort([cases[3]!, cases[1]!]).map((e) => e.key)).toEqual(byDate([cases[3]!, cases[1]!]).map((e) => e.key));
    expect(() => sort([cases[0]!, { key: 'rules/unknown' }])).toThrow('rules/unknown');
  });
});
