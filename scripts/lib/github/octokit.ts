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

const notFound = (error: unknown) => (error as { status?: number }).status === 404;

/** The commit a branch points at, or undefined when there is no such branch. */
export async function branchSha(github: GitHub, repo: Repo, branch: string): Promise<string | undefined> {
  try {
    return (await github.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

/** Create `branch` from the tip of `from` unless it exists; says which. */
export async function ensureBranch(github: GitHub, repo: Repo, branch: string, from: string): Promise<'created' | 'exists'> {
  if (await branchSha(github, repo, branch)) return 'exists';
  const base = await branchSha(github, repo, from);
  if (!base) throw new Error(`branch ${from} not found`);
  await github.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: base });
  return 'created';
}

/**
 * Write a file on a branch through the contents API, passing the current blob's sha when it exists;
 * a file that already has these bytes is left alone (no empty commit).
 */
export async function putFile(github: GitHub, repo: Repo, branch: string, path: string, content: Uint8Array, message: string): Promise<'created' | 'updated' | 'unchanged'> {
  let sha: string | undefined;
  try {
    const { data } = await github.rest.repos.getContent({ ...repo, path, ref: branch });
    if (!Array.isArray(data)) {
      sha = data.sha;
      const current = 'content' in data && typeof data.content === 'string' && data.content !== '' ? Buffer.from(data.content, 'base64') : undefined;
      if (current?.equals(content)) return 'unchanged';
    }
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  await github.rest.repos.createOrUpdateFileContents({ ...repo, path, branch, message, content: Buffer.from(content).toString('base64'), ...(sha ? { sha } : {}) });
  return sha ? 'updated' : 'created';
}

/** The open pull request from `branch` of this repository, if any. */
export async function openPullFrom(github: GitHub, repo: Repo, branch: string): Promise<{ number: number } | undefined> {
  const [pr] = await github.paginate(github.rest.pulls.list, { ...repo, head: `${repo.owner}:${branch}`, state: 'open', per_page: 100 });
  return pr;
}

/** Every pull request ever opened from `branch` of this repository, open or closed. */
export async function pullsFrom(github: GitHub, repo: Repo, branch: string): Promise<{ number: number; state: string }[]> {
  return github.paginate(github.rest.pulls.list, { ...repo, head: `${repo.owner}:${branch}`, state: 'all', per_page: 100 });
}

/** The account GitHub Actions' token commits as. */
export const WORKFLOW_ACCOUNT = 'github-actions[bot]';

export interface BranchChanges {
  /** Authors of the branch's own commits other than the automation accounts: people who worked on it. */
  people: string[];
  /** Files the branch changes against the base, with their blob sha on the branch. */
  files: { path: string; status: string; sha: string }[];
}

/**
 * What `branch` adds to `base`. When GitHub lists only part of the commits, the
 * unlisted ones count as a person's (`?`): a branch is never taken over on a guess.
 */
export async function branchChanges(github: GitHub, repo: Repo, base: string, branch: string, automation: readonly string[] = [WORKFLOW_ACCOUNT]): Promise<BranchChanges> {
  const { data } = await github.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${branch}`, per_page: 100 });
  const names = data.commits.map((c) => c.author?.login ?? c.commit.author?.name ?? '?').filter((name) => !automation.includes(name));
  if ((data.total_commits ?? data.commits.length) > data.commits.length) names.push('?');
  const files = (data.files ?? []).flatMap((f) => (f.sha ? [{ path: f.filename, status: f.status, sha: f.sha }] : []));
  return { people: [...new Set(names)], files };
}

/** Delete a file on a branch through the contents API (the blob sha guards against deleting a newer version). */
export async function deleteFile(github: GitHub, repo: Repo, branch: string, path: string, sha: string, message: string): Promise<void> {
  await github.rest.repos.deleteFile({ ...repo, path, branch, sha, message });
}
