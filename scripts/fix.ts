/**
 * npm run fix -- <paths…>
 * Applies the safe text fixes the validator suggests to entries under content/ and prints each change.
 * Only entry files inside content/reports, content/cases and content/rules are touched, and only
 * when they decode as UTF-8: a file that does not is refused, never decoded lossily.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fixablePath } from './lib/fix-path.ts';
import { fixText } from './lib/fix-text.ts';
import { readContentText } from '../src/lib/read-content-file.ts';
import { run } from './lib/cli.ts';

function main(): number {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('用法：npm run fix -- <文件…>（只修改 content/ 下的 .md 文件）');
    return 2;
  }
  let changed = 0;
  let refused = 0;
  for (const given of paths) {
    const path = fixablePath(process.cwd(), given);
    if (typeof path !== 'string') {
      console.error(`${given}：未修改，${path.problem}`);
      refused++;
      continue;
    }
    let text: string;
    try {
      text = readContentText(path);
    } catch (error) {
      console.error(`${(error as Error).message}；未修改`);
      refused++;
      continue;
    }
    const result = fixText(text);
    for (const c of result.changes) console.log(`${path}:${c.line}\n  原文：${c.before}\n  改为：${c.after}`);
    if (result.changes.length > 0) {
      writeFileSync(`${path}.tmp-${process.pid}`, result.text, { flag: 'wx' });
      renameSync(`${path}.tmp-${process.pid}`, path);
      changed++;
    }
  }
  console.log(`修改了 ${changed} 个文件${refused > 0 ? `，${refused} 个文件未修改（原因见上）` : ''}。`);
  return refused > 0 ? 1 : 0;
}

run(main);
