/** A contribution changes content only; anything else needs an editor's label. */
import { diagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';

/** The label an editor adds to let a pull request change files outside content/. */
export const EDITOR_LABEL = '编辑确认';

export function scopeProblems(changedFiles: readonly string[], labels: readonly string[]): Diagnostic[] {
  const touchesContent = changedFiles.some((f) => f.startsWith('content/'));
  if (!touchesContent || labels.includes(EDITOR_LABEL)) return [];
  return changedFiles
    .filter((f) => !f.startsWith('content/'))
    .map((f) =>
      diagnostic(f, 'pr/outside-content', '投稿改动了 content/ 以外的文件', {
        fix: `投稿只改 content/ 下的文件；如确需改动，请编辑加上“${EDITOR_LABEL}”标签`,
      }),
    );
}
