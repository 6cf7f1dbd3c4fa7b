/**
 * Putting a case drafted from an issue on its own branch and opening (or updating)
 * its pull request, without ever overwriting what a person committed there.
 */
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { problemTable } from '../github/comment.ts';
import { branchChanges, branchSha, deleteFile, ensureBranch, putFile, upsertComment, type GitHub, type Repo } from '../github/octokit.ts';
import { isRuleId } from '../validate/rules.ts';
import type { CaseDraft } from './issue-form.ts';

export const INTAKE_MARKER = '<!-- casebook:case-intake -->';

export interface Submission {
  issue: number;
  title: string;
  draft: CaseDraft;
  problems: Diagnostic[];
  defaultBranch: string;
  /** Accounts whose commits are the intake's own; anyone else's commit on the branch stops the intake. */
  automation: readonly string[];
  /** Whether the pull request's check starts by itself (GitHub App token) or an editor must start it. */
  checkStartsItself: boolean;
  /** The intake's pull request, when one is open. */
  openPullRequest?: number;
}

export type SubmitResult =
  | { outcome: 'opened' | 'updated'; pullRequest: number; url: string; moved: string[] }
  | { outcome: 'held'; pullRequest?: number; people: string[] };

export function intakeBranch(issue: number): string {
  return `case/issue-${issue}`;
}

/**
 * Pull requests opened or pushed with the workflow's own token start no workflow
 * (GitHub's rule against loops), so without a GitHub App an editor starts the check.
 */
export const START_CHECK_NOTE =
  '编辑请注意：这个合并请求由工作流令牌创建，GitHub 不会为它自动运行“投稿检查”。请先关闭、再重新打开这个合并请求，检查就会运行（表单再次修改后，需要再这样做一次）。也可以向分支推送一个空提交（`git commit --allow-empty -m "重新检查"`），但分支上有了人工提交后，表单的修改不再自动同步。';

function problemsMarkdown(problems: readonly Diagnostic[]): string {
  const known = problems.filter((p) => isRuleId(p.rule));
  if (known.length === 0) return '自动检查没有发现问题，等待编辑审核。';
  return `自动检查发现 ${known.length} 处需要注意（改好后编辑这个议题即可重新生成）：\n\n${problemTable(known)}`;
}

/** Say on the issue (and the pull request) that the form changed but the branch is a person's now. */
async function hold(github: GitHub, repo: Repo, submission: Submission, branch: string, people: string[]): Promise<SubmitResult> {
  const who = people.map((p) => p.replace(/[^\w.[\]-]/g, '') || '其他人').join('、');
  const text = `表单有修改，但分支 \`${branch}\` 上已有 ${who} 的提交，没有自动覆盖。请编辑对照议题内容，在合并请求中手动修改。`;
  const pr = submission.openPullRequest;
  await upsertComment(github, repo, submission.issue, INTAKE_MARKER, `${INTAKE_MARKER}\n${pr ? `合并请求 #${pr} 已生成。` : ''}${text}\n`);
  if (pr) await upsertComment(github, repo, pr, INTAKE_MARKER, `${INTAKE_MARKER}\n议题 #${submission.issue} ${text}\n`);
  return pr ? { outcome: 'held', pullRequest: pr, people } : { outcome: 'held', people };
}

/** Write the case on `case/issue-<n>`, remove the file it replaces, open or update its pull request, and answer on the issue. */
export async function submitCase(github: GitHub, repo: Repo, submission: Submission): Promise<SubmitResult> {
  const branch = intakeBranch(submission.issue);
  let earlier: { path: string; sha: string }[] = [];
  if (await branchSha(github, repo, branch)) {
    const changes = await branchChanges(github, repo, submission.defaultBranch, branch, submission.automation);
    if (changes.people.length > 0) return hold(github, repo, submission, branch, changes.people);
    earlier = changes.files.filter((f) => f.status !== 'removed' && f.path.startsWith('content/cases/') && f.path !== submission.draft.path);
  } else {
    await ensureBranch(github, repo, branch, submission.defaultBranch);
  }
  await putFile(github, repo, branch, submission.draft.path, new TextEncoder().encode(submission.draft.content), `Add case from issue #${submission.issue}`);
  // The region or year changed: the case now lives at a new path, so the old file goes.
  for (const file of earlier) await deleteFile(github, repo, branch, file.path, file.sha, `Move case from issue #${submission.issue} to ${submission.draft.path}`);

  const note = submission.checkStartsItself ? '' : `\n\n${START_CHECK_NOTE}`;
  const body = `由议题 #${submission.issue} 的投稿表单自动生成。\n\n${problemsMarkdown(submission.problems)}${note}\n\nCloses #${submission.issue}`;
  let pr: { number: number; html_url: string };
  const open = submission.openPullRequest;
  if (open) {
    pr = (await github.rest.pulls.update({ ...repo, pull_number: open, body })).data;
  } else {
    const title = `案例投稿：${submission.title}`.slice(0, 120);
    pr = (await github.rest.pulls.create({ ...repo, head: branch, base: submission.defaultBranch, title, body })).data;
  }
  await upsertComment(github, repo, submission.issue, INTAKE_MARKER, `${INTAKE_MARKER}\n感谢投稿！已生成合并请求 #${pr.number}（${pr.html_url}）。\n\n${problemsMarkdown(submission.problems)}${note}\n`);
  return { outcome: open ? 'updated' : 'opened', pullRequest: pr.number, url: pr.html_url, moved: earlier.map((f) => f.path) };
}

/** When the form itself is incomplete: say what is missing on the issue, open nothing. */
export async function answerIncomplete(github: GitHub, repo: Repo, issue: number, problems: readonly Diagnostic[]): Promise<void> {
  const lines = problems.map((p) => `- ${p.message}：${p.fix ?? ''}`).filter((l) => l.length < 200);
  await upsertComment(github, repo, issue, INTAKE_MARKER, `${INTAKE_MARKER}\n投稿表单还不完整，暂未生成合并请求：\n\n${lines.join('\n')}\n`);
}
