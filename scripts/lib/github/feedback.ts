/**
 * The feedback job's logic. The uploaded report only names the pull request; it is
 * checked against the run's head commit, and everything acted upon (problems,
 * errors, regions, labels) is recomputed here from the pull request's files, read
 * through the API as data and checked with this checkout's (the default branch's) validator.
 */
import * as z from 'zod';
import { COMMENT_MARKER, STATUS_LABELS, isAllowedLabel, labelsFor, renderComment, renderTooMany } from './comment.ts';
import { syncLabels, upsertComment, type GitHub, type Repo } from './octokit.ts';
import { buildPrReport, PrReportSchema, type PrReport } from './pr-report.ts';
import { fetchPullFiles, MAX_CHECKED_FILES, TooManyFiles, type PullFiles } from './pull-files.ts';
import { recheckPull } from './recheck.ts';

export class RefusedArtifact extends Error {}

/**
 * The commit status this job sets on the pull request's head commit. The 投稿检查 run itself
 * executes the pull request's code and so can be made to pass; branch protection should require this one.
 */
export const VERDICT_CONTEXT = '投稿复核';

export interface FeedbackResult {
  pullRequest: number;
  comment: 'created' | 'updated';
  labels: string[];
  /** The verdict the comment and labels were built from; none when the pull request was too large to re-check. */
  report: PrReport | undefined;
}

export async function publishFeedback(github: GitHub, repo: Repo, runHeadSha: string, artifact: unknown, root: string): Promise<FeedbackResult> {
  const parsed = PrReportSchema.safeParse(artifact);
  if (!parsed.success) throw new RefusedArtifact(`artifact refused: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  const claimed = parsed.data;
  if (claimed.headSha !== runHeadSha) throw new RefusedArtifact('artifact refused: its head SHA is not the workflow run head SHA');
  const { data: pr } = await github.rest.pulls.get({ ...repo, pull_number: claimed.pullRequest });
  if (pr.head.sha !== runHeadSha) throw new RefusedArtifact(`artifact refused: pull request #${claimed.pullRequest} is not at ${runHeadSha}`);
  if (pr.state !== 'open') throw new RefusedArtifact(`pull request #${claimed.pullRequest} is not open`);

  const current = pr.labels.map((l) => l.name);
  const status = new Set<string>(Object.values(STATUS_LABELS));
  let pull: PullFiles;
  try {
    pull = await fetchPullFiles(github, repo, pr.number, runHeadSha);
  } catch (error) {
    if (!(error instanceof TooManyFiles)) throw error;
    // Too large to re-check within the API budget: a failing verdict an editor has to look at, never a pass.
    const comment = await upsertComment(github, repo, pr.number, COMMENT_MARKER, renderTooMany(error.count, MAX_CHECKED_FILES, runHeadSha));
    await syncLabels(github, repo, pr.number, current, [STATUS_LABELS.needsWork], (l) => status.has(l));
    await setVerdict(github, repo, runHeadSha, 'failure', '改动的文件太多，需要编辑人工审核');
    return { pullRequest: pr.number, comment, labels: [STATUS_LABELS.needsWork], report: undefined };
  }
  const verdict = recheckPull(root, pull, current);
  const report = buildPrReport({ pullRequest: pr.number, headSha: runHeadSha, ...verdict });

  const comment = await upsertComment(github, repo, pr.number, COMMENT_MARKER, renderComment(report));
  const wanted = labelsFor(report).filter(isAllowedLabel);
  await syncLabels(github, repo, pr.number, current, wanted, (l) => status.has(l));
  await setVerdict(github, repo, runHeadSha, report.errors > 0 ? 'failure' : 'success', report.errors > 0 ? `有 ${report.errors} 处需要修改` : `检查通过（${report.files.length} 个文件）`);
  return { pullRequest: pr.number, comment, labels: wanted, report };
}

async function setVerdict(github: GitHub, repo: Repo, sha: string, state: 'success' | 'failure', description: string): Promise<void> {
  await github.rest.repos.createCommitStatus({ ...repo, sha, context: VERDICT_CONTEXT, state, description });
}
