/**
 * Builds the site once for the whole test run, under a sub-path (BASE_PATH=/casebook/)
 * so every browser test also checks that links respect the base path, and
 * serves it on 127.0.0.1 with the static server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export const SITE_BASE = '/casebook/';
export const SITE_ORIGIN = 'https://casebook.example';
/** Entries per list page in the test build (the site uses 50): the bundled library then spans several pages. */
export const LIST_PAGE_SIZE_FOR_TESTS = 20;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory of the built site. */
    siteDir: string;
    /** URL of the served site, ending in the base path: http://127.0.0.1:<port>/casebook/ */
    siteUrl: string;
    /** Seconds `npm run build` took. */
    buildSeconds: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-site-'));
  const siteDir = join(dir, 'site');
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, LIST_PAGE_SIZE: String(LIST_PAGE_SIZE_FOR_TESTS), BASE_PATH: SITE_BASE, SITE_URL: SITE_ORIGIN, OUT_DIR: siteDir, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`site built in ${buildSeconds.toFixed(1)} s`);
  const server = await serveStatic(siteDir, SITE_BASE);
  project.provide('siteDir', siteDir);
  project.provide('siteUrl', server.url);
  project.provide('buildSeconds', buildSeconds);
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
