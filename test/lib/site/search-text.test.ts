import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { bigramWords, displayText, encodeChar, makeExcerpt, matchesExactly, prepareQuery } from '../../../src/lib/site/search-text.ts';
import { distinctSuggestions, readState, shorterQueries, writeState } from '../../../src/lib/site/search-state.ts';
import { htmlText, withBigramWords } from '../../../src/lib/site/search-index.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

describe('bigram words', () => {
  test('spell each Han character as five letters and each bigram as ten', () => {
    expect(encodeChar('委')).toBe('afjne');
    expect(bigramWords('委员工作室')).toHaveLength(4);
    expect(bigramWords('委员工作室').every((w) => /^[a-p]{10}$/.test(w))).toBe(true);
  });

  test('never join characters across punctuation or Latin text', () => {
    expect(bigramWords('委员，工作 A 室')).toEqual([bigramWords('委员')[0], bigramWords('工作')[0]]);
  });
});

describe('prepareQuery', () => {
  test('turns a traditional query into the simplified bigram words of the text', () => {
    const query = prepareQuery('協商議事', toSimplified);
    expect(query.text).toBe('协商议事');
    expect(query.pagefind.split(' ')).toEqual(bigramWords('协商议事'));
  });

  test('keeps a single Han character and Latin words as they are', () => {
    expect(prepareQuery('政 12345热线').pagefind).toBe(['政', ...bigramWords('热线'), '12345'].join(' '));
  });

  test('finds nothing to search in punctuation alone', () => {
    expect(prepareQuery('，。！').pagefind).toBe('');
  });

  test('a page containing the query contains every word of the prepared query', () => {
    const page = bigramWords('西安市政协建设23个委员工作室，开展“秦商量”活动');
    for (const q of ['委员工作室', '作室', '秦商量', '政协建设']) {
      expect(prepareQuery(q).pagefind.split(' ').every((w) => page.includes(w))).toBe(true);
    }
  });
});

describe('results', () => {
  const content = '委员工作室建设. 西安市政协建设委员工作室。 afjneafjne afjneafjnf.';

  test('displayText drops the bigram words at the end of the indexed text', () => {
    expect(displayText(content)).toBe('委员工作室建设. 西安市政协建设委员工作室。');
  });

  test('matchesExactly tells the phrase from scattered bigrams', () => {
    expect(matchesExactly(content, prepareQuery('委员工作室'))).toBe(true);
    expect(matchesExactly('委员的工作室', prepareQuery('委员工作室'))).toBe(false);
  });

  test('makeExcerpt marks every occurrence and escapes the text', () => {
    expect(makeExcerpt('前言<b>秦商量</b>后记，秦商量', prepareQuery('秦商量'))).toBe('前言&#60;b&#62;<mark>秦商量</mark>&#60;/b&#62;后记，<mark>秦商量</mark>');
  });

  test('makeExcerpt starts shortly before the first match in a long text', () => {
    const excerpt = makeExcerpt(`${'甲'.repeat(200)}秦商量${'乙'.repeat(200)}`, prepareQuery('秦商量'), 30);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('<mark>秦商量</mark>');
  });
});

describe('search state in the URL', () => {
  test('round-trips the query and filters, leaving out empty ones', () => {
    const state = readState('?q=%E5%8D%8F%E5%95%86&type=%E5%88%9B%E6%96%B0%E6%A1%88%E4%BE%8B&region=&foo=1');
    expect(state).toEqual({ q: '协商', filters: { type: '创新案例' } });
    expect(readState(writeState(state))).toEqual(state);
    expect(writeState({ q: ' ', filters: {} })).toBe('');
  });

  test('suggests shorter queries for one that found nothing, longest first', () => {
    expect(shorterQueries('委员工作室量子')).toEqual(['委员工作室量', '委员工作室', '委员工作', '委员工', '委员', '员工作室量子', '工作室量子', '作室量子', '室量子', '量子']);
    expect(shorterQueries('秦商量 量子')).toEqual(['秦商量', '量子', '秦商', '商量']);
  });

  test('offers only suggestions that add something', () => {
    expect(distinctSuggestions(['委员工作室', '委员工作', '委员', '工作室', '量子'])).toEqual(['委员工作室', '量子']);
  });
});

describe('withBigramWords', () => {
  test('appends the bigram words of the searchable body inside it', () => {
    const html = '<html><body><nav>导航链接</nav><article data-pagefind-body><h1>秦商量</h1><p>委员&amp;工作室</p></article></body></html>';
    const out = withBigramWords(html) ?? '';
    const added = /<div data-pagefind-weight="0.5">([^<]*)<\/div>/.exec(out)?.[1]?.split(' ');
    expect(added).toEqual(bigramWords('秦商量 委员&工作室'));
    expect(out).toContain(`<div data-pagefind-weight="3">${bigramWords('秦商量').join(' ')}</div></article>`);
    expect(out).not.toContain(bigramWords('导航')[0]);
  });

  test('leaves pages without a searchable body alone', () => {
    expect(withBigramWords('<html><body><main>首页</main></body></html>')).toBeUndefined();
  });

  test('reads text through entities', () => {
    expect(htmlText('<p title="x">A&amp;B &#21327;&#x5546;</p>').trim()).toBe('A&B 协商');
  });
});
