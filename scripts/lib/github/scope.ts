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

/**
 * Fail closed: a changed file under content/ that the validator did not check is itself an
 * error, whatever the reason it was left out (a name git escaped, a filter that missed it).
 */
export function uncheckedContent(changedFiles: readonly string[], checkedFiles: readonly string[]): Diagnostic[] {
  const checked = new Set(checkedFiles);
  return changedFiles
    .filter((f) => f.startsWith('content/') && !checked.has(f))
    .map((f) => diagnostic(f, 'pr/unchecked-content', '这个改动的文件没有被检查', { fix: '把文件改成只用小写字母、数字和连字符的名字；如仍出现，请联系编辑' }));
}
