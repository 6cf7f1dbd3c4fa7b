/**
 * The report the unprivileged validation job uploads, and the strict schema the
 * privileged feedback job reads it with: everything in it is attacker-controlled.
 */
import * as z from 'zod';
import { isRegionCode } from '../../../src/lib/regions.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { isRuleId, type RuleId } from '../validate/rules.ts';

export const PR_REPORT_FORMAT = 'casebook-pr-report/1';
export const MAX_REPORTED_PROBLEMS = 200;

// Any name git can hold (Chinese, spaces, emoji: the validator reports them, so the report must carry them),
// but no control or format characters (newlines, bidi overrides) and no climbing out with `..`.
const RepoPath = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { error: 'bad path' })
  .refine((p) => !p.split('/').includes('..'));

export const ReportedProblemSchema = z.strictObject({
  file: RepoPath,
  line: z.number().int().min(1).max(1_000_000),
  column: z.number().int().min(1).max(1_000_000),
  rule: z.string().refine(isRuleId, { error: 'unknown rule id' }),
  severity: z.enum(['error', 'warning']),
});

export const PrReportSchema = z.strictObject({
  format: z.literal(PR_REPORT_FORMAT),
  pullRequest: z.number().int().positive().max(10_000_000),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  files: z.array(RepoPath).max(10_000),
  /** Region codes of the entries that parsed, for the city label. */
  regions: z.array(z.string().refine(isRegionCode)).max(10_000),
  problems: z.array(ReportedProblemSchema).max(MAX_REPORTED_PROBLEMS),
  /** How many problems there were before the list was cut. */
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
});

export type PrReport = z.output<typeof PrReportSchema>;

export function buildPrReport(input: { pullRequest: number; headSha: string; files: string[]; regions: string[]; diagnostics: Diagnostic[] }): PrReport {
  return {
    format: PR_REPORT_FORMAT,
    pullRequest: input.pullRequest,
    headSha: input.headSha,
    files: input.files,
    regions: [...new Set(input.regions)].sort(),
    problems: input.diagnostics.slice(0, MAX_REPORTED_PROBLEMS).map(({ file, line, column, rule, severity }) => ({ file, line, column, rule: rule as RuleId, severity })),
    errors: input.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: input.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
