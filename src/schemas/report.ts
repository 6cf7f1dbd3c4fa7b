/** 经验交流: one speaker's experience report, as published in a source article. */
import * as z from 'zod';
import type { Reference } from './references.ts';
import { EntryIdSchema, IsoDateSchema, LineSchema, RegionCodeSchema, ThemeRefSchema, UrlSchema, uniqueList } from './fields.ts';

/** Who gave the report. */
export const SpeakerSchema = z.strictObject({
  name: LineSchema.max(20, { error: '姓名过长' }).describe('姓名，如 王吉德'),
  role: LineSchema.max(40, { error: '职务过长' }).describe('职务，如 政协主席、政协党组书记、主席'),
});

/** Where the report was published, and who made the copy. */
export const SourceSchema = z.strictObject({
  publisher: LineSchema.describe('发布单位，如 各界新闻网'),
  published: IsoDateSchema.describe('发布日期（YYYY-MM-DD）'),
  url: UrlSchema.optional().describe('原文网址（http 或 https），已知时填写'),
  photoCredit: LineSchema.optional().describe('图片作者：取自“本组图片由……摄”'),
  editor: LineSchema.optional().describe('编辑'),
  file: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*\.txt$/, { error: '来源文件应为 content/sources/ 下的 .txt 文件名' })
    .optional()
    .describe('来源文件：导入时所用的 content/sources/ 下的原始稿件'),
});

export const ReportSchema = z.strictObject({
  title: LineSchema.max(80, { error: '标题不超过 80 个字' }).describe('标题：不带书名号，不超过 80 个字'),
  speaker: SpeakerSchema.describe('发言人：姓名和职务'),
  organization: LineSchema.max(40, { error: '单位名称过长' }).describe('单位，如 西安市政协'),
  region: RegionCodeSchema.describe('行政区划代码：政协所在地的六位 GB/T 2260 代码'),
  date: IsoDateSchema.describe('日期：发言或文章的日期（YYYY-MM-DD）'),
  source: SourceSchema.describe('出处：发布单位、日期、网址、图片作者和编辑'),
  themes: uniqueList(ThemeRefSchema).describe('主题：content/themes.yaml 中的主题编号，可填多个'),
  summary: LineSchema.max(200, { error: '摘要不超过 200 个字' }).describe('摘要：不超过 200 个字'),
});

/** Fields that name other entries (see references.ts). */
export const REPORT_REFERENCES = {
  themes: { target: 'themes' },
} as const satisfies Partial<Record<keyof z.input<typeof ReportSchema>, Reference>>;

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
export type Speaker = z.output<typeof SpeakerSchema>;
export type Source = z.output<typeof SourceSchema>;

/** Report ids look like `2023/xian`: the year folder and the slug. */
export const ReportIdSchema = EntryIdSchema;
