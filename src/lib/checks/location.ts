/** Where a contributed file may live and what it may be called. */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { checkEntryName, LAYOUT_EXAMPLES } from '../entry-path.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';

export interface Located {
  collection: CollectionName;
  /** Path under the collection folder without `.md`. */
  id: string;
  /** The year folder, for collections that have one. */
  year?: string;
}

/** What `npm run import` keeps under content/sources/: the original, its extracted text and the editors' repair list. */
const SOURCE_FILE = /^content\/sources\/[a-z0-9][a-z0-9._-]*\.(?:txt|docx|doc|html|repairs\.yaml)$/;

/** A kept source is not an entry: only its name and kind are checked (no problems means nothing more to check). */
function sourceFileCheck(file: string): Diagnostic[] {
  if (SOURCE_FILE.test(file)) return [];
  return [
    diagnostic(file, 'path/location', 'content/sources/ 只存放导入的原始稿件：.txt、.docx、.doc、.html 和修复清单 .repairs.yaml，文件名只能用小写字母、数字、点和连字符', {
      fix: '用 npm run import 导入稿件，由它把原件保存到 content/sources/',
    }),
  ];
}

/** `.mdx` for `content/cases/2023/x.mdx`; '' for `content/cases` or `content/v1.2/README` (the dot is in a folder's name). */
function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** Which collection a path belongs to and its id, or why it cannot be an entry. */
export function locate(file: string, isSymlink: boolean): Located | Diagnostic[] {
  if (isSymlink) return [diagnostic(file, 'path/symlink', '不接受符号链接', { fix: '提交文件本身，而不是指向它的链接' })];
  if (file.startsWith('content/sources/')) return sourceFileCheck(file);
  const collection = COLLECTION_NAMES.find((c) => file.startsWith(`content/${c}/`));
  if (!file.endsWith('.md')) {
    return [diagnostic(file, 'path/not-markdown', `只接受 .md 文件，不接受 ${extensionOf(file) || '无扩展名的文件'}`, { fix: '把内容写成 Markdown（.md）文件；.mdx、.svg、网页等不会被接受' })];
  }
  if (!collection) {
    return [diagnostic(file, 'path/location', '文件不在 content/reports、content/cases 或 content/rules 中', { fix: '把文件移到对应的目录' })];
  }
  const name = checkEntryName(collection, file.slice(`content/${collection}/`.length));
  if ('problem' in name) {
    const fix = name.suggestion ? `改名为 ${name.suggestion}（参照 ${LAYOUT_EXAMPLES[collection]} 的格式）` : `参照 ${LAYOUT_EXAMPLES[collection]} 的格式命名`;
    return [diagnostic(file, 'path/location', name.problem, { fix })];
  }
  return name.year ? { collection, id: name.id, year: name.year } : { collection, id: name.id };
}
