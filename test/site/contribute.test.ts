/** The /contribute/ form as a contributor uses it: problems while typing, then GitHub's new-file page with the file filled in. */
import { describe, expect, test } from 'vitest';
import { parseCollectionEntry } from '../../src/lib/library.ts';
import { useBrowserPage, siteUrl } from './browser.ts';

const getPage = useBrowserPage();

describe('contribute page', () => {
  test('lists what is missing, marks the fields, and offers no submit link until the case is complete', async () => {
    await getPage().goto(siteUrl('contribute/'));
    await expect.poll(() => getPage().locator('#case-status').textContent()).toMatch(/还有 \d+ 处需要修改/);
    await getPage().fill('#f-region', '6104');
    await expect.poll(() => getPage().locator('#e-region').textContent()).toContain('行政区划代码应为 6 位数字');
    expect(await getPage().getAttribute('#f-region', 'aria-invalid')).toBe('true');
    expect(await getPage().getAttribute('#case-submit', 'href')).toBeNull();
  });

  test('once complete, links to GitHub’s new-file page with a file that passes the schema', async () => {
    await getPage().goto(siteUrl('contribute/'));
    const values: Record<string, string> = {
      '#f-title': '秦都区街道政协工作联络组',
      '#f-region': '610402',
      '#f-organization': '秦都区政协',
      '#f-year': '2023',
      '#f-summary': '在街道设立政协工作联络组。',
      '#f-background': '基层协商缺少固定平台。',
      '#f-practice': '在街道设立政协工作联络组。',
      '#f-results': '健全了工作格局。',
      '#f-sources': 'reports/2023/qindu',
      '#f-slug': 'qindu-liaison-groups',
    };
    for (const [selector, value] of Object.entries(values)) await getPage().fill(selector, value);
    await getPage().check('input[name="themes"][value="grassroots-consultation"]');
    await expect.poll(() => getPage().locator('#case-status').textContent()).toBe('检查通过，可以提交。');
    const link = new URL((await getPage().getAttribute('#case-submit', 'href')) ?? '');
    expect(link.pathname).toMatch(/\/new\/main\/content\/cases\/2023$/);
    expect(link.searchParams.get('filename')).toBe('qindu-liaison-groups.md');
    const entry = parseCollectionEntry('cases', '2023/qindu-liaison-groups', 'x.md', link.searchParams.get('value') ?? '');
    expect(Array.isArray(entry)).toBe(false);
  });
});
