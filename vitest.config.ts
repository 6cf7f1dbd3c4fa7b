import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Launching Chromium for the browser tests can take longer than the default 10 s on a busy CI machine.
    hookTimeout: 60_000,
    // Builds the site once (npm run build) and serves it for the browser tests in test/site/.
    globalSetup: ['test/site/global-setup.ts'],
  },
});
