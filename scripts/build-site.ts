/**
 * npm run build [-- astro build options]: the pages (`astro build`) and the
 * search index (`node scripts/build-search-index.ts`) at the same time, one
 * on each core. The index reads content/, not the built pages, so neither
 * waits for the other. Astro empties its output folder when it starts, so
 * the index is written beside it (.<site>-search-index/) and moved into
 * <site>/search-index/ once both have finished; its manifest then goes into
 * the search page (scripts/lib/search/embed.ts). If either fails, the other
 * is stopped, nothing is moved, and the build fails with the failing step's
 * own output and a line saying which step it was.
 *
 * Running both at once adds their memory. When the library is so large for
 * this machine that the two peaks together might not fit (bothFit), the
 * index waits for the pages instead, as it used to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { run } from './lib/cli.ts';
import { bothFit, countEntries, pageHeapMiB } from './lib/build-plan.ts';
import { embedManifest } from './lib/search/embed.ts';

interface Step {
  name: string;
  child: ChildProcess;
  done: Promise<number>;
}

function start(name: string, args: string[]): Step {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const done = new Promise<number>((resolveCode) => {
    child.once('error', () => resolveCode(1));
    child.once('close', (code, signal) => resolveCode(code ?? (signal ? 128 : 1)));
  });
  return { name, child, done };
}

async function main(): Promise<number> {
  const site = resolve(process.env['OUT_DIR'] || 'dist');
  const staging = join(dirname(site), `.${basename(site)}-search-index`);
  rmSync(staging, { recursive: true, force: true });
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const pages = (): Step => start('网站页面（astro build）', [`--max-old-space-size=${pageHeapMiB()}`, astro, 'build', ...process.argv.slice(2)]);
  const index = (): Step => start('搜索索引（scripts/build-search-index.ts）', [join(import.meta.dirname, 'build-search-index.ts'), staging]);
  const entries = countEntries('content');
  const together = bothFit(entries);
  if (!together) {
    console.log(`${entries} 个条目：本机内存或核数不足以同时构建页面和搜索索引，改为先后构建。`);
    const first = pages();
    if ((await first.done) !== 0) {
      console.error(`构建失败：${first.name}出错（退出码 ${await first.done}），见上面的输出。`);
      return 1;
    }
  }
  const steps = together ? [pages(), index()] : [index()];
  try {
    // The first step to fail stops the other: its output is the message.
    const failed = await new Promise<Step | undefined>((settle) => {
      let left = steps.length;
      for (const step of steps) {
        void step.done.then((code) => {
          if (code !== 0) settle(step);
          else if (--left === 0) settle(undefined);
        });
      }
    });
    if (failed) {
      for (const other of steps) if (other !== failed && other.child.exitCode === null) other.child.kill();
      await Promise.all(steps.map((s) => s.done));
      console.error(`构建失败：${failed.name}出错（退出码 ${await failed.done}），见上面的输出。`);
      return 1;
    }
    const target = join(site, 'search-index');
    rmSync(target, { recursive: true, force: true });
    if (!existsSync(join(staging, 'search-index'))) throw new Error(`构建失败：没有找到搜索索引 ${join(staging, 'search-index')}`);
    renameSync(join(staging, 'search-index'), target);
    embedManifest(site);
    console.log(`搜索索引已放入 ${target}`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

run(main);
