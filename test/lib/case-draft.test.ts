import { describe, expect, test } from 'vitest';
import { caseDraft, caseProblems, githubRoute, newFileUrl, SAFE_URL_LENGTH, type CaseFields } from '../../src/lib/case-draft.ts';
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
  test('names each problem by field, in Chinese only, as the contributor types', () => {
    const problems = caseProblems({ ...FIELDS, title: '', region: '6104', year: '23', practice: ' ', themes: ['读书'] }, themes);
    expect(problems).toEqual([
      { field: 'title', message: '请填写案例名称' },
      { field: 'region', message: '所在地区：行政区划代码应为 6 位数字（GB/T 2260），例如 610402' },
      { field: 'year', message: '年份：年份应为四位数字，例如 2023' },
      { field: 'themes', message: '主题“读书”不在主题词表中' },
      { field: 'practice', message: '请填写做法' },
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

describe('githubRoute', () => {
  const repo = 'https://github.com/casebook-cppcc/casebook';
  test('fills the new-file page when the address stays under the safe length', () => {
    const route = githubRoute(repo, caseDraft(FIELDS, themes, 'qindu-liaison'));
    expect(route.paste).toBe(false);
    expect(new URL(route.url).searchParams.get('value')).toContain('## 做法');
  });
  test('above the safe length, opens an empty new-file page and asks for the text to be pasted', () => {
    const draft = caseDraft({ ...FIELDS, practice: '在街道设立政协工作联络组，'.repeat(150) }, themes, 'qindu-liaison');
    expect(newFileUrl(repo, draft).length).toBeGreaterThan(8000);
    const route = githubRoute(repo, draft);
    expect(route.paste).toBe(true);
    expect(route.url.length).toBeLessThanOrEqual(SAFE_URL_LENGTH);
    expect(new URL(route.url).searchParams.has('value')).toBe(false);
    expect(new URL(route.url).searchParams.get('filename')).toBe('qindu-liaison.md');
  });
});
