/** Where the source lives, for "edit on GitHub" links. A fork sets REPO_URL when it builds. */

/** The placeholder used when REPO_URL is not set. */
export const DEFAULT_REPO_URL = 'https://github.com/casebook-cppcc/casebook';

export function repoUrl(env: Record<string, string | undefined> = process.env): string {
  return (env['REPO_URL'] || DEFAULT_REPO_URL).replace(/\/+$/, '');
}

/** The GitHub page that edits `file` (a path relative to the repository root) on the default branch. */
export function editUrl(file: string, repo = repoUrl(), branch = 'main'): string {
  return `${repo}/edit/${branch}/${file.split('/').map(encodeURIComponent).join('/')}`;
}
