/** URL slugs from Chinese names, by pinyin. */
import { pinyin } from 'pinyin-pro';
import type { Region } from './regions.ts';

const SUFFIXES = ['自治县', '自治州', '省', '市', '区', '县', '旗', '盟'];

/** The name people use without its administrative suffix: 西安市 → 西安, but 洋县 stays 洋县. */
export function shortRegionName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** Readings that differ in place names: 都 is dū in 成都、秦都、都江堰. */
const PLACE_READINGS: Record<string, string> = { 都: 'du' };

/** Toneless pinyin, syllables joined: 咸阳 → xianyang; `place` uses place-name readings. */
export function pinyinSlug(text: string, { place = false } = {}): string {
  return pinyin(text, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })
    .map((syllable) => (place && PLACE_READINGS[syllable.origin]) || syllable.pinyin)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file name a new entry gets from its region: region pinyin, then a suffix (`qindu-issue-42`). */
export function regionSlug(region: Region | undefined, suffix: string): string {
  return `${region ? pinyinSlug(shortRegionName(region.name), { place: true }) : 'case'}-${suffix}`;
}
