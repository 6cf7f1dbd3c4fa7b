/**
 * npm run fix -- <paths…>
 * Applies the safe text fixes the validator suggests to entries under content/ and prints each change.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fixText } from './lib/fix-text.ts';
import { run } from './lib/cli.ts';

function main(): number {
  const paths = process.argv.slice(2).map((p) => p.replace(/^\.\//, ''));
  if (paths.length === 0) {
    console.error('用法：npm run fix -- <文件…>（只修改 content/ 下的 .md 文件）');
    return 2;
  }
  let changed = 0;
  for (const path of paths) {
    if (!/^content\/(reports|cases|rules)\/.+\.md$/.test(path)) {
      console.error(`${path}：跳过，只修改 content/reports、content/cases、content/rules 下的 .md 文件`);
      continue;
    }
    const result = fixText(readFileSync(path, 'utf8'));
    for (const c of result.changes) console.log(`${path}:${c.line}\n  原文：${c.before}\n  改为：${c.after}`);
    if (result.changes.length > 0) {
      writeFileSync(`${path}.tmp-${process.pid}`, result.text);
      renameSync(`${path}.tmp-${process.pid}`, path);
      changed++;
    }
  }
  console.log(`修改了 ${changed} 个文件。`);
  return 0;
}

run(main);
