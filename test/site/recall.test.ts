/**
 * Recall of the search page over CPPCC terms that occur in the bundled
 * content, typed in simplified and in traditional characters. Ground truth:
 * the entries whose text (title, summary, body) contains the term.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, test } from 'vitest';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { plainText } from '../../src/lib/plain-text.ts';
import { allResultLinks, useBrowserPage, searchFor, searchInPage } from './browser.ts';
import { SITE_BASE } from './global-setup.ts';

const TERMS = [
  '委员工作室', '书香政协', '秦商量', '微协商', '社情民意', '特约民主监督员', '协商议事', '界别', '提案', '民主监督',
  '委员履职', '履职能力', '政协委员', '专委会', '协商成果', '读书活动', '有事好商量', '基层协商', '智慧政协', '文史',
  '委员读书', '联系群众', '考核', '两个薄弱', '协商平台', '同心汇', '委员宣讲团', '工作规则', '实施办法', '履职积分',
  '对口协商', '远程协商', '委员活动日', '凝聚共识', '建言资政', '成果转化', '乡村振兴', '营商环境', '产业链', '微调研',
  '微监督', '联络组', '工作站', '常委会', '视察', '读书群', '数字化', '履职通', '网格', '回头看', '金点子', '桢商量',
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const { library } = readLibrary('content');
const entries = [...library.reports, ...library.cases, ...library.rules].map((e) => {
  const data = e.data as { title: string; summary?: string };
  return { path: `${SITE_BASE}${e.collection}/${e.id}/`, text: `${data.title}\n${data.summary ?? ''}\n${plainText(e.body)}` };
});

const getPage = useBrowserPage();

describe('search recall', () => {
  test('every term occurs in the content, so the ground truth is not empty', () => {
    const absent = TERMS.filter((t) => !entries.some((e) => e.text.includes(t)));
    expect(TERMS.length).toBeGreaterThanOrEqual(40);
    expect(absent).toEqual([]);
  });

  test('finds every entry containing each term, typed simplified or traditional', async () => {
    await searchFor(getPage(), { q: TERMS[0] ?? '' });
    let expected = 0;
    let found = 0;
    const misses: string[] = [];
    for (const term of TERMS) {
      const truth = entries.filter((e) => e.text.includes(term)).map((e) => e.path);
      for (const query of new Set([term, toTraditional(term)])) {
        await searchInPage(getPage(), query);
        const links = new Set(await allResultLinks(getPage()));
        expected += truth.length;
        for (const path of truth) {
          if (links.has(path)) found++;
          else misses.push(`${query} → ${path}`);
        }
      }
    }
    const recall = found / expected;
    console.log(`search recall: ${recall.toFixed(4)} (${found}/${expected} entry-query pairs over ${TERMS.length} terms, simplified and traditional)`);
    if (misses.length) console.log(`missed:\n${misses.join('\n')}`);
    expect(misses).toEqual([]);
    expect(recall).toBe(1);
  }, 120_000);
});
