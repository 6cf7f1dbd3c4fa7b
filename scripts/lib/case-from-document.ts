/**
 * A case sent in as a file from the /contribute/ page (Word or plain text,
 * labelled “标题：…”) turned into the case file the page would have made.
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { caseDraft, type CaseDraft } from '../../src/lib/case-draft.ts';
import { parseCaseDocument } from '../../src/lib/case-document.ts';
import { diagnostic, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { getRegion } from '../../src/lib/regions.ts';
import { caseSlug } from '../../src/lib/slug.ts';
import type { Theme } from '../../src/schemas/theme.ts';

/** The text of a .docx (one paragraph a line) or of a text file. */
export async function documentText(path: string): Promise<string> {
  if (/\.docx$/i.test(path)) return (await mammoth.extractRawText({ path })).value;
  return readFileSync(path, 'utf8');
}

export async function caseFromDocument(path: string, themes: readonly Theme[]): Promise<CaseDraft | Diagnostic[]> {
  const { fields, slug } = parseCaseDocument(await documentText(path));
  if (!fields.title && !fields.region && !fields.practice) {
    return [diagnostic(path, 'parse/frontmatter', '文件中没有找到“标题：”“地区：”“做法：”等投稿页的标记', { fix: '请用投稿页生成的 Word 文件；其他稿件请用 npm run import 导入' })];
  }
  return caseDraft(fields, themes, slug || caseSlug(fields.title, getRegion(fields.region)));
}
