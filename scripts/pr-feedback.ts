/**
 * Run by pr-feedback.yml on `workflow_run` (write token, never PR code):
 * node scripts/pr-feedback.ts <pr-report.json>
 * Reads the triggering run from GITHUB_EVENT_PATH and the token from GITHUB_TOKEN. The working
 * directory is the default branch's checkout: its validator re-checks the pull request's files.
 */
import { readFileSync } from 'node:fs';
import type { WorkflowRunCompletedEvent } from '@octokit/webhooks-types';
import { publishFeedback } from './lib/github/feedback.ts';
import { createOctokit } from './lib/github/octokit.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const artifactPath = process.argv[2];
  if (!artifactPath) throw new Error('usage: node scripts/pr-feedback.ts <pr-report.json>');
  const event = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'] ?? '', 'utf8')) as WorkflowRunCompletedEvent;
  if (event.workflow_run.event !== 'pull_request') {
    console.log(`not a pull request run (${event.workflow_run.event}); nothing to do`);
    return 0;
  }
  let artifact: unknown;
  try {
    artifact = JSON.parse(readFileSync(artifactPath, 'utf8').slice(0, 1_000_000));
  } catch {
    throw new Error('artifact refused: not JSON');
  }
  const github = createOctokit(process.env['GITHUB_TOKEN'] ?? '', process.env['GITHUB_API_URL'] ?? 'https://api.github.com');
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const result = await publishFeedback(github, repo, event.workflow_run.head_sha, artifact, process.cwd());
  const verdict = result.report ? `${result.report.errors} errors, ${result.report.warnings} warnings in ${result.report.files.length} files` : 'too many files to re-check';
  console.log(`#${result.pullRequest}: ${verdict}; comment ${result.comment}; labels ${result.labels.join(', ')}`);
  return 0;
}

run(main);
