/** Putting a case drafted from an issue on its own branch and opening (or updating) its pull request. */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { problemTable } from '../github/comment.ts';
import { upsertComment, type GitHub, type Repo } from '../github/octokit.ts';
import { isRuleId } from '../validate/rules.ts';
import type { CaseDraft } from './issue-form.ts';

export const INTAKE_MARKER = '<!-- casebook:case-intake -->';

export interface Submission {
  issue: number;
  title: string;
  draft: CaseDraft;
  problems: Diagnostic[];
  defaultBranch: string;
}

function problemsMarkdown(problems: readonly Diagnostic[]): string {
  const known = problems.filter((p) => isRuleId(p.rule));
  if (known.length === 0) return '自动检查没有发现问题，等待编辑审核。';
  return `自动检查发现 ${known.length} 处需要注意（改好后编辑这个议题即可重新生成）：\n\n${problemTable(known)}`;
}

async function fileSha(github: GitHub, repo: Repo, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({ ...repo, path, ref });
    return Array.isArray(data) ? undefined : data.sha;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

async function ensureBranch(github: GitHub, repo: Repo, branch: string, from: string): Promise<'created' | 'exists'> {
  try {
    await github.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return 'exists';
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  const { data: base } = await github.rest.git.getRef({ ...repo, ref: `heads/${from}` });
  await github.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: base.object.sha });
  return 'created';
}

/** Write the case on `case/issue-<n>`, open or update its pull request, and answer on the issue. */
export async function submitCase(github: GitHub, repo: Repo, submission: Submission): Promise<{ pullRequest: number; url: string; created: boolean }> {
  const branch = `case/issue-${submission.issue}`;
  await ensureBranch(github, repo, branch, submission.defaultBranch);
  const sha = await fileSha(github, repo, submission.draft.path, branch);
  await github.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: submission.draft.path,
    branch,
    message: `Add case from issue #${submission.issue}`,
    content: Buffer.from(submission.draft.content, 'utf8').toString('base64'),
    ...(sha ? { sha } : {}),
  });
  const body = `由议题 #${submission.issue} 的投稿表单自动生成。\n\n${problemsMarkdown(submission.problems)}\n\nCloses #${submission.issue}`;
  const open = await github.paginate(github.rest.pulls.list, { ...repo, head: `${repo.owner}:${branch}`, state: 'open', per_page: 100 });
  let pr: { number: number; html_url: string };
  let created = false;
  if (open[0]) {
    pr = (await github.rest.pulls.update({ ...repo, pull_number: open[0].number, body })).data;
  } else {
    const title = `案例投稿：${submission.title}`.slice(0, 120);
    pr = (await github.rest.pulls.create({ ...repo, head: branch, base: submission.defaultBranch, title, body })).data;
    created = true;
  }
  await upsertComment(github, repo, submission.issue, INTAKE_MARKER, `${INTAKE_MARKER}\n感谢投稿！已生成合并请求 #${pr.number}（${pr.html_url}）。\n\n${problemsMarkdown(submission.problems)}\n`);
  return { pullRequest: pr.number, url: pr.html_url, created };
}

/** When the form itself is incomplete: say what is missing on the issue, open nothing. */
export async function answerIncomplete(github: GitHub, repo: Repo, issue: number, problems: readonly Diagnostic[]): Promise<void> {
  const lines = problems.map((p) => `- ${p.message}：${p.fix ?? ''}`).filter((l) => l.length < 200);
  await upsertComment(github, repo, issue, INTAKE_MARKER, `${INTAKE_MARKER}\n投稿表单还不完整，暂未生成合并请求：\n\n${lines.join('\n')}\n`);
}
