/** The editors' repair list that may sit beside a raw article: `<article>.repairs.yaml`. */
import * as z from 'zod';

export const RepairSchema = z.strictObject({
  /** 1-based line of the raw article. */
  line: z.string().regex(/^[1-9]\d*$/, { error: '行号应为正整数' }).transform(Number),
  /** The damaged text exactly as it stands in that line. */
  damaged: z.string().min(1),
  /** What the original says, in simplified Chinese. */
  repaired: z.string(),
  /** The evidence that makes the repair certain. */
  reason: z.string().min(1, { error: '请写明修复依据' }),
});

export const RepairListSchema = z.array(RepairSchema);

/** The repair list's path for an article: `a.txt` → `a.repairs.yaml`. */
export function repairsPathFor(articlePath: string): string {
  return articlePath.replace(/\.[^./]+$/, '') + '.repairs.yaml';
}
