import { describe, expect, test } from 'vitest';
import { rendererFor, renderBodies } from '../../../src/loaders/entry-loader.ts';

const bodies = Array.from({ length: 40 }, (_, i) => ({
  body: `## 第${i + 1}部分\n\n委员工作室第 ${i + 1} 次活动，<b>原样显示</b>。\n\n| 项目 | 次数 |\n| --- | --- |\n| 协商 | ${i} |\n`,
  display: `content/cases/2023/c${i}.md`,
}));

describe('rendering entry bodies for the site', () => {
  test('a large library renders half in a worker thread, with the same pages as rendering it all here', async () => {
    const here = await renderBodies(bodies);
    const helper = rendererFor(2000);
    expect(helper).toBeDefined();
    const split = await renderBodies(bodies, helper).finally(() => helper?.stop());
    expect(split.map((r) => r.html)).toEqual(here.map((r) => r.html));
    expect(split.map((r) => r.metadata.headings)).toEqual(here.map((r) => r.metadata.headings));
    expect(split[39]?.html).toContain('<h2 id="第40部分">第40部分</h2>');
    expect(split[39]?.html).toContain('&#x3C;b>原样显示&#x3C;/b>');
  }, 60_000);

  test('a body that opens with a thematic break keeps all its text', async () => {
    // Astro's own renderMarkdown would read the lines between the two --- as a frontmatter block and drop them.
    const [{ html } = { html: '' }] = await renderBodies([{ body: '\n---\n一、建立委员工作室\n---\n\n二、开展协商\n', display: 'content/cases/2023/a.md' }]);
    expect(html).toContain('一、建立委员工作室');
    expect(html).toContain('二、开展协商');
  });
});
