import { describe, expect, test } from 'vitest';
import { makeExcerpt, mentions } from '../../../src/lib/search/excerpt.ts';
import { hanBigramCounts, normalize, queryParts, tokens } from '../../../src/lib/search/tokenize.ts';
import { distinctSuggestions, readState, shorterQueries, writeState } from '../../../src/lib/site/search-state.ts';

describe('tokens', () => {
  test('Han unigrams and bigrams by code point, lower-cased words, nothing across punctuation', () => {
    expect(tokens(normalize('ＡＢ角，12345热线')).map((t) => t.term)).toEqual(['ab', '角', '12345', '热', '线', '热线']);
    expect(tokens('𠀀𠀁').map((t) => `${t.term}@${t.position}`)).toEqual(['𠀀@0', '𠀁@1', '𠀀𠀁@0']);
  });

  test('the same bigrams for related entries', () => {
    expect([...hanBigramCounts('委员工作室，协商').keys()]).toEqual(['委员', '员工', '工作', '作室', '协商']);
  });
});

describe('queryParts', () => {
  test('looks a phrase up by a cover of trigrams (a short one as itself), its words apart by a cover of bigrams, and drops filler words', () => {
    expect(queryParts('渭南委员工作室')[0]?.terms.map((t) => `${t.term}+${t.offset}`)).toEqual(['渭南委+0', '员工作+3', '工作室+4']);
    expect(queryParts('渭南委员工作室')[0]?.loose).toEqual(['渭南', '委员', '工作', '作室']);
    expect(queryParts('工作室')[0]?.terms.map((t) => t.term)).toEqual(['工作室']);
    expect(queryParts('委员')[0]?.terms.map((t) => t.term)).toEqual(['委员']);
    expect(queryParts('如何建设委员工作室').map((p) => p.text)).toEqual(['建设委员工作室']);
    expect(queryParts('怎么样的').map((p) => p.text)).toEqual(['怎么样的']);
    expect(queryParts('，。！')).toEqual([]);
  });
});

describe('excerpts', () => {
  test('mark every occurrence and escape the text', () => {
    expect(makeExcerpt('前言<b>秦商量</b>后记，秦商量', ['秦商量'])).toBe('前言&#60;b&#62;<mark>秦商量</mark>&#60;/b&#62;后记，<mark>秦商量</mark>');
    expect(mentions('用 APP 办理', ['app'])).toBe(true);
  });

  test('start shortly before the first match in a long text', () => {
    const excerpt = makeExcerpt(`${'甲'.repeat(200)}秦商量${'乙'.repeat(200)}`, ['秦商量'], 30);
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
