import { describe, expect, test } from 'vitest';
import { entryListItem, entryListItems, LIST_SUMMARY_CHARS } from '../../../src/lib/site/entry-list-html.ts';
import { toEntry } from '../../../src/lib/entry.ts';
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
    const html = entryListItem({ ...kase!, title: '<script>alert(1)</script> & “方案”', organization: 'A"B', summary: "it's <b>" }, 'h2');
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

  test('a list is its items in order, at the heading level asked for', () => {
    expect(entryListItems([kase!, report!], 'h2')).toBe(entryListItem(kase!, 'h2') + entryListItem(report!, 'h2'));
    expect(entryListItems([kase!], 'h3')).toContain('<h3>');
  });
});
