/**
 * Walking a content folder without following symbolic links: a linked folder
 * (`content/cases/zz -> /elsewhere`) is listed as a link and never entered.
 */
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export interface TreeEntry {
  /** Path under the folder, with forward slashes. */
  name: string;
  kind: 'file' | 'symlink' | 'other';
}

/** Every entry under `base` that is not a folder, sorted; links are listed, not followed. */
export function walkTree(base: string): TreeEntry[] {
  const found: TreeEntry[] = [];
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'utf8' });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else found.push({ name: relative(base, path).split(sep).join('/'), kind: entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'other' });
    }
  };
  visit(base);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether `path` (under `root`) resolves to a place inside `root`: no link anywhere on the way leads out. */
export function staysInside(root: string, path: string): boolean {
  try {
    const real = relative(realpathSync(root), realpathSync(path));
    return real !== '' && !real.startsWith('..') && !isAbsolute(real);
  } catch {
    return false;
  }
}
