/** Where a contributed file may live and what it may be called. */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { CollectionName } from '../../schemas/index.ts';

export interface Located {
  collection: CollectionName;
  /** Path under the collection folder without `.md`. */
  id: string;
  /** The year folder, for collections that have one. */
  year?: string;
}

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const LAYOUT: Record<CollectionName, RegExp> = {
  reports: new RegExp(`^content/reports/(?<year>\\d{4})/(?<slug>${SLUG})\\.md$`),
  cases: new RegExp(`^content/cases/(?<year>\\d{4})/(?<slug>${SLUG})\\.md$`),
  rules: new RegExp(`^content/rules/(?<slug>${SLUG})\\.md$`),
};

const EXAMPLES: Record<CollectionName, string> = {
  reports: 'content/reports/2023/xian.md',
  cases: 'content/cases/2023/qindu-consultation-platform.md',
  rules: 'content/rules/xian-xsgzgz.md',
};

/** Which collection a path belongs to and its id, or why it cannot be an entry. */
export function locate(file: string, isSymlink: boolean): Located | Diagnostic[] {
  if (isSymlink) return [diagnostic(file, 'path/symlink', '不接受符号链接', { fix: '提交文件本身，而不是指向它的链接' })];
  const collection = (['reports', 'cases', 'rules'] as const).find((c) => file.startsWith(`content/${c}/`));
  if (!file.endsWith('.md')) {
    return [diagnostic(file, 'path/not-markdown', `只接受 .md 文件，不接受 ${file.slice(file.lastIndexOf('.')) || '无扩展名的文件'}`, { fix: '把内容写成 Markdown（.md）文件；.mdx、.svg、网页等不会被接受' })];
  }
  if (!collection) {
    return [diagnostic(file, 'path/location', '文件不在 content/reports、content/cases 或 content/rules 中', { fix: '把文件移到对应的目录' })];
  }
  const match = LAYOUT[collection].exec(file);
  if (!match?.groups) {
    return [
      diagnostic(file, 'path/location', '文件位置或文件名不符合要求（文件名只能用小写字母、数字和连字符）', {
        fix: `参照 ${EXAMPLES[collection]} 的格式命名`,
      }),
    ];
  }
  const id = file.slice(`content/${collection}/`.length, -'.md'.length);
  const year = match.groups['year'];
  return year ? { collection, id, year } : { collection, id };
}
