/** 经验交流: one speaker's experience report, as published in a source article. */
import * as z from 'zod';
import { EntryIdSchema, IsoDateSchema, LineSchema, RegionCodeSchema, ThemeRefSchema, UrlSchema, uniqueList } from './fields.ts';

/** Who gave the report. */
export const SpeakerSchema = z.strictObject({
  /** 姓名, e.g. 王吉德. */
  name: LineSchema.max(20, { error: '姓名过长' }),
  /** 职务, e.g. 政协主席 or 政协党组书记、主席. */
  role: LineSchema.max(40, { error: '职务过长' }),
});

/** Where the report was published, and who made the copy. */
export const SourceSchema = z.strictObject({
  /** 发布单位, e.g. 各界新闻网. */
  publisher: LineSchema,
  /** 发布日期 (YYYY-MM-DD). */
  published: IsoDateSchema,
  /** 原文网址 (http or https), when known. */
  url: UrlSchema.optional(),
  /** 图片作者, from the credit line 本组图片由……摄. */
  photoCredit: LineSchema.optional(),
  /** 编辑. */
  editor: LineSchema.optional(),
  /** The raw copy under content/sources/ this report was imported from. */
  file: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*\.txt$/, { error: '来源文件应为 content/sources/ 下的 .txt 文件名' })
    .optional(),
});

export const ReportSchema = z.strictObject({
  /** 标题, without 《》. */
  title: LineSchema.max(80, { error: '标题不超过 80 个字' }),
  /** 发言人. */
  speaker: SpeakerSchema,
  /** 单位, e.g. 西安市政协. */
  organization: LineSchema.max(40, { error: '单位名称过长' }),
  /** 行政区划代码 (GB/T 2260) of the committee's region. */
  region: RegionCodeSchema,
  /** 日期 of the report (YYYY-MM-DD). */
  date: IsoDateSchema,
  /** 出处. */
  source: SourceSchema,
  /** 主题: ids from content/themes.yaml. */
  themes: uniqueList(ThemeRefSchema),
  /** 摘要, at most 200 characters. */
  summary: LineSchema.max(200, { error: '摘要不超过 200 个字' }),
});

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
export type Speaker = z.output<typeof SpeakerSchema>;
export type Source = z.output<typeof SourceSchema>;

/** Report ids look like `2023/xian`: the year folder and the slug. */
export const ReportIdSchema = EntryIdSchema;
