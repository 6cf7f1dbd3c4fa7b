/**
 * The one place that asks git for file paths. git quotes and escapes non-ASCII paths by default
 * (core.quotePath), so `content/cases/2023/安康.md` would come back as "content/cases/2023/\345\256\211..."
 * and slip past every `startsWith('content/')` filter. Here paths are always raw and NUL-separated.
 */
import { execFileSync } from 'node:child_process';

/**
 * Runs `git -c core.quotePath=false <args> -z` in `root` and returns the paths it lists, or undefined when git fails.
 * `git grep` exits 1 when nothing matches: with `{ grep: true }` that is an empty list, not a failure.
 */
export function gitPaths(root: string, args: readonly string[], { grep = false } = {}): string[] | undefined {
  try {
    const out = execFileSync('git', ['-c', 'core.quotePath=false', ...withNul(args)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter(Boolean);
  } catch (error) {
    if (grep && (error as { status?: unknown }).status === 1) return [];
    return undefined;
  }
}

/** `-z` must come before a `--` path separator, or git reads it as a path. */
function withNul(args: readonly string[]): string[] {
  const dashes = args.indexOf('--');
  return dashes === -1 ? [...args, '-z'] : [...args.slice(0, dashes), '-z', ...args.slice(dashes)];
}
