import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` needs no build and is the inner loop (`npm run test:unit`).
 * `site` builds the site once (BASE_PATH=/casebook/) in its global setup and runs
 * the tests in test/site/ against the built pages, most of them in Chromium.
 * Inline projects inherit this root config (vitest 5), so the timeout is set once.
 */
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
          exclude: ['test/site/**', '**/node_modules/**'],
          // Pure modules with no shared mutable state: one module graph per thread instead
          // of one per file cuts the run's CPU time by about a quarter.
          pool: 'threads',
          isolate: false,
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
