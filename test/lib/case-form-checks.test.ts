import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, test } from 'vitest';
import { caseDraft, type CaseFields } from '../../src/lib/case-draft.ts';
import { draftProblems } from '../../src/lib/case-form-checks.ts';
import { slugIndex } from '../../src/lib/checks/entry.ts';
import { knownIds } from '../../src/lib/library.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';

const { library } = readLibrary('content');
const ids = knownIds(library);
const context = { ids, themes: library.themes, idsBySlug: slugIndex(ids), parseMarkdown: (body: string) => fromMarkdown(body) };
const FIELDS: CaseFields = {
  title: '秦都区街道政协工作联络组',
  region: '610402',
  organization: '秦都区政协',
  year: '2023',
  themes: ['grassroots-consultation'],
  summary: '在街道设立政协工作联络组。',
  background: '基层协商缺少固定平台。',
  practice: '在街道设立政协工作联络组。',
  results: '健全了工作格局。',
  sources: ['reports/2023/qindu'],
};

describe('the contribute page runs the validator’s text checks', () => {
  test('a draft pasted with mojibake fails on the field it sits in, as CI would fail it', () => {
    const fields = { ...FIELDS, practice: '在街道设立锟斤拷政协工作联络组。' };
    const problems = draftProblems(fields, caseDraft(fields, library.themes, 'qindu-liaison-draft'), library.themes, context);
    expect(problems.filter((p) => p.field === 'practice').map((p) => p.message).join('\n')).toContain('乱码');
  });

  test('a case whose source is a publication written out passes', () => {
    const fields = { ...FIELDS, sources: ['《陕西政协》2024年第3期'] };
    expect(draftProblems(fields, caseDraft(fields, library.themes, 'qindu-liaison-draft'), library.themes, context)).toEqual([]);
  });
});
