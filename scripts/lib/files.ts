/** File-system helpers for the script shells: all-or-nothing writes. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Write every file or none: refuse when any target exists (unless `force`),
 * stage each file beside its target, then rename them into place.
 */
export function writeAll(dir: string, files: readonly { name: string; content: string | Uint8Array }[], force: boolean): string[] {
  const targets = files.map((f) => join(dir, f.name));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0 && !force) {
    throw new Error(`这些文件已存在，未写入任何文件（如需覆盖请加 --force）：\n${existing.map((e) => `  ${e}`).join('\n')}`);
  }
  const staged: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const target = targets[i] as string;
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.tmp-${process.pid}`;
      writeFileSync(temp, file.content, { flag: 'wx' });
      staged.push(temp);
    }
  } catch (error) {
    for (const temp of staged) rmSync(temp, { force: true });
    throw error;
  }
  staged.forEach((temp, i) => renameSync(temp, targets[i] as string));
  return targets;
}
