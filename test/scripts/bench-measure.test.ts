import { describe, expect, test } from 'vitest';
import { fit, median, treeRssKiB } from '../../scripts/lib/bench/measure.ts';

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
