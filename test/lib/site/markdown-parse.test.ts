/**
 * Entry bodies are parsed by Sätteri (markdownTree) and then go through the
 * same unified steps as before. The HTML must be what remark-parse with
 * remark-gfm gave, byte for byte, for every construct a contributor writes.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { readSiteContent } from '../../../src/lib/site-content.ts';
import { renderEntryBody, renderMarkdownTree } from '../../../src/lib/site/markdown.ts';

const remark = unified().use(remarkParse).use(remarkGfm);

/** The body rendered from remark's tree, as the site rendered it before. */
async function viaRemark(body: string): Promise<string> {
  const tree = (await remark.run(remark.parse(body))) as Root;
  return (await renderMarkdownTree(tree, body)).html;
}

const CONSTRUCTS = [
  '## 一、建立委员工作室\n\n正文第一段。\n\n## 一、建立委员工作室\n\n同名标题得到不同的编号。',
  '- 深入开展作风建设\n- 落实“每日一小时”学习\n  1. 第一项\n  2. 第二项\n\n3) 另一种编号',
  '| 项目 | 次数 |\n| :--- | ---: |\n| 协商 | 3 |\n| 调研 | 12 |',
  '委员**履职**情况，*重点*工作，~~删去~~，`代码`。',
  '**“秦商量”**平台，委员**（主任）**工作',
  '见[西安市政协](https://example.org/xian)和 https://www.gov.cn 以及 <https://example.org>。',
  '![图片](chart.png "标题")\n\n[引用]: https://example.org',
  '正文[^1]，再次[^1]。\n\n[^1]: 出处：《陕西政协》2023 年第 5 期。',
  '- [x] 已完成\n- [ ] 未完成',
  '> 引文第一行\n> 引文第二行\n\n---\n\n```\n代码块 <b>\n```',
  '<script>alert(1)</script>\n\n<b>粗体</b>和<!-- 注释 -->以及&amp;、&copy;。',
  '[点这里](javascript:alert(1)) 和 [数据](data:text/html,x)',
  '第一行  \n第二行\\\n第三行',
  '\n---\n一、开头是分隔线\n---\n\n二、开展协商',
  '---\n一、第一行就是分隔线\n---\n\n二、开展协商',
  '标题\n===\n\n副标题\n---',
];

describe('Markdown parsed by Sätteri', () => {
  test.each(CONSTRUCTS)('renders %j as remark-parse did', async (body) => {
    expect((await renderEntryBody(body)).html).toBe(await viaRemark(body));
  });

  test('every bundled entry renders as it did', async () => {
    const { entries } = readSiteContent('content');
    const bodies = [...entries.reports, ...entries.cases, ...entries.rules].map((e) => e.body);
    expect(bodies.length).toBeGreaterThan(50);
    for (const body of bodies) expect((await renderEntryBody(body)).html).toBe(await viaRemark(body));
  });
});
