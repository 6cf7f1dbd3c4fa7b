/** 制度文件: a rules document named by a source. */
import * as z from 'zod';
import { EntryIdSchema, IsoDateSchema, LineSchema, RegionCodeSchema, uniqueList } from './fields.ts';

export const RULE_STATUSES = ['现行', '已修订', '已废止', '未知'] as const;

export const RuleSchema = z.strictObject({
  /** 文件名称, without 《》. */
  title: LineSchema.max(80, { error: '文件名称不超过 80 个字' }).refine((s) => !/[《》]/.test(s), {
    error: '文件名称不要带书名号《》',
  }),
  /** 制发单位: one or more issuers. */
  issuers: uniqueList(LineSchema),
  /** 行政区划代码 (GB/T 2260) of the issuers. */
  region: RegionCodeSchema,
  /** 印发日期 (YYYY-MM-DD), when known. */
  issued: IsoDateSchema.optional(),
  /** 文号, e.g. 咸政协发〔2022〕5号, when known. */
  documentNumber: LineSchema.optional(),
  /** 状态. */
  status: z.enum(RULE_STATUSES, { error: `状态只能是：${RULE_STATUSES.join('、')}` }).default('未知'),
  /** 依据: ids of other rules this one is based on. */
  basis: uniqueList(EntryIdSchema).optional(),
  /** 提及: ids of the reports that mention it. */
  mentionedIn: uniqueList(EntryIdSchema, 0).default([]),
});

export type Rule = z.output<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
