/** The one sticky comment and the labels, built only from fixed templates and checked data. */
import { cityOf, findRegionsByName } from '../../../src/lib/regions.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/index.ts';
import { isRuleId, RULES } from '../validate/rules.ts';
import type { PrReport } from './pr-report.ts';

/** Hidden marker by which the feedback job finds its own comment. */
export const COMMENT_MARKER = '<!-- casebook:pr-feedback -->';
export const STATUS_LABELS = { needsWork: '需修改', ready: '待审核' } as const;
/** At most this many city labels on one pull request: a pull request touching more cities is a batch, not a city's. */
export const MAX_CITY_LABELS = 3;

function collectionOf(file: string): CollectionName | undefined {
  const name = /^content\/(reports|cases|rules)\//.exec(file)?.[1];
  return name as CollectionName | undefined;
}

/** Labels for the pull request: its collections, its cities, and its status. */
export function labelsFor(report: PrReport): string[] {
  const collections = [...new Set(report.files.map(collectionOf).filter((c) => c !== undefined))].map((c) => COLLECTIONS[c].label);
  const cities = [...new Set(report.regions.map((code) => cityOf(code)?.name).filter((n): n is string => Boolean(n)))];
  const status = report.errors > 0 ? STATUS_LABELS.needsWork : STATUS_LABELS.ready;
  return [...collections, ...cities.sort().slice(0, MAX_CITY_LABELS), status];
}

/** Every label the job may ever set: anything else in a request is refused. */
export function isAllowedLabel(label: string): boolean {
  return (
    Object.values(COLLECTIONS).some((c) => c.label === label) ||
    Object.values(STATUS_LABELS).includes(label as never) ||
    findRegionsByName(label).some((r) => r.level === 'city')
  );
}

export function renderComment(report: PrReport): string {
  const head = report.errors > 0
    ? `### 投稿检查：有 ${report.errors} 处需要修改`
    : `### 投稿检查通过${report.warnings > 0 ? `（另有 ${report.warnings} 处提醒）` : ''}`;
  const intro = report.errors > 0
    ? '感谢投稿！下面列出的问题改好后，检查会自动重新运行。每一行写明了文件、位置和修改方法；更具体的说明标在“Files changed”页的对应行上。'
    : '感谢投稿！格式检查已通过，编辑会尽快审核。';
  const shown = report.problems.length;
  const more = report.errors + report.warnings > shown ? `\n\n另有 ${report.errors + report.warnings - shown} 处未列出，请先修改以上问题。` : '';
  const table = report.problems.length > 0 ? `\n${problemTable(report.problems)}` : '';
  return `${COMMENT_MARKER}\n${head}\n\n${intro}\n${table}${more}\n\n<sub>检查的是提交 ${report.headSha.slice(0, 7)}。详细说明见 CONTRIBUTING.md。</sub>\n`;
}

/** The comment for a pull request too large to re-check automatically. */
export function renderTooMany(count: number, limit: number, headSha: string): string {
  return `${COMMENT_MARKER}\n### 投稿检查：改动的文件太多\n\n这个合并请求改动了 ${count} 个文件，超过自动复核的上限（${limit} 个 content/ 下的文件），没有自动检查。请拆分成几个较小的合并请求，或请编辑人工审核。\n\n<sub>检查的是提交 ${headSha.slice(0, 7)}。详细说明见 CONTRIBUTING.md。</sub>\n`;
}

/** A Markdown table of problems: location from checked numbers and paths, text from the fixed rule templates. */
export function problemTable(problems: readonly { file: string; line: number; column: number; rule: string; severity: 'error' | 'warning' }[]): string {
  const rows = problems.map((p) => {
    const rule = isRuleId(p.rule) ? RULES[p.rule] : { title: '其他问题', fix: '见检查日志' };
    return `| ${p.severity === 'error' ? '错误' : '提醒'} | \`${displayPath(p.file)}\` 第 ${p.line} 行第 ${p.column} 列 | ${rule.title} | ${rule.fix} |`;
  });
  return ['| 级别 | 位置 | 问题 | 修改方法 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * A contributed file name as it may appear in a comment: letters (Chinese included), digits and `._/-`;
 * anything else (backticks, pipes, `@`, line breaks, controls) shows as `?`, and long names are cut.
 */
export function displayPath(path: string): string {
  const safe = path.replace(/[^\p{L}\p{N}._/-]/gu, '?');
  return safe.length > 120 ? `${safe.slice(0, 117)}…` : safe;
}
