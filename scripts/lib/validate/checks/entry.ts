/**
 * The entry check that reads other files (a case's figures against its sources).
 * Checks that need no file system live in src/lib/checks/, shared with the /contribute/ page.
 */
import { diagnostic, type Diagnostic } from '../../../../src/lib/diagnostics.ts';
import type { LocatedEntry } from '../../../../src/lib/library.ts';
import type { Root } from 'mdast';
import { proseOf } from '../../../../src/lib/checks/markdown.ts';
import type { ValidationContext } from '../context.ts';

/** Every figure a case states can be found in one of its sources (a warning: the editor decides). */
export function figureCheck(entry: LocatedEntry, context: ValidationContext, tree: Root | undefined): Diagnostic[] {
  if (entry.collection !== 'cases') return [];
  const sources = entry.data.sources
    .map((ref) => {
      const [collection, ...rest] = ref.split('/');
      return collection === 'reports' || collection === 'rules' ? (context.entryText(collection, rest.join('/')) ?? '') : '';
    })
    .join('\n');
  const appears = (figure: string) => new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}(?![\\d.])`).test(sources);
  // A figure of the body (digits, at most one point) appears, with neither digit nor point beside
  // it, exactly when it is one of the sources' runs of digits and points: one pass over the sources.
  const runs = new Set(sources.match(/[\d.]+/g));
  const problems: Diagnostic[] = [];
  for (const { text, line, column } of proseOf(entry.body, tree)) {
    for (const m of text.matchAll(/(?<![\d.])\d{1,10}(?:\.\d+)?(?![\d.])/g)) {
      if (!runs.has(m[0])) {
        problems.push(
          diagnostic(entry.file, 'case/unsupported-figure', `数字“${m[0]}”在所引出处中找不到`, {
            line: entry.bodyLine + line - 1,
            column: column + (m.index ?? 0),
            severity: 'warning',
            fix: '只写出处中写明的数字；若数字来自其他材料，请把该材料列入 sources',
          }),
        );
      }
    }
  }
  (entry.data.metrics ?? []).forEach((metric, i) => {
    if (!appears(metric.value)) {
      problems.push(
        diagnostic(entry.file, 'case/unsupported-figure', `数据“${metric.label} ${metric.value}${metric.unit}”在所引出处中找不到`, {
          ...entry.locate(['metrics', i, 'value']),
          severity: 'warning',
          fix: '只写出处中写明的数字',
        }),
      );
    }
  });
  return problems;
}

