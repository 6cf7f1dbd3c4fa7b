/** A problem found in a file, located for people and for GitHub annotations. */
export interface Diagnostic {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Stable rule id in English, e.g. `schema/invalid-value`. */
  rule: string;
  severity: 'error' | 'warning';
  /** What was found, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix?: string;
}

export function diagnostic(
  file: string,
  rule: string,
  message: string,
  options: { line?: number; column?: number; severity?: Diagnostic['severity']; fix?: string } = {},
): Diagnostic {
  const result: Diagnostic = {
    file,
    line: options.line ?? 1,
    column: options.column ?? 1,
    rule,
    severity: options.severity ?? 'error',
    message,
  };
  if (options.fix) result.fix = options.fix;
  return result;
}

/** `content/reports/2023/xian.md:3:1 [schema/invalid-value] 摘要不超过 200 个字（修改：…）` */
export function formatDiagnostic(d: Diagnostic): string {
  const level = d.severity === 'error' ? '错误' : '警告';
  const fix = d.fix ? `。修改方法：${d.fix}` : '';
  return `${d.file}:${d.line}:${d.column} ${level} [${d.rule}] ${d.message}${fix}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
