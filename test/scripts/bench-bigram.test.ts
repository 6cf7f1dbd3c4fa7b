import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bigramCodes, decodePostings, encodePostings, shardOf } from '../../scripts/lib/bench/bigram-index.ts';

test('bigram codes are the adjacent Han pairs of each run', () => {
  const codes = bigramCodes('委员工作室 and 协商');
  const pair = (s: string) => ((s.charCodeAt(0) << 16) | s.charCodeAt(1)) >>> 0;
  expect([...codes].sort()).toEqual(['委员', '员工', '工作', '作室', '协商'].map(pair).sort());
});

test('postings decode to the ids they encode, as varints or as a bitmap', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 4999 }), { maxLength: 3000 }), (ids) => {
      const sorted = Int32Array.from(ids.sort((a, b) => a - b));
      expect(decodePostings(encodePostings(sorted, 5000), 5000)).toEqual([...sorted]);
    }),
    { numRuns: 50 },
  );
});

test('a dense posting list is stored as a bitmap no bigger than n/8 bytes', () => {
  const all = Int32Array.from({ length: 1000 }, (_, i) => i);
  expect(encodePostings(all, 1000).byteLength).toBe(126);
});

test('shards spread bigrams evenly enough', () => {
  const counts = new Array(16).fill(0);
  for (let c = 0x4e00; c < 0x4e00 + 1600; c++) counts[shardOf(((c << 16) | 0x4e00) >>> 0, 16)]++;
  expect(Math.max(...counts) / Math.min(...counts)).toBeLessThan(1.6);
});
