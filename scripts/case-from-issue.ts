/**
 * Run by case-from-issue.yml when an issue carrying the 案例投稿 label is opened or edited:
 * drafts the case file from the form, validates it, and opens a pull request.
 * The issue body is read from GITHUB_EVENT_PATH as data; it never reaches a shell.
 */
import { readFileSync } from 'node:fs';
import type { IssuesEvent } from '@octokit/webhooks-types';
import { readThemes } from '../src/lib/safe-yaml.ts';
import { createOctokit } from './lib/github/octokit.ts';
import { caseFromIssue } from './lib/intake/issue-form.ts';
import { answerIncomplete, submitCase } from './lib/intake/submit-case.ts';
import { listContentFiles, loadContext } from './lib/validate/load.ts';
import { validateFile } from './lib/validate/validate-file.ts';
import { run } from './lib/cli.ts';

export const INTAKE_LABEL = '案例投稿';

async function main(): Promise<number> {
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as IssuesEvent;
  if (!('issue' in event) || !event.issue.labels?.some((l) => l.name === INTAKE_LABEL)) return 0;
  const github = createOctokit(process.env['GITHUB_TOKEN'] ?? '', process.env['GITHUB_API_URL'] ?? 'https://api.github.com');
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const root = process.cwd();
  const draft = caseFromIssue(event.issue.body ?? '', event.issue.number, readThemes());
  if (Array.isArray(draft)) {
    await answerIncomplete(github, repo, event.issue.number, draft);
    return 0;
  }
  const context = loadContext(root, listContentFiles(root));
  const problems = validateFile({ file: draft.path, bytes: new TextEncoder().encode(draft.content), isSymlink: false }, context);
  const result = await submitCase(github, repo, { issue: event.issue.number, title: draft.title, draft, problems, defaultBranch: event.repository.default_branch });
  console.log(`${result.created ? 'opened' : 'updated'} ${result.url}`);
  return 0;
}

run(main);
