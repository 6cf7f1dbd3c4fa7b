/**
 * npm run build:scripts (also run by `npm ci` / `npm install` as `prepare`)
 * Bundles the entry scripts into .cache/scripts/ so that they start fast; see scripts/lib/prebuilt/build.ts.
 */
import { buildPrebuilt, PREBUILT_GROUPS } from './lib/prebuilt/build.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const started = performance.now();
  await buildPrebuilt(process.cwd());
  console.log(`预编译脚本：${Object.keys(PREBUILT_GROUPS).join('、')}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（.cache/scripts/）`);
  return 0;
}

run(main);
