import { describe, expect, test } from 'vitest';
import { bothFit, countEntries, pageHeapMiB } from '../../scripts/lib/build-plan.ts';

const GB = 10 ** 9;

describe('bothFit: npm run build runs the pages and the search index side by side only where both fit', () => {
  test('side by side for the bundled library and at 10,000 entries on a 7 GB, 2-core runner', () => {
    expect(bothFit(countEntries('content'), 7 * GB, 2)).toBe(true);
    expect(countEntries('content')).toBeGreaterThan(50);
    expect(bothFit(10_000, 7 * GB, 2)).toBe(true);
  });

  test('one after the other at 100,000 entries on 7 GB (side by side on 24 GB), at 30,000 on 4 GB, or with one core', () => {
    expect(bothFit(100_000, 7 * GB, 2)).toBe(false);
    expect(bothFit(100_000, 24 * GB, 2)).toBe(true);
    expect(bothFit(30_000, 4 * GB, 2)).toBe(false);
    expect(bothFit(1_000, 7 * GB, 1)).toBe(false);
  });
});

describe('pageHeapMiB: the page build may use most of a small runner, not only V8\'s default quarter', () => {
  const MiB = 2 ** 20;
  test('on a 7 GB runner, about 4 GB of heap instead of V8\'s default of under 2 GB', () => {
    expect(pageHeapMiB(7 * GB, 1.8 * GB)).toBeGreaterThan(3800);
    expect(pageHeapMiB(7 * GB, 1.8 * GB)).toBeLessThanOrEqual(4096);
  });

  test('never less than the default: a large machine keeps its own limit', () => {
    expect(pageHeapMiB(24 * GB, 4288 * MiB)).toBe(4288);
    expect(pageHeapMiB(2 * GB, 0.5 * GB)).toBe(Math.floor((1.2 * GB) / MiB));
  });
});
