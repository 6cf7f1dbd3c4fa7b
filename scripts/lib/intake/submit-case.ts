/** Putting a case drafted from an issue on its own branch and opening (or updating) its pull request. */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { problemTable } from '../github/comment.ts';
import { ensureBranch, openPullFrom, putFile, upsertComment, type GitHub, type Repo } from '../github/octokit.ts';
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

/** Write the case on `case/issue-<n>`, open or update its pull request, and answer on the issue. */
export async function submitCase(github: GitHub, repo: Repo, submission: Submission): Promise<{ pullRequest: number; url: string; created: boolean }> {
  const branch = `case/issue-${submission.issue}`;
  await ensureBranch(github, repo, branch, submission.defaultBranch);
  await putFile(github, repo, branch, submission.draft.path, new TextEncoder().encode(submission.draft.content), `Add case from issue #${submission.issue}`);
  const body = `由议题 #${submission.issue} 的投稿表单自动生成。\n\n${problemsMarkdown(submission.problems)}\n\nCloses #${submission.issue}`;
  const open = await openPullFrom(github, repo, branch);
  let pr: { number: number; html_url: string };
  let created = false;
  if (open) {
    pr = (await github.rest.pulls.update({ ...repo, pull_number: open.number, body })).data;
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
