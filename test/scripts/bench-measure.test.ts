import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit, measureAlternating, median, treeRssKiB } from '../../scripts/lib/bench/measure.ts';

describe('median', () => {
  test('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('fit', () => {
  test('projects a straight line and a power law through measured points', () => {
    const linear = fit([[1000, 200], [10_000, 1100], [30_000, 3100]], 100_000);
    expect(linear.linear).toBeCloseTo(10_100, 0);
    const quadratic = fit([[1000, 1], [10_000, 100], [30_000, 900]], 100_000);
    expect(quadratic.exponent).toBeCloseTo(2, 5);
    expect(quadratic.power).toBeCloseTo(10_000, 3);
  });
});

describe('treeRssKiB', () => {
  test('counts this process', () => {
    expect(treeRssKiB(process.pid)).toBeGreaterThan(1000);
  });
});

describe('measureAlternating', () => {
  const inTurn = async (runs: number, budgetMs?: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-alternate-'));
    try {
      const log = join(dir, 'log');
      const step = (name: string) => ({ command: 'sh', args: ['-c', `echo ${name} >> log`], cwd: dir, options: { before: () => void 0 } });
      const measured = await measureAlternating([step('pages'), step('plain')], { runs, ...(budgetMs === undefined ? {} : { budgetMs }) });
      return { order: readFileSync(log, 'utf8').split('\n').filter(Boolean), measured };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('runs the commands in turn, one measurement each', async () => {
    const { order, measured } = await inTurn(3);
    expect(order).toEqual(['pages', 'plain', 'pages', 'plain', 'pages', 'plain']);
    expect(measured.map((m) => m.runs.length)).toEqual([3, 3]);
    for (const m of measured) expect(Math.abs(m.ms - median(m.runs))).toBeLessThan(1);
  });

  test('stops after the round that used up the budget', async () => {
    const { order, measured } = await inTurn(3, 0);
    expect(order).toEqual(['pages', 'plain']);
    expect(measured.map((m) => m.runs.length)).toEqual([1, 1]);
  });
});
