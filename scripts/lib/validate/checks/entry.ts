/** Checks of a parsed entry against its own collection's conventions. */
import { diagnostic, type Diagnostic } from '../../../../src/lib/diagnostics.ts';
import type { LocatedEntry } from '../../../../src/lib/library.ts';
import { getRegion, shortRegionName } from '../../../../src/lib/regions.ts';
import type { Root } from 'mdast';
import { proseOf } from './markdown.ts';
import { REQUIRED_CASE_SECTIONS } from '../../../../src/schemas/case.ts';
import type { ValidationContext } from '../context.ts';

/** The report's date or the case's year agrees with its year folder. */
export function yearFolderCheck(entry: LocatedEntry, year: string | undefined): Diagnostic[] {
  if (!year) return [];
  const stated = entry.collection === 'reports' ? entry.data.date.slice(0, 4) : entry.collection === 'cases' ? String(entry.data.year) : year;
  if (stated === year) return [];
  const field = entry.collection === 'reports' ? 'date' : 'year';
  return [diagnostic(entry.file, 'path/year-mismatch', `文件在 ${year} 年的目录中，但${field === 'date' ? '日期' : '年份'}是 ${stated}`, { ...entry.locate([field]), fix: `把文件移到 ${stated} 年的目录，或改正${field === 'date' ? '日期' : '年份'}` })];
}

/** The organization (or an issuer) names the region the code stands for. */
export function regionCheck(entry: LocatedEntry): Diagnostic[] {
  const region = getRegion(entry.data.region);
  if (!region) return [];
  const names = entry.collection === 'rules' ? entry.data.issuers : [entry.data.organization];
  const short = shortRegionName(region.name);
  if (names.some((n) => n.includes(short))) return [];
  const field = entry.collection === 'rules' ? 'issuers' : 'organization';
  return [
    diagnostic(entry.file, 'region/organization-mismatch', `行政区划代码 ${region.code} 是“${region.name}”，与“${names.join('、')}”不符`, {
      ...entry.locate([field]),
      fix: `核对行政区划代码，或把单位名称写全（应含“${short}”）`,
    }),
  ];
}

export function caseSectionCheck(entry: LocatedEntry): Diagnostic[] {
  if (entry.collection !== 'cases') return [];
  return REQUIRED_CASE_SECTIONS.filter((s) => !new RegExp(`^##\\s*${s}\\s*$`, 'mu').test(entry.body)).map((s) =>
    diagnostic(entry.file, 'case/missing-section', `缺少“${s}”一节`, { line: entry.bodyLine, fix: `在正文中加上一行 ## ${s}，并写明相应内容` }),
  );
}

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
  const problems: Diagnostic[] = [];
  for (const { text, line, column } of proseOf(entry.body, tree)) {
    for (const m of text.matchAll(/(?<![\d.])\d{1,10}(?:\.\d+)?(?![\d.])/g)) {
      if (!appears(m[0])) {
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

/** Another entry of the collection uses the same file name in another year folder. */
export function duplicateSlugCheck(entry: LocatedEntry, context: ValidationContext): Diagnostic[] {
  if (entry.collection === 'rules') return [];
  const slug = entry.id.split('/').at(-1) ?? '';
  const others = (context.idsBySlug(entry.collection).get(slug) ?? []).filter((id) => id !== entry.id);
  return others.length === 0
    ? []
    : [diagnostic(entry.file, 'id/duplicate', `编号“${slug}”已被 ${others.join('、')} 使用`, { fix: '换一个文件名，例如在末尾加上地区或做法的拼音' })];
}
