/**
 * Turning a submitted issue form into a case file. The issue body is
 * untrusted text: it is only ever parsed as data and written into YAML and Markdown.
 */
import { caseDraft, type CaseDraft } from '../../../src/lib/case-draft.ts';
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { getRegion } from '../../../src/lib/regions.ts';
import { regionSlug } from '../../../src/lib/slug.ts';
import type { Theme } from '../../../src/schemas/theme.ts';

export type { CaseDraft };

/** The form's field labels, in the order of submit-case.yml. */
export const FORM_FIELDS = {
  title: '案例名称',
  region: '行政区划代码',
  organization: '单位',
  year: '年份',
  themes: '主题',
  summary: '摘要',
  background: '背景',
  practice: '做法',
  results: '成效',
  sources: '出处',
} as const;

type Field = keyof typeof FORM_FIELDS;
const NO_RESPONSE = '_No response_';

/** `### 标签` sections of an issue-form body, by label. */
export function parseIssueForm(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = body.replace(/\r\n?/g, '\n').split(/^### +/m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const label = (newline < 0 ? part : part.slice(0, newline)).trim();
    const value = newline < 0 ? '' : part.slice(newline + 1).trim();
    if (!sections.has(label)) sections.set(label, value === NO_RESPONSE ? '' : value);
  }
  return sections;
}

export function caseFromIssue(body: string, issueNumber: number, themes: readonly Theme[]): CaseDraft | Diagnostic[] {
  const form = parseIssueForm(body);
  const value = (field: Field) => form.get(FORM_FIELDS[field]) ?? '';
  const where = `issue #${issueNumber}`;
  const missing = (Object.keys(FORM_FIELDS) as Field[]).filter((f) => value(f) === '');
  if (missing.length > 0) {
    return missing.map((f) => diagnostic(where, 'schema/missing-field', `表单中“${FORM_FIELDS[f]}”没有填写`, { fix: '编辑这个议题，补填该项' }));
  }
  return caseDraft(
    {
      title: value('title'),
      region: value('region'),
      organization: value('organization'),
      year: value('year'),
      themes: value('themes').split(/[,，、\n]/),
      summary: value('summary'),
      background: value('background'),
      practice: value('practice'),
      results: value('results'),
      sources: value('sources').split('\n'),
    },
    themes,
    regionSlug(getRegion(value('region').trim()), `issue-${issueNumber}`),
  );
}
