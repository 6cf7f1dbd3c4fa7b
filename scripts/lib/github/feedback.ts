/**
 * The feedback job's logic: read the untrusted report, make sure it belongs to
 * the pull request at the run's head commit, then comment and label.
 */
import * as z from 'zod';
import { COMMENT_MARKER, STATUS_LABELS, isAllowedLabel, labelsFor, renderComment } from './comment.ts';
import { syncLabels, upsertComment, type GitHub, type Repo } from './octokit.ts';
import { PrReportSchema } from './pr-report.ts';

export class RefusedArtifact extends Error {}

export interface FeedbackResult {
  pullRequest: number;
  comment: 'created' | 'updated';
  labels: string[];
}

export async function publishFeedback(github: GitHub, repo: Repo, runHeadSha: string, artifact: unknown): Promise<FeedbackResult> {
  const parsed = PrReportSchema.safeParse(artifact);
  if (!parsed.success) throw new RefusedArtifact(`artifact refused: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  const report = parsed.data;
  if (report.headSha !== runHeadSha) throw new RefusedArtifact('artifact refused: its head SHA is not the workflow run head SHA');
  const { data: pr } = await github.rest.pulls.get({ ...repo, pull_number: report.pullRequest });
  if (pr.head.sha !== runHeadSha) throw new RefusedArtifact(`artifact refused: pull request #${report.pullRequest} is not at ${runHeadSha}`);
  if (pr.state !== 'open') throw new RefusedArtifact(`pull request #${report.pullRequest} is not open`);

  const comment = await upsertComment(github, repo, pr.number, COMMENT_MARKER, renderComment(report));
  const wanted = labelsFor(report).filter(isAllowedLabel);
  const current = pr.labels.map((l) => l.name);
  const status = new Set<string>(Object.values(STATUS_LABELS));
  await syncLabels(github, repo, pr.number, current, wanted, (l) => status.has(l));
  return { pullRequest: pr.number, comment, labels: wanted };
}
