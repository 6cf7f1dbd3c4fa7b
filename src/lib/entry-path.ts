/**
 * Where an entry file may live and what it may be called, shared by the site loader and the
 * validator: `<year>/<slug>.md` for reports and cases, `<slug>.md` for rules, `<year>.md` for
 * digests. A slug is lower-case letters, digits and single hyphens.
 */
import { pinyinSlug } from './slug.ts';

export type EntryFolder = 'reports' | 'cases' | 'rules' | 'digests';

export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

const LAYOUT: Record<EntryFolder, RegExp> = {
  reports: new RegExp(`^(?<year>\\d{4})/(?<slug>${SLUG_PATTERN})\\.md$`),
  cases: new RegExp(`^(?<year>\\d{4})/(?<slug>${SLUG_PATTERN})\\.md$`),
  rules: new RegExp(`^(?<slug>${SLUG_PATTERN})\\.md$`),
  digests: /^(?<year>\d{4})\.md$/,
};

export const LAYOUT_EXAMPLES: Record<EntryFolder, string> = {
  reports: 'content/reports/2023/xian.md',
  cases: 'content/cases/2023/qindu-consultation-platform.md',
  rules: 'content/rules/xian-xsgzgz.md',
  digests: 'content/digests/2023.md',
};

export type EntryName = { id: string; year?: string } | { problem: string; suggestion?: string };

/** A slug for a name that is not one: Chinese in toneless pinyin, other letters and digits lower-cased. */
export function suggestSlug(name: string): string {
  const parts = name.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? [];
  return parts.map((part) => (/^[A-Za-z0-9]+$/.test(part) ? part.toLowerCase() : pinyinSlug(part))).filter(Boolean).join('-');
}

/** Checks `name`, the path under content/<folder>/, against the folder's layout. */
export function checkEntryName(folder: EntryFolder, name: string): EntryName {
  const match = LAYOUT[folder].exec(name);
  if (match?.groups) {
    const id = name.slice(0, -'.md'.length);
    const year = match.groups['year'];
    return year ? { id, year } : { id };
  }
  const printable = JSON.stringify(name).slice(1, -1);
  if (folder === 'digests') return { problem: `文件名“${printable}”不对：年度汇编的文件名是四位年份，如 2023.md` };
  const parts = name.split('/');
  const file = parts.at(-1) ?? '';
  const inYear = folder === 'rules' ? parts.length === 1 : parts.length === 2 && /^\d{4}$/.test(parts[0] ?? '');
  const slugOk = new RegExp(`^${SLUG_PATTERN}\\.md$`).test(file);
  const reasons = [
    ...(inYear ? [] : [folder === 'rules' ? '制度文件直接放在 content/rules/ 下，不分子目录' : '应放在四位年份的目录中（如 2023/）']),
    ...(slugOk ? [] : ['文件名只能用小写字母、数字和连字符（-），以 .md 结尾']),
  ];
  const problem = `位置或文件名不对（“${printable}”）：${reasons.join('；')}`;
  const slug = suggestSlug(file.replace(/\.md$/, ''));
  if (!slug) return { problem };
  const year = folder === 'rules' ? '' : inYear ? `${parts[0]}/` : '<年份>/';
  return { problem, suggestion: `content/${folder}/${year}${slug}.md` };
}
