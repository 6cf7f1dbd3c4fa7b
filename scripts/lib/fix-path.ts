/** Which paths `npm run fix` may edit: entry files inside the collection folders, and nothing a `..` or a link leads out to. */
import { join } from 'node:path';
import { staysInside } from '../../src/lib/content-tree.ts';

const ENTRY = /^content\/(reports|cases|rules)\/(?:[^/]+\/)*[^/]+\.md$/;
const REFUSAL = '只修改 content/reports、content/cases、content/rules 下的 .md 文件';

/** The repository-relative path to edit, or why it is refused. */
export function fixablePath(root: string, given: string): string | { problem: string } {
  const path = given.replace(/^\.\//, '');
  const parts = path.split('/');
  if (path.includes('\\') || parts.some((p) => p === '..' || p === '.' || p === '') || !ENTRY.test(path)) return { problem: REFUSAL };
  const collection = parts[1] as string;
  if (!staysInside(join(root, 'content', collection), join(root, path))) return { problem: `${REFUSAL}（文件或它所在的目录是指向别处的链接，或文件不存在）` };
  return path;
}
