/**
 * Fields shared by every collection. Frontmatter is parsed with YAML's failsafe
 * schema, so every scalar arrives as a string and the typing happens here.
 */
import * as z from 'zod';
import { zhCN } from 'zod/locales';
import { isRegionCode } from '../lib/regions.ts';

// Built-in messages (type errors and the like) in simplified Chinese, like ours. Imported by name
// so that a bundle holds this one locale, not all of them (about 300 KB of the validator's bundle).
z.config(zhCN());

/** A six-digit GB/T 2260 administrative-division code that exists in the division table. */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { error: '行政区划代码应为 6 位数字（GB/T 2260），例如 610402', abort: true })
  .refine(isRegionCode, { error: '不是有效的 GB/T 2260 行政区划代码' });

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成 YYYY-MM-DD，例如 2023-05-25', abort: true })
  // Written the right way, it must also be a day of the calendar (no 2023-02-30).
  .pipe(z.iso.date({ error: '不是存在的日期' }));

/**
 * A theme named by an entry. Any text is accepted here so that the reference
 * check can suggest the closest theme for, say, 书香政协 written as a name.
 */
export const ThemeRefSchema = z.string().trim().min(1, { error: '主题不能为空' });

/** A four-digit year, stored as text and read as a number. */
export const YearSchema = z
  .string()
  .regex(/^(19|20)\d{2}$/, { error: '年份应为四位数字，例如 2023' })
  .transform(Number);

/** Identifier of an entry: its path under the collection folder without `.md`, e.g. `2023/xian`. */
export const EntryIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, {
    error: '条目编号只能用小写字母、数字和连字符，以“/”分隔，例如 2023/xian',
  });

/** Identifier of a theme in `content/themes.yaml`, e.g. `member-studio`. */
export const ThemeIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '主题编号只能用小写字母、数字和连字符，例如 member-studio' });

/** Plain one-line text in Chinese (no line breaks). */
export const LineSchema = z
  .string()
  .trim()
  .min(1, { error: '不能为空' })
  .refine((s) => !/[\r\n]/.test(s), { error: '不能换行' });

/** A web address; only http(s) is accepted. */
export const UrlSchema = z.url({ protocol: /^https?$/, error: '网址应以 http:// 或 https:// 开头' });

/** A list with at least one item and no repeats. */
export function uniqueList<T extends z.ZodType>(item: T, min = 1) {
  return z
    .array(item)
    .min(min, { error: `至少填写 ${min} 项` })
    .refine((list) => new Set(list.map(String)).size === list.length, { error: '列表中有重复项' });
}
