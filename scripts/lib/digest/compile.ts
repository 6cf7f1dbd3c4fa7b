/** Compiling a year's digest and proving its accounting: every case of the year exactly once, no other. */
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import type { Library } from '../../../src/lib/library.ts';
import { digestMarkdown } from './markdown.ts';
import { digestModel, type DigestModel } from './model.ts';

export interface CompiledDigest {
  model: DigestModel;
  markdown: string;
}

/** Case titles that stand as `####` headings in the Markdown, in order. */
export function caseHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^#### (.+)$/gmu)].map((m) => m[1] as string);
}

export function compileDigest(library: Library, year: number): CompiledDigest | Diagnostic[] {
  const model = digestModel(library, year);
  const expected = library.cases.filter((c) => c.data.year === year);
  if (expected.length === 0) {
    return [diagnostic(`content/cases/${year}`, 'digest/no-cases', `${year} 年没有创新案例`, { fix: '检查年份，或先收录该年的案例' })];
  }
  const { text, anchors } = digestMarkdown(model);
  const headings = caseHeadings(text);
  const problems: Diagnostic[] = [];
  for (const c of expected) {
    const times = model.cases.filter((d) => d.entry.id === c.id).length;
    if (times !== 1 || !anchors.has(c.id)) {
      problems.push(diagnostic(c.file, 'digest/accounting', `案例在汇编中出现 ${times} 次`, { fix: '这是汇编程序的缺陷，请报告' }));
    }
  }
  if (headings.length !== expected.length) {
    problems.push(diagnostic(`content/digests/${year}.md`, 'digest/accounting', `汇编有 ${headings.length} 个案例标题，应为 ${expected.length} 个`, { fix: '这是汇编程序的缺陷，请报告' }));
  }
  return problems.length > 0 ? problems : { model, markdown: text };
}
