/**
 * Run by case-from-issue.yml on issue events: drafts the case file from the submit-case
 * form, validates it, and opens or updates its pull request (see scripts/lib/intake/handle-issue.ts
 * for which events it acts on). The issue body is read from GITHUB_EVENT_PATH as data; it never
 * reaches a shell. INTAKE_APP_SLUG names the GitHub App whose token is in GITHUB_TOKEN, if any.
 */
import { readFileSync } from 'node:fs';
import type { IssuesEvent } from '@octokit/webhooks-types';
import { readThemes } from '../src/lib/safe-yaml.ts';
import { createOctokit, WORKFLOW_ACCOUNT } from './lib/github/octokit.ts';
import { handleIssue } from './lib/intake/handle-issue.ts';
import { listContentFiles, loadContext } from './lib/validate/load.ts';
import { validateFile } from './lib/validate/validate-file.ts';
import { run } from './lib/cli.ts';


async function main(): Promise<number> {
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as IssuesEvent;
  const github = createOctokit(process.env['GITHUB_TOKEN'] ?? '', process.env['GITHUB_API_URL'] ?? 'https://api.github.com');
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const root = process.cwd();
  const appSlug = process.env['INTAKE_APP_SLUG'] ?? '';
  const result = await handleIssue(github, repo, event, {
    themes: readThemes(),
    check: (draft) => validateFile({ file: draft.path, bytes: new TextEncoder().encode(draft.content), isSymlink: false }, loadContext(root, listContentFiles(root))),
    automation: appSlug ? [WORKFLOW_ACCOUNT, `${appSlug}[bot]`] : [WORKFLOW_ACCOUNT],
    checkStartsItself: appSlug !== '',
  });
  console.log(JSON.stringify(result));
  return 0;
}

run(main);
