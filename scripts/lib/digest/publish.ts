/**
 * Opening or updating the digest pull request from branch `digest/<year>`
 * without overwriting anything a person has committed there.
 */
import { branchChanges, branchSha, ensureBranch, openPullFrom, putFile, upsertComment, type GitHub, type Repo } from '../github/octokit.ts';

export const DIGEST_MARKER = '<!-- casebook:digest -->';
export { WORKFLOW_ACCOUNT } from '../github/octokit.ts';

export interface DigestFiles {
  year: number;
  files: { path: string; content: Uint8Array }[];
  /** The validation summary and figures for the pull request body. */
  body: string;
  defaultBranch: string;
}

export type PublishResult =
  | { outcome: 'opened' | 'updated'; pullRequest: number }
  | { outcome: 'held'; pullRequest?: number; people: string[] };

export async function publishDigest(github: GitHub, repo: Repo, digest: DigestFiles): Promise<PublishResult> {
  const branch = `digest/${digest.year}`;
  const pr = await openPullFrom(github, repo, branch);
  if (await branchSha(github, repo, branch)) {
    const { people } = await branchChanges(github, repo, digest.defaultBranch, branch);
    if (people.length > 0) {
      if (pr) {
        await upsertComment(github, repo, pr.number, DIGEST_MARKER, `${DIGEST_MARKER}\n内容有更新，但分支 \`${branch}\` 上有 ${people.join('、')} 的提交，自动汇编没有覆盖。请合并或关闭本请求后重新运行“年度汇编”。\n\n${digest.body}`);
      }
      return pr ? { outcome: 'held', pullRequest: pr.number, people } : { outcome: 'held', people };
    }
  } else {
    await ensureBranch(github, repo, branch, digest.defaultBranch);
  }
  for (const file of digest.files) {
    await putFile(github, repo, branch, file.path, file.content, `Digest ${digest.year}: ${file.path}`);
  }
  const title = `${digest.year} 年度创新案例汇编`;
  if (pr) {
    await github.rest.pulls.update({ ...repo, pull_number: pr.number, body: digest.body });
    return { outcome: 'updated', pullRequest: pr.number };
  }
  const { data } = await github.rest.pulls.create({ ...repo, head: branch, base: digest.defaultBranch, title, body: digest.body });
  return { outcome: 'opened', pullRequest: data.number };
}
