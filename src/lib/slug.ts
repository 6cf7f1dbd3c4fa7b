/** URL slugs from Chinese names, by pinyin. */
import { pinyin } from 'pinyin-pro';
import { shortRegionName, type Region } from './regions.ts';

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
