/** The only place that talks to the GitHub API. */
import { Octokit } from 'octokit';

export type GitHub = InstanceType<typeof Octokit>;

export function createOctokit(token: string, baseUrl = 'https://api.github.com'): GitHub {
  return new Octokit({ auth: token, baseUrl, userAgent: 'casebook-workflows', retry: { enabled: false }, throttle: { enabled: false } });
}

export interface Repo {
  owner: string;
  repo: string;
}

/** Create the comment that carries `marker`, or update it if it exists (all pages are searched). */
export async function upsertComment(github: GitHub, repo: Repo, issue: number, marker: string, body: string): Promise<'created' | 'updated'> {
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
  const own = comments.find((c) => c.body?.includes(marker) && c.user?.type === 'Bot');
  if (own) {
    await github.rest.issues.updateComment({ ...repo, comment_id: own.id, body });
    return 'updated';
  }
  await github.rest.issues.createComment({ ...repo, issue_number: issue, body });
  return 'created';
}

/** Add `wanted` and remove the labels in `managed` that are no longer wanted; other labels stay. */
export async function syncLabels(github: GitHub, repo: Repo, issue: number, current: readonly string[], wanted: readonly string[], managed: (label: string) => boolean): Promise<void> {
  for (const label of current.filter((l) => managed(l) && !wanted.includes(l))) {
    await github.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label });
  }
  const missing = wanted.filter((l) => !current.includes(l));
  if (missing.length > 0) await github.rest.issues.addLabels({ ...repo, issue_number: issue, labels: missing });
}
