import { describe, expect, test } from 'vitest';
import { cityOf, findRegionsByName, getRegion, regionFullName, regionPath } from '../../src/lib/regions.ts';
import { pinyinSlug } from '../../src/lib/slug.ts';

describe('regions', () => {
  test('knows county, city and province codes from GB/T 2260', () => {
    expect(getRegion('610402')).toEqual({ code: '610402', name: '秦都区', level: 'county', parent: '610400' });
    expect(regionPath('610402').map((r) => r.name)).toEqual(['陕西省', '咸阳市', '秦都区']);
    expect(regionFullName('610723')).toBe('陕西省汉中市洋县');
    expect(cityOf('610881')?.name).toBe('榆林市');
  });
  test('has no code that is not in the table', () => {
    expect(getRegion('619999')).toBeUndefined();
  });
  test('finds repeated county names across provinces', () => {
    expect(findRegionsByName('新城区').length).toBeGreaterThan(1);
  });
});

describe('pinyinSlug', () => {
  test('reads 都 as du in place names', () => {
    expect(pinyinSlug('秦都', { place: true })).toBe('qindu');
    expect(pinyinSlug('咸阳')).toBe('xianyang');
  });
});
