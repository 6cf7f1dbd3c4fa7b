import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Every temporary folder a test run makes (the tests' own trees, the scripts they start, Chromium's
 * profiles) goes under one folder, removed when the run ends: the test workers and every process
 * they start inherit TMPDIR, which os.tmpdir() and mkdtemp read.
 */
const runFolder = mkdtempSync(join(tmpdir(), 'casebook-test-run-'));
process.env['TMPDIR'] = runFolder;
process.once('exit', () => rmSync(runFolder, { recursive: true, force: true }));

/**
 * Three projects. `unit` needs no build and starts no script: it is the inner loop (`npm run test:unit`).
 * `cli` runs the scripts in child processes and temporary trees (`npm run test:cli`).
 * `site` builds the site once (BASE_PATH=/casebook/) in its global setup and runs
 * the tests in test/site/ against the built pages, most of them in Chromium.
 * Inline projects inherit this root config (vitest 5), so the timeout is set once.
 */
/** Tests that start the scripts in child processes (npm run validate, import, digest, cases, the hook, the loader in a time-limited process). */
const CLI_TESTS = [
  'test/scripts/validate-cli.test.ts',
  'test/scripts/validate-staged.test.ts',
  'test/scripts/validate-named.test.ts',
  'test/scripts/validate-hostile.test.ts',
  'test/scripts/check-pull-request.test.ts',
  'test/scripts/run-prebuilt.test.ts',
  'test/scripts/digest.test.ts',
  'test/scripts/import-article.test.ts',
  'test/scripts/import-sources.test.ts',
  'test/scripts/draft-cases.test.ts',
  'test/scripts/local-tools.test.ts',
  'test/scripts/build-site.test.ts',
  'test/lib/content-links.test.ts',
];

export default defineConfig({
  test: {
    // Generous: tests that start a script in a child process share two cores with builds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/site/**', ...CLI_TESTS, '**/node_modules/**'],
          // Pure modules with no shared mutable state: one module graph per thread instead
          // of one per file cuts the run's CPU time by about a quarter.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        // Run the scripts as a person would (child processes, temporary git trees, time limits on hangs):
        // slower, so kept out of the inner loop; `npm test` runs them.
        test: {
          name: 'cli',
          include: CLI_TESTS,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/site/global-setup.ts'],
        },
      },
    ],
  },
});
