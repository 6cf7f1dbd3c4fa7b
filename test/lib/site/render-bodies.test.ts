import { describe, expect, test } from 'vitest';
import { renderBody } from '../../../src/lib/site/markdown.ts';

describe('rendering entry bodies for the site', () => {
  test('headings get ids, tables render, and raw HTML shows as text', async () => {
    const { html, metadata } = await renderBody('## 第一部分\n\n委员工作室活动，<b>原样显示</b>。\n\n| 项目 | 次数 |\n| --- | --- |\n| 协商 | 3 |\n', 'content/cases/2023/a.md');
    expect(html).toContain('<h2 id="第一部分">第一部分</h2>');
    expect(html).toContain('<td>协商</td>');
    expect(html).toContain('&#x3C;b>原样显示&#x3C;/b>');
    expect(metadata.headings).toEqual([{ depth: 2, slug: '第一部分', text: '第一部分' }]);
  });

  test('a body that opens with a thematic break keeps all its text', async () => {
    // Astro's own renderMarkdown would read the lines between the two --- as a frontmatter block and drop them.
    const { html } = await renderBody('\n---\n一、建立委员工作室\n---\n\n二、开展协商\n', 'content/cases/2023/a.md');
    expect(html).toContain('一、建立委员工作室');
    expect(html).toContain('二、开展协商');
  });
});
