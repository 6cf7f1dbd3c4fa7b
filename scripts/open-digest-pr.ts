/**
 * Run by digest.yml: compiles the digest for INPUT_YEAR (default: last year),
 * validates that year's cases, and opens or updates the pull request from
 * `digest/<year>`. A pull request opened with the workflow token triggers no
 * other workflow, so the validation result goes into its body.
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { compileDigest } from './lib/digest/compile.ts';
import { digestDocx } from './lib/digest/docx.ts';
import { publishDigest } from './lib/digest/publish.ts';
import { createOctokit } from './lib/github/octokit.ts';
import { readLibrary } from './lib/read-library.ts';
import { siteUrl } from './lib/site-url.ts';
import { runValidation } from './lib/validate/run.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const input = process.env['INPUT_YEAR'] ?? '';
  const year = /^\d{4}$/.test(input) ? Number(input) : new Date().getUTCFullYear() - 1;
  const [owner = '', repoName = ''] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as { repository?: { default_branch?: string } };
  const { files: checked, diagnostics } = await runValidation(process.cwd(), { folder: `content/cases/${year}/` });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) console.error(formatDiagnostic(d));
    console.error(`${year} 年的案例有 ${errors.length} 个错误，未生成汇编。`);
    return 1;
  }
  const compiled = compileDigest(readLibrary('content').library, year);
  if (Array.isArray(compiled)) {
    for (const d of compiled) console.error(formatDiagnostic(d));
    return 1;
  }
  const docx = await digestDocx(compiled.model, { siteUrl: siteUrl() });
  const body = [
    `由“年度汇编”工作流自动生成：${year} 年创新案例 ${compiled.model.cases.length} 个，${compiled.model.sections.length} 个主题，${compiled.model.regions.length} 个设区的市。`,
    '',
    `投稿检查：检查了 ${checked.length} 个案例文件，0 个错误，${diagnostics.length} 个提醒。`,
    '',
    '合并后网站会在 /digests/' + year + '/ 发布汇编页面和 Word 文件。',
  ].join('\n');
  const github = createOctokit(process.env['GITHUB_TOKEN'] ?? '', process.env['GITHUB_API_URL'] ?? 'https://api.github.com');
  const result = await publishDigest(github, { owner, repo: repoName }, {
    year,
    files: [
      { path: `content/digests/${year}.md`, content: new TextEncoder().encode(compiled.markdown) },
      { path: `content/digests/digest-${year}.docx`, content: docx },
    ],
    body,
    defaultBranch: event.repository?.default_branch ?? 'main',
  });
  console.log(JSON.stringify(result));
  return 0;
}

run(main);
