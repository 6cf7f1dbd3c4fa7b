/** 创新案例: one distinctive innovation, drawn from reports and other documents. */
import * as z from 'zod';
import type { Reference } from './references.ts';
import { EntryIdSchema, LineSchema, RegionCodeSchema, ThemeRefSchema, YearSchema, uniqueList } from './fields.ts';

/** A figure as the source states it: 23 个委员工作室 → label 委员工作室, value 23, unit 个. */
export const MetricSchema = z.strictObject({
  label: LineSchema.max(40, { error: '指标名称过长' }).describe('指标：统计的是什么'),
  value: z.string().regex(/^\d+(?:\.\d+)?$/, { error: '数值只能是数字，例如 23 或 1.5' }).describe('数值：照录出处中的数字（可带小数点）'),
  unit: LineSchema.max(10, { error: '单位过长' }).describe('单位，如 个、场次、条、人次、%'),
});

/**
 * Where a case is drawn from: an entry qualified by collection (`reports/2023/xian`,
 * `rules/xian-xsgzgz`), a published web page, or a printed source written out in
 * Chinese (`《陕西政协》2024年第3期`), as people cite a journal issue or a document.
 */
export const SourceRefSchema = z
  .string()
  .trim()
  .max(200, { error: '出处不超过 200 个字' })
  .regex(/^(?:(?:reports|rules)\/[a-z0-9/-]+|https?:\/\/\S+|[^\r\n]*\p{Script=Han}[^\r\n]*)$/u, {
    error: '出处应写成已收录条目的编号（如 reports/2023/xian）、https:// 开头的网址，或写明刊物、期次、日期（如《陕西政协》2024年第3期）',
  });

/** Whether a source names an entry of the library (`reports/…`, `rules/…`) rather than a page or a publication. */
export function isEntrySource(source: string): boolean {
  return /^(?:reports|rules)\//.test(source);
}

export const CaseSchema = z.strictObject({
  title: LineSchema.max(60, { error: '案例名称不超过 60 个字' }).describe('案例名称：不超过 60 个字'),
  region: RegionCodeSchema.describe('行政区划代码：所在地的六位 GB/T 2260 代码'),
  organization: LineSchema.max(40, { error: '单位名称过长' }).describe('单位，如 秦都区政协'),
  year: YearSchema.describe('年份：案例归入的年份（通常是出处的年份），与所在目录一致'),
  themes: uniqueList(ThemeRefSchema).describe('主题：content/themes.yaml 中的主题编号，可填多个'),
  summary: LineSchema.max(200, { error: '摘要不超过 200 个字' }).describe('摘要：不超过 200 个字'),
  sources: uniqueList(SourceRefSchema).describe('出处：案例所依据的经验交流（reports/编号）、制度文件（rules/编号）、公开报道的网址，或写明刊物、期次、日期的出版物'),
  metrics: z.array(MetricSchema).optional().describe('数据：照录出处中的数字，每项有指标、数值、单位'),
  adaptedFrom: uniqueList(EntryIdSchema).optional().describe('借鉴自：本案例借鉴的其他案例的编号（出处写明时才填）'),
  adoptedBy: uniqueList(EntryIdSchema).optional().describe('推广至：借鉴了本案例的其他案例的编号（出处写明时才填）'),
});

/** Fields that name other entries (see references.ts); the order is the order of the headings on a case page. */
export const CASE_REFERENCES = {
  themes: { target: 'themes' },
  sources: { target: ['reports', 'rules'], external: true, label: '出处', backlink: { field: 'cases', label: '据此提炼的创新案例' } },
  adaptedFrom: { target: 'cases', label: '借鉴自', backlink: { field: 'adoptedBy', label: '推广至' } },
  adoptedBy: { target: 'cases', label: '推广至', backlink: { field: 'adaptedFrom', label: '借鉴自' } },
} as const satisfies Partial<Record<keyof z.input<typeof CaseSchema>, Reference>>;

export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Metric = z.output<typeof MetricSchema>;

/** The body sections every case has, in order; 启示 is recommended, the others required. */
export const CASE_SECTIONS = ['背景', '做法', '成效', '启示'] as const;
export const REQUIRED_CASE_SECTIONS = ['背景', '做法', '成效'] as const;
