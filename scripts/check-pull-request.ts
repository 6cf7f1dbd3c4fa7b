/**
 * Run by validate.yml on `pull_request` (no secrets, read-only token):
 * checks the changed content and the pull request's scope, prints annotations
 * and a job summary, and writes the report the feedback job will read.
 * Inputs come from the environment: BASE_SHA, HEAD_SHA, PR_NUMBER, PR_LABELS (JSON array).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeEntryBytes, parseEntry } from '../src/lib/frontmatter.ts';
import { gitPaths } from '../src/lib/git-paths.ts';
import { readInput } from './lib/validate/load.ts';
import { buildPrReport } from './lib/github/pr-report.ts';
import { scopeProblems, uncheckedContent } from './lib/github/scope.ts';
import { runValidation } from './lib/validate/run.ts';
import { buildReport, renderGithub, renderSummary } from './lib/validate/report.ts';
import { run } from './lib/cli.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/** Region codes of the checked entries that parse, for the city label (links, devices and huge files are not read). */
function regionsOf(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    if (!file.endsWith('.md')) return [];
    try {
      const input = readInput(process.cwd(), file);
      if (input.isSymlink || input.unreadable) return [];
      const text = decodeEntryBytes(input.bytes, file);
      const entry = typeof text === 'string' ? parseEntry(text, file) : text;
      const region = Array.isArray(entry) ? undefined : entry.data['region'];
      return typeof region === 'string' && /^\d{6}$/.test(region) ? [region] : [];
    } catch {
      return [];
    }
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { report: { type: 'string', default: 'pr-report.json' } } });
  const base = env('BASE_SHA');
  const changed = gitPaths(process.cwd(), ['diff', '--name-only', '--no-renames', `${base}...HEAD`]);
  const present = gitPaths(process.cwd(), ['diff', '--name-only', '--no-renames', '--diff-filter=d', `${base}...HEAD`]);
  if (!changed || !present) throw new Error(`无法列出 ${base}...HEAD 之间改动的文件`);
  const labels = JSON.parse(process.env['PR_LABELS'] ?? '[]') as unknown;
  const labelNames = Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : [];

  const { files, diagnostics } = await runValidation(process.cwd(), { changedSince: base });
  const all = [...scopeProblems(changed, labelNames), ...uncheckedContent(present, files), ...diagnostics];
  const summary = buildReport(files, all);
  console.log(renderGithub(summary));
  if (process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], renderSummary(summary));

  const report = buildPrReport({
    pullRequest: Number(env('PR_NUMBER')),
    headSha: env('HEAD_SHA'),
    files,
    regions: regionsOf(files),
    diagnostics: all,
  });
  writeFileSync(values.report, JSON.stringify(report) + '\n');
  return summary.errors > 0 ? 1 : 0;
}

run(main, 2);
