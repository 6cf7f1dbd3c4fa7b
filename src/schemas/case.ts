/** 创新案例: one distinctive innovation, drawn from reports and other documents. */
import * as z from 'zod';
import { EntryIdSchema, LineSchema, RegionCodeSchema, ThemeRefSchema, YearSchema, uniqueList } from './fields.ts';

/** A figure as the source states it: 23 个委员工作室 → label 委员工作室, value 23, unit 个. */
export const MetricSchema = z.strictObject({
  /** 指标, what was counted. */
  label: LineSchema.max(40, { error: '指标名称过长' }),
  /** 数值, written as in the source (digits, optionally with a decimal point). */
  value: z.string().regex(/^\d+(?:\.\d+)?$/, { error: '数值只能是数字，例如 23 或 1.5' }),
  /** 单位, e.g. 个、场次、条、人次、%. */
  unit: LineSchema.max(10, { error: '单位过长' }),
});

/**
 * A reference to the document a case is drawn from: an entry qualified by
 * collection (`reports/2023/xian`, `rules/xian-xsgzgz`) or a published web page.
 */
export const SourceRefSchema = z
  .string()
  .regex(/^(?:(?:reports|rules)\/[a-z0-9/-]+|https?:\/\/\S+)$/, {
    error: '出处应写成 reports/<编号>、rules/<编号> 或 https:// 开头的网址，例如 reports/2023/xian',
  });

export const CaseSchema = z.strictObject({
  /** 案例名称. */
  title: LineSchema.max(60, { error: '案例名称不超过 60 个字' }),
  /** 行政区划代码 (GB/T 2260). */
  region: RegionCodeSchema,
  /** 单位, e.g. 秦都区政协. */
  organization: LineSchema.max(40, { error: '单位名称过长' }),
  /** 年份 the case is filed under (usually the year of its source). */
  year: YearSchema,
  /** 主题: ids from content/themes.yaml. */
  themes: uniqueList(ThemeRefSchema),
  /** 摘要, at most 200 characters. */
  summary: LineSchema.max(200, { error: '摘要不超过 200 个字' }),
  /** 出处: the reports or rules it is drawn from. */
  sources: uniqueList(SourceRefSchema),
  /** 数据: figures exactly as stated in a source. */
  metrics: z.array(MetricSchema).optional(),
  /** 借鉴自: cases this one adapted. */
  adaptedFrom: uniqueList(EntryIdSchema).optional(),
  /** 推广至: cases that adopted this one. */
  adoptedBy: uniqueList(EntryIdSchema).optional(),
});

export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Metric = z.output<typeof MetricSchema>;

/** The body sections every case has, in order; 启示 is recommended, the others required. */
export const CASE_SECTIONS = ['背景', '做法', '成效', '启示'] as const;
export const REQUIRED_CASE_SECTIONS = ['背景', '做法', '成效'] as const;
