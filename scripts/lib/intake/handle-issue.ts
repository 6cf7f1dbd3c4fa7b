/**
 * The intake from one issue event, top to bottom: is this an event to act on,
 * was the pull request already closed, is the form complete, then write the case.
 */
import type { IssuesEvent } from '@octokit/webhooks-types';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import type { Theme } from '../../../src/schemas/theme.ts';
import { pullsFrom, type GitHub, type Repo } from '../github/octokit.ts';
import { caseFromIssue, type CaseDraft } from './issue-form.ts';
import { answerIncomplete, intakeBranch, submitCase, type SubmitResult } from './submit-case.ts';
import { intakeTrigger } from './trigger.ts';

export interface IntakeOptions {
  themes: readonly Theme[];
  /** The validator's verdict on the drafted file. */
  check: (draft: CaseDraft) => Diagnostic[];
  /** Accounts whose commits are the intake's own (the workflow token's, the GitHub App's). */
  automation: readonly string[];
  /** Whether pull requests the intake opens start the PR check by themselves (they do with a GitHub App token). */
  checkStartsItself: boolean;
}

export type IntakeResult = { outcome: 'ignored'; reason: string } | { outcome: 'incomplete' } | SubmitResult;

export async function handleIssue(github: GitHub, repo: Repo, event: IssuesEvent, options: IntakeOptions): Promise<IntakeResult> {
  const trigger = intakeTrigger(event);
  if (!trigger.act) return { outcome: 'ignored', reason: trigger.reason };
  const issue = event.issue.number;
  const pulls = await pullsFrom(github, repo, intakeBranch(issue));
  const open = pulls.find((p) => p.state === 'open');
  if (!open && pulls.length > 0) return { outcome: 'ignored', reason: `pull request #${pulls[0]?.number} from ${intakeBranch(issue)} was closed` };

  const draft = caseFromIssue(event.issue.body ?? '', issue, options.themes);
  if (Array.isArray(draft)) {
    await answerIncomplete(github, repo, issue, draft);
    return { outcome: 'incomplete' };
  }
  return submitCase(github, repo, {
    issue,
    title: draft.title,
    draft,
    problems: options.check(draft),
    defaultBranch: event.repository.default_branch,
    automation: options.automation,
    checkStartsItself: options.checkStartsItself,
    ...(open ? { openPullRequest: open.number } : {}),
  });
}
