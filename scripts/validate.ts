/**
 * npm run validate [-- <paths…>] [--changed-since <git-ref>] [--staged] [--format text|github|json] [--report <file>]
 * Checks contributed content and says, in Chinese, what to fix. Never writes to content/.
 * --staged checks the content files staged for the next commit, as staged (the pre-commit hook runs it).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, renderGithub, renderSummary, renderText } from './lib/validate/report.ts';
import { runValidation } from './lib/validate/run.ts';
import { run } from './lib/cli.ts';

const FORMATS = ['text', 'github', 'json'] as const;

async function main(): Promise<number> {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'changed-since': { type: 'string' },
      staged: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      report: { type: 'string' },
    },
  });
  const format = FORMATS.find((f) => f === values.format);
  if (!format) {
    console.error(`--format 只能是 ${FORMATS.join('、')}`);
    return 2;
  }
  if (values.staged && (positionals.length > 0 || values['changed-since'])) {
    console.error('--staged 检查暂存区中的全部改动，不能再指定文件或 --changed-since');
    return 2;
  }
  const { files, diagnostics } = await runValidation(root, { paths: positionals, changedSince: values['changed-since'], staged: values.staged });
  const report = buildReport(files, diagnostics);

  if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2) + '\n');
  if (format === 'json') console.log(JSON.stringify(report, null, 2));
  else if (format === 'github') {
    console.log(renderGithub(report));
    if (process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], renderSummary(report));
  } else console.log(renderText(report));
  return report.errors > 0 ? 1 : 0;
}

run(main, 2);
