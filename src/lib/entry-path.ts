/**
 * Where an entry file may live and what it may be called, shared by the site loader and the
 * validator: `<year>/<slug>.md` for reports and cases, `<slug>.md` for rules, `<year>.md` for
 * digests. A slug is lower-case letters, digits and single hyphens.
 */
import { pinyinSlug } from './slug.ts';

export type EntryFolder = 'reports' | 'cases' | 'rules' | 'digests';

export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * Longest file name (without .md). Every list page links each of its 50 entries by its file name,
 * so with the other fields' limits this keeps a list page under 60 KB at any library size.
 */
export const SLUG_MAX_LENGTH = 80;

/** `slug` cut to `max` characters, at a hyphen when there is one: a slug stays whole words. */
export function shortenSlug(slug: string, max = SLUG_MAX_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

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
  return shortenSlug(parts.map((part) => (/^[A-Za-z0-9]+$/.test(part) ? part.toLowerCase() : pinyinSlug(part))).filter(Boolean).join('-'));
}

/** Checks `name`, the path under content/<folder>/, against the folder's layout. */
export function checkEntryName(folder: EntryFolder, name: string): EntryName {
  const match = LAYOUT[folder].exec(name);
  const slug = match?.groups?.['slug'];
  if (slug !== undefined && slug.length > SLUG_MAX_LENGTH) {
    const year = match?.groups?.['year'];
    return {
      problem: `文件名太长（${slug.length} 个字符）：不能超过 ${SLUG_MAX_LENGTH} 个字符`,
      suggestion: `content/${folder}/${year ? `${year}/` : ''}${shortenSlug(slug)}.md`,
    };
  }
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
  const suggested = suggestSlug(file.replace(/\.md$/, ''));
  if (!suggested) return { problem };
  const year = folder === 'rules' ? '' : inYear ? `${parts[0]}/` : '<年份>/';
  return { problem, suggestion: `content/${folder}/${year}${suggested}.md` };
}
