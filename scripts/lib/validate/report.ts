/** Printing diagnostics: plain Chinese text, GitHub workflow annotations, a JSON report and a job summary. */
import { formatDiagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';

export const REPORT_FORMAT = 'casebook-validation/1';

export interface ValidationReport {
  format: typeof REPORT_FORMAT;
  files: string[];
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

export function buildReport(files: readonly string[], diagnostics: readonly Diagnostic[]): ValidationReport {
  return {
    format: REPORT_FORMAT,
    files: [...files],
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: [...diagnostics],
  };
}

export function summaryLine(report: ValidationReport): string {
  return `检查了 ${report.files.length} 个文件：${report.errors} 个错误，${report.warnings} 个警告。`;
}

export function renderText(report: ValidationReport): string {
  return [...report.diagnostics.map(formatDiagnostic), summaryLine(report)].join('\n');
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::…` lines that GitHub shows on the pull request's diff. */
export function renderGithub(report: ValidationReport): string {
  const lines = report.diagnostics.map((d) => {
    const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(d.message + (d.fix ? `。修改方法：${d.fix}` : ''))}`;
  });
  return [...lines, summaryLine(report)].join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

/** The job summary: a Markdown table, one row per problem. */
export function renderSummary(report: ValidationReport): string {
  if (report.diagnostics.length === 0) return `### 投稿检查通过\n\n${summaryLine(report)}\n`;
  const rows = report.diagnostics.map(
    (d) => `| ${d.severity === 'error' ? '错误' : '警告'} | \`${cell(d.file)}:${d.line}:${d.column}\` | \`${d.rule}\` | ${cell(d.message)} | ${cell(d.fix ?? '')} |`,
  );
  return [`### 投稿检查结果`, '', summaryLine(report), '', '| 级别 | 位置 | 规则 | 问题 | 修改方法 |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}
