import { describe, expect, test } from 'vitest';
import { caseDraft, caseProblems, newFileUrl, type CaseFields } from '../../src/lib/case-draft.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';

const themes = readThemes();
const FIELDS: CaseFields = {
  title: '秦都区街道政协工作联络组',
  region: '610402',
  organization: '秦都区政协',
  year: '2023',
  themes: ['基层协商平台'],
  summary: '在街道设立政协工作联络组。',
  background: '基层协商缺少固定平台。',
  practice: '在街道设立政协工作联络组。',
  results: '健全了工作格局。',
  sources: ['reports/2023/qindu'],
};

describe('caseProblems', () => {
  test('finds nothing wrong with complete fields', () => {
    expect(caseProblems(FIELDS, themes)).toEqual([]);
  });
  test('names each problem by field, in Chinese, as the contributor types', () => {
    const problems = caseProblems({ ...FIELDS, region: '6104', year: '23', practice: ' ', themes: ['读书'] }, themes);
    expect(problems).toEqual([
      { field: 'region', message: '行政区划代码（region）：行政区划代码应为 6 位数字（GB/T 2260），例如 610402' },
      { field: 'year', message: '年份（year）：年份应为四位数字，例如 2023' },
      { field: 'themes', message: '主题“读书”不在主题词表中' },
      { field: 'practice', message: '“做法”一节必须填写' },
    ]);
  });
});

describe('newFileUrl', () => {
  test('opens GitHub’s new-file page in the case’s folder with the file filled in', () => {
    const draft = caseDraft(FIELDS, themes, 'qindu-liaison');
    const url = new URL(newFileUrl('https://github.com/casebook-cppcc/casebook', draft));
    expect(url.pathname).toBe('/casebook-cppcc/casebook/new/main/content/cases/2023');
    expect(url.searchParams.get('filename')).toBe('qindu-liaison.md');
    expect(url.searchParams.get('value')).toBe(draft.content);
  });
});
