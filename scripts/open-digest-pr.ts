/**
 * Run by digest.yml: prepares the digest for INPUT_YEAR (default: last year)
 * with the same pipeline as `npm run digest`, and opens or updates the pull request from
 * `digest/<year>`. A pull request opened with the workflow token triggers no
 * other workflow, so the validation result goes into its body.
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { prepareDigest } from './lib/digest/prepare.ts';
import { publishDigest } from './lib/digest/publish.ts';
import { createOctokit } from './lib/github/octokit.ts';
import { siteUrl } from './lib/site-url.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const input = process.env['INPUT_YEAR'] ?? '';
  const year = /^\d{4}$/.test(input) ? Number(input) : new Date().getUTCFullYear() - 1;
  const [owner = '', repoName = ''] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as { repository?: { default_branch?: string } };
  const digest = await prepareDigest(year, { siteUrl: siteUrl() });
  if (Array.isArray(digest)) {
    for (const d of digest) console.error(formatDiagnostic(d));
    console.error(`${year} 年的汇编有 ${digest.length} 个问题，未生成汇编。`);
    return 1;
  }
  const body = [
    `由“年度汇编”工作流自动生成：${year} 年创新案例 ${digest.model.cases.length} 个，${digest.model.sections.length} 个主题，${digest.model.regions.length} 个设区的市。`,
    '',
    `投稿检查：检查了 ${digest.checked.length} 个案例文件，0 个错误，${digest.warnings} 个提醒。`,
    '',
    '合并后网站会在 /digests/' + year + '/ 发布汇编页面和 Word 文件。',
  ].join('\n');
  const github = createOctokit(process.env['GITHUB_TOKEN'] ?? '', process.env['GITHUB_API_URL'] ?? 'https://api.github.com');
  const result = await publishDigest(github, { owner, repo: repoName }, {
    year,
    files: [
      { path: `content/digests/${year}.md`, content: new TextEncoder().encode(digest.markdown) },
      { path: `content/digests/digest-${year}.docx`, content: digest.docx },
    ],
    body,
    defaultBranch: event.repository?.default_branch ?? 'main',
  });
  console.log(JSON.stringify(result));
  return 0;
}

run(main);
