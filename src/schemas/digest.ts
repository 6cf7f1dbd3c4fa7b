/** 年度汇编: the yearly digest of innovation cases, compiled by `npm run digest`. */
import * as z from 'zod';
import { LineSchema, RegionCodeSchema, ThemeRefSchema, YearSchema } from './fields.ts';

const CountSchema = z.string().regex(/^\d+$/).transform(Number);

export const DigestSchema = z.strictObject({
  title: LineSchema.describe('标题，如 2023 年度创新案例汇编'),
  year: YearSchema.describe('年份：汇编所收案例的年份'),
  cases: CountSchema.describe('案例数'),
  byTheme: z.array(z.strictObject({ theme: ThemeRefSchema, count: CountSchema })).describe('按主题统计：每个主题的案例数（一个案例计入它的每个主题）'),
  byRegion: z.array(z.strictObject({ region: RegionCodeSchema, count: CountSchema })).describe('按地区统计：每个设区的市的案例数'),
});

export type Digest = z.output<typeof DigestSchema>;
export type DigestInput = z.input<typeof DigestSchema>;
