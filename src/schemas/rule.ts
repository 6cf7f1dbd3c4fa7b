/** 制度文件: a rules document named by a source. */
import * as z from 'zod';
import type { Reference } from './references.ts';
import { EntryIdSchema, IsoDateSchema, LineSchema, RegionCodeSchema, uniqueList } from './fields.ts';

export const RULE_STATUSES = ['现行', '已修订', '已废止', '未知'] as const;

export const RuleSchema = z.strictObject({
  title: LineSchema.max(80, { error: '文件名称不超过 80 个字' })
    .refine((s) => !/[《》]/.test(s), { error: '文件名称不要带书名号《》' })
    .describe('文件名称：不带书名号'),
  issuers: uniqueList(LineSchema.max(40, { error: '单位名称过长' })).describe('制发单位：一个或多个'),
  region: RegionCodeSchema.describe('行政区划代码：制发单位所在地的六位 GB/T 2260 代码'),
  issued: IsoDateSchema.optional().describe('印发日期（YYYY-MM-DD），已知时填写'),
  documentNumber: LineSchema.optional().describe('文号，如 咸政协发〔2022〕5号，已知时填写'),
  status: z.enum(RULE_STATUSES, { error: `状态只能是：${RULE_STATUSES.join('、')}` }).default('未知').describe('状态：现行、已修订、已废止或未知'),
  basis: uniqueList(EntryIdSchema).optional().describe('依据：本文件所依据的其他制度文件的编号'),
  mentionedIn: uniqueList(EntryIdSchema, 0).default([]).describe('提及：提到本文件的经验交流的编号'),
});

/** Fields that name other entries (see references.ts); the order is the order of the headings on a rule page. */
export const RULE_REFERENCES = {
  mentionedIn: { target: 'reports', label: '提到本文件的经验交流', backlink: { field: 'rules', label: '发言中提到的制度文件' } },
  basis: { target: 'rules', label: '制定依据', backlink: { field: 'basedOn', label: '据此制定的制度文件' } },
} as const satisfies Partial<Record<keyof z.input<typeof RuleSchema>, Reference>>;

export type Rule = z.output<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
