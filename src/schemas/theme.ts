/** 主题: the controlled vocabulary in content/themes.yaml. */
import * as z from 'zod';
import { LineSchema, ThemeIdSchema } from './fields.ts';

export const ThemeSchema = z.strictObject({
  /** 编号, used in entries' `themes` lists and in URLs. */
  id: ThemeIdSchema,
  /** 名称 as shown on the site. */
  name: LineSchema.max(20),
  /** 说明: one sentence on what the theme covers. */
  description: LineSchema.max(200),
  /** 同义词: words in a text that suggest this theme (the name itself counts too). */
  synonyms: z.array(LineSchema).default([]),
});

export const ThemesFileSchema = z
  .array(ThemeSchema)
  .min(1)
  .refine((themes) => new Set(themes.map((t) => t.id)).size === themes.length, { error: '主题编号重复' });

export type Theme = z.output<typeof ThemeSchema>;
