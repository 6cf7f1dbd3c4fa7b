/**
 * Fields that a spreadsheet would run as a formula when /data/*.csv is opened: `=`, `+`, `-`
 * or `@` first, then something that looks like a function call or a DDE link (`HYPERLINK(`,
 * `cmd|`). The CSV export escapes them anyway; the warning asks the contributor whether the
 * field is meant to start that way.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { LocatedEntry } from '../library.ts';

const FORMULA = /^[=+\-@＝＋－＠][^\n]*?[A-Za-z_][A-Za-z0-9_.]*\s*[(|]/u;

function* strings(value: unknown, path: PropertyKey[]): Generator<{ path: PropertyKey[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

export function formulaChecks(entry: LocatedEntry): Diagnostic[] {
  return [...strings(entry.data, [])]
    .filter(({ text }) => FORMULA.test(text.trimStart()))
    .map(({ path, text }) =>
      diagnostic(entry.file, 'text/spreadsheet-formula', `字段 ${path.join('.')} 的值“${text.slice(0, 40)}”会被电子表格当作公式执行`, {
        ...entry.locate(path),
        severity: 'warning',
        fix: '删去开头的 =、+、-、@，或在前面加上文字',
      }),
    );
}
