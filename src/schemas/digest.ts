/** 年度汇编: the yearly digest of innovation cases, compiled by `npm run digest`. */
import * as z from 'zod';
import { LineSchema, RegionCodeSchema, ThemeRefSchema, YearSchema } from './fields.ts';

const CountSchema = z.string().regex(/^\d+$/).transform(Number);

export const DigestSchema = z.strictObject({
  /** 标题, e.g. 2023 年度创新案例汇编. */
  title: LineSchema,
  /** 年份 the digest covers. */
  year: YearSchema,
  /** 案例数. */
  cases: CountSchema,
  /** 按主题统计: each theme with its number of cases (a case counts under each of its themes). */
  byTheme: z.array(z.strictObject({ theme: ThemeRefSchema, count: CountSchema })),
  /** 按地区统计: each city-level region with its number of cases. */
  byRegion: z.array(z.strictObject({ region: RegionCodeSchema, count: CountSchema })),
});

export type Digest = z.output<typeof DigestSchema>;
export type DigestInput = z.input<typeof DigestSchema>;
