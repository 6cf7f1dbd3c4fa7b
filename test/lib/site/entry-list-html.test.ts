import { describe, expect, test } from 'vitest';
import { entryListItem, entryListItems, LIST_SUMMARY_CHARS } from '../../../src/lib/site/entry-list-html.ts';
import { issuersLine, toEntry } from '../../../src/lib/entry.ts';
import { entries } from './fixtures.ts';

const [report, kase] = entries.map((e) => toEntry(e.collection, e.id, e.file, e.data as never, e.body));

describe('entry list items', () => {
  test('show the title as a link, who and where, the date and the summary', () => {
    const html = entryListItem(report!, 'h3');
    expect(html).toMatch(/^<li><h3><a href="\/reports\/2023\/xian\/">[^<]+<\/a><\/h3>/);
    expect(html).toContain(`<time datetime="${report!.date}">${report!.date}</time>`);
    expect(html).toContain(`<p class="byline">${report!.organization} · 陕西省西安市 · `);
  });

  test('escape what a contributor typed, so it is read as text', () => {
    const html = entryListItem({ ...kase!, title: '<script>alert(1)</script> & “方案”', listedBy: 'A"B', summary: "it's <b>" }, 'h2');
    expect(html).toContain('<h2><a href="/cases/2023/xian/">&lt;script&gt;alert(1)&lt;/script&gt; &amp; “方案”</a></h2>');
    expect(html).toContain('A&quot;B');
    expect(html).toContain('<p class="summary">it&#39;s &lt;b&gt;</p>');
    expect(html).not.toContain('<script>');
  });

  test(`cut a summary longer than ${LIST_SUMMARY_CHARS} characters and mark the cut`, () => {
    const long = '协'.repeat(LIST_SUMMARY_CHARS + 5);
    expect(entryListItem({ ...kase!, summary: long }, 'h3')).toContain(`<p class="summary">${'协'.repeat(LIST_SUMMARY_CHARS)}……</p>`);
    expect(entryListItem({ ...kase!, summary: '协'.repeat(LIST_SUMMARY_CHARS) }, 'h3')).not.toContain('……');
  });

  test('name a jointly issued rule by its first issuers and how many there are, in at most 40 characters', () => {
    const issuers = ['咸阳市秦都区政协办公室', '中共咸阳市秦都区委组织部', '咸阳市秦都区民政局', '咸阳市秦都区财政局', '咸阳市秦都区司法局'];
    expect(issuersLine(issuers)).toBe('咸阳市秦都区政协办公室、中共咸阳市秦都区委组织部等 5 家单位');
    expect(issuersLine(issuers.slice(0, 2))).toBe('咸阳市秦都区政协办公室、中共咸阳市秦都区委组织部');
    expect(issuersLine(['很'.repeat(40), '乙'])).toBe(`${'很'.repeat(31)}……等 2 家单位`);
    for (let n = 1; n <= 30; n++) expect(issuersLine(Array.from({ length: n }, (_, i) => `第${i + 1}个单位${'长'.repeat(i % 30)}`)).length).toBeLessThanOrEqual(40);
    const rule = toEntry('rules', 'xian-joint', 'content/rules/xian-joint.md', { title: '关于加强协商工作的意见', issuers, region: '610402', status: '现行', mentionedIn: [] } as never, '全文。');
    expect(rule.organization).toBe(issuers.join('、'));
    expect(entryListItem(rule, 'h3')).toContain('<p class="byline">咸阳市秦都区政协办公室、中共咸阳市秦都区委组织部等 5 家单位 · ');
  });

  test('a list is its items in order, at the heading level asked for', () => {
    expect(entryListItems([kase!, report!], 'h2')).toBe(entryListItem(kase!, 'h2') + entryListItem(report!, 'h2'));
    expect(entryListItems([kase!], 'h3')).toContain('<h3>');
  });
});
