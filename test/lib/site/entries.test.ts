import { describe, expect, test } from 'vitest';
import { plainText } from '../../../src/lib/site/entries.ts';
import { linkEntries } from '../../../src/lib/site/links.ts';
import { byDate, byRegion, comparePinyin } from '../../../src/lib/site/sort.ts';
import { joinBase } from '../../../src/lib/site/url.ts';
import { rawEntries, siteEntries } from './fixtures.ts';

describe('toSiteEntry', () => {
  test('gives every collection the same fields, with the path on the site as key', () => {
    expect(siteEntries.map((e) => [e.key, e.date, e.year, e.organization])).toEqual([
      ['reports/2023/xian', '2023-05-25', 2023, '西安市政协'],
      ['cases/2023/xian', '2023', 2023, '西安市政协'],
      ['cases/2023/qindu', '2022', 2022, '秦都区政协'],
      ['rules/qindu-rules', undefined, undefined, '秦都区政协'],
    ]);
  });

  test('summarises a rule, which has no summary field, by the opening of its text', () => {
    expect(siteEntries[3]?.summary).toBe('全文暂缺。');
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
    expect(byDate(siteEntries).map((e) => e.key)).toEqual(['reports/2023/xian', 'cases/2023/xian', 'cases/2023/qindu', 'rules/qindu-rules']);
  });

  test('byRegion groups by region in pinyin order of province, city, county', () => {
    expect(byRegion(siteEntries).map((g) => [g.region, g.entries.length])).toEqual([
      ['610100', 2],
      ['610402', 2],
    ]);
  });
});

describe('linkEntries', () => {
  const links = linkEntries(rawEntries);

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
