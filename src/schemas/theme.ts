/** 主题: the controlled vocabulary in content/themes.yaml. */
import * as z from 'zod';
import { LineSchema, ThemeIdSchema } from './fields.ts';

export const ThemeSchema = z.strictObject({
  id: ThemeIdSchema.describe('编号：条目的 themes 字段和网址中使用'),
  name: LineSchema.max(20).describe('名称：网站上显示的主题名'),
  description: LineSchema.max(200).describe('说明：一句话说明主题涵盖什么'),
  synonyms: z.array(LineSchema).default([]).describe('同义词：正文中出现即提示该主题的词语（名称本身也算）'),
});

export const ThemesFileSchema = z
  .array(ThemeSchema)
  .min(1)
  .refine((themes) => new Set(themes.map((t) => t.id)).size === themes.length, { error: '主题编号重复' });

export type Theme = z.output<typeof ThemeSchema>;
