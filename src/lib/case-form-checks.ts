/**
 * The /contribute/ page's verdict on a draft: the schema per field, then the
 * validator's own checks (src/lib/checks) on the generated file, each problem
 * put back on the form field it concerns. Only figures against sources, which
 * need the sources' text, are left to CI (and are warnings there).
 */
import type { Diagnostic } from './diagnostics.ts';
import { caseProblems, type CaseDraft, type CaseFields, type FieldProblem } from './case-draft.ts';
import { checkEntryFile, type EntryCheckContext } from './checks/index.ts';
import type { Theme } from '../schemas/theme.ts';

const SECTION_FIELDS: Record<string, string> = { 背景: 'background', 做法: 'practice', 成效: 'results', 启示: 'lessons' };

/** The form field a line of the generated file comes from: a frontmatter key (lists under theirs) or a body section. */
export function fieldAtLine(content: string, line: number): string | undefined {
  const lines = content.split('\n');
  let field: string | undefined;
  let inFrontmatter = false;
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    const text = lines[i] ?? '';
    if (text === '---') {
      inFrontmatter = i === 0;
      field = undefined;
      continue;
    }
    const key = inFrontmatter ? /^([A-Za-z]+):/.exec(text) : /^##\s*(\S+)\s*$/.exec(text);
    if (key) field = inFrontmatter ? key[1] : SECTION_FIELDS[key[1] as string];
  }
  return field;
}

/** Which field a diagnostic belongs to on the form. */
function fieldOf(d: Diagnostic, draft: CaseDraft): string {
  if (d.rule === 'region/organization-mismatch') return 'region';
  if (d.rule === 'id/duplicate' || d.rule === 'path/location') return 'slug';
  if (d.rule === 'case/missing-section') return SECTION_FIELDS[/“(.+)”/.exec(d.message)?.[1] ?? ''] ?? 'practice';
  return fieldAtLine(draft.content, d.line) ?? 'title';
}

/**
 * Every problem that stops the draft passing CI, by field. The page says
 * “检查通过” only when this is empty; errors only (warnings never fail CI).
 */
export function draftProblems(fields: CaseFields, draft: CaseDraft, themes: readonly Theme[], context: EntryCheckContext): FieldProblem[] {
  const own = caseProblems(fields, themes);
  const withOwn = new Set(own.map((p) => p.field));
  const { problems } = checkEntryFile(draft.path, new TextEncoder().encode(draft.content), false, context);
  const more = problems
    .filter((d) => d.severity === 'error')
    .map((d) => ({ d, field: fieldOf(d, draft) }))
    // The schema's problems are already in `own`, worded for the form.
    .filter(({ d, field }) => !((d.rule.startsWith('schema/') || d.rule.startsWith('parse/')) && withOwn.has(field)))
    // Without a valid year the file has no year folder yet: the year's own problem says what to do.
    .filter(({ d }) => !(d.rule === 'path/location' && withOwn.has('year')))
    .map(({ d, field }) => ({ field, message: d.fix ? `${d.message}。${d.fix}` : d.message }));
  return [...own, ...more];
}

