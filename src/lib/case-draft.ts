/**
 * A case file built from form fields, as the issue-form intake and the
 * browser form at /contribute/ both do, checked with the same schema as CI.
 * Framework-free and free of Node APIs, so it runs in the browser too.
 */
import { stringify } from 'yaml';
import { CaseSchema, type CaseInput } from '../schemas/case.ts';
import type { Theme } from '../schemas/theme.ts';
import { fieldLabels } from './schema-errors.ts';

/** What the form calls each field, in Chinese only, for its messages and error summary. */
export const FORM_LABELS: Record<string, string> = {
  title: '案例名称',
  region: '所在地区',
  organization: '单位',
  year: '年份',
  themes: '主题',
  summary: '摘要',
  background: '背景',
  practice: '做法',
  results: '成效',
  lessons: '启示',
  sources: '出处',
  slug: '文件名',
};

export interface FieldProblem {
  field: string;
  message: string;
}

export interface CaseFields {
  title: string;
  region: string;
  organization: string;
  year: string;
  /** Theme names or ids, as chosen in a form. */
  themes: string[];
  summary: string;
  background: string;
  practice: string;
  results: string;
  lessons?: string;
  /** One source per item: reports/<id>, rules/<id> or a web address. */
  sources: string[];
}

export interface CaseDraft {
  title: string;
  /** Repository path, e.g. content/cases/2023/qindu-studios.md. */
  path: string;
  content: string;
}

/** One-line fields lose their line breaks. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function caseFrontmatter(fields: CaseFields, themes: readonly Theme[]): CaseInput {
  return {
    title: oneLine(fields.title),
    region: oneLine(fields.region),
    organization: oneLine(fields.organization),
    year: oneLine(fields.year),
    themes: fields.themes
      .map((raw) => raw.trim())
      .filter(Boolean)
      .map((name) => themes.find((t) => t.name === name || t.id === name)?.id ?? name),
    summary: oneLine(fields.summary),
    sources: fields.sources.map((s) => s.trim()).filter(Boolean),
  };
}

/** `slug` is the file name without `.md`, e.g. qindu-liaison-groups. */
export function caseDraft(fields: CaseFields, themes: readonly Theme[], slug: string): CaseDraft {
  const frontmatter = caseFrontmatter(fields, themes);
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0 });
  // Each line typed in a form is a paragraph of its own (a single line break would join lines in Markdown).
  const paragraphs = (text: string) => text.split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n\n');
  const section = (heading: string, text: string) => `## ${heading}\n\n${paragraphs(text)}\n`;
  const sections = [section('背景', fields.background), section('做法', fields.practice), section('成效', fields.results)];
  if (fields.lessons?.trim()) sections.push(section('启示', fields.lessons));
  const folder = /^\d{4}$/.test(frontmatter.year) ? frontmatter.year : 'unknown-year';
  return { title: frontmatter.title, path: `content/cases/${folder}/${slug}.md`, content: `---\n${yaml}---\n\n${sections.join('\n')}` };
}

/** What the schema says about the fields, one Chinese line per problem, by field, with no field keys in English. */
export function caseProblems(fields: CaseFields, themes: readonly Theme[]): FieldProblem[] {
  const frontmatter = caseFrontmatter(fields, themes);
  const problems: FieldProblem[] = [];
  const result = CaseSchema.safeParse(frontmatter, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const label = FORM_LABELS[field] ?? fieldLabels(CaseSchema).get(field) ?? '文件头';
      const item = typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 项` : '';
      const empty = issue.input === undefined || issue.input === '' || (Array.isArray(issue.input) && issue.input.length === 0) || issue.message === '不能为空';
      problems.push({ field, message: empty ? `请填写${label}` : `${label}${item}：${issue.message}` });
    }
  }
  frontmatter.themes.filter((id) => !themes.some((t) => t.id === id)).forEach((id) => problems.push({ field: 'themes', message: `主题“${id}”不在主题词表中` }));
  for (const [field, label] of [['background', '背景'], ['practice', '做法'], ['results', '成效']] as const) {
    if (!fields[field].trim()) problems.push({ field, message: `请填写${label}` });
  }
  return problems;
}

/** GitHub's page for creating the file in the repository, with its name and text filled in. */
export function newFileUrl(repo: string, draft: CaseDraft, branch = 'main'): string {
  const dir = draft.path.slice(0, draft.path.lastIndexOf('/'));
  const name = draft.path.slice(draft.path.lastIndexOf('/') + 1);
  return `${repo}/new/${branch}/${dir.split('/').map(encodeURIComponent).join('/')}?filename=${encodeURIComponent(name)}&value=${encodeURIComponent(draft.content)}`;
}

/** GitHub refuses addresses of about 8 KB; below this length a prefilled new-file link is safe. */
export const SAFE_URL_LENGTH = 6000;

/**
 * How the GitHub route submits a draft: a new-file page with the text filled
 * in when the address stays under SAFE_URL_LENGTH, otherwise an empty
 * new-file page (file name only) and the text to paste from the clipboard.
 */
export function githubRoute(repo: string, draft: CaseDraft, branch = 'main'): { url: string; paste: boolean } {
  const full = newFileUrl(repo, draft, branch);
  if (full.length <= SAFE_URL_LENGTH) return { url: full, paste: false };
  const url = new URL(full);
  url.searchParams.delete('value');
  return { url: url.href, paste: true };
}
