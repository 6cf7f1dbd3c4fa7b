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

/**
 * A new case's file name from its region and title: 洋县 + 洋县政协院坝协商
 * → yangxian-yuanbaxieshang (the place is not repeated), cut at a syllable to stay short.
 */
export function caseSlug(title: string, region: Region | undefined, maxLength = 40): string {
  const place = region ? pinyinSlug(shortRegionName(region.name), { place: true }) : '';
  const names = region ? [region.name, shortRegionName(region.name)] : [];
  const rest = names.reduce((t, name) => (t.startsWith(name) ? t.slice(name.length) : t), title.trim()).replace(/^政协/, '');
  const syllables = pinyin(rest, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true }).map((s) => s.pinyin.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  let words = '';
  for (const s of syllables) {
    if (words && (place.length + 1 + words.length + s.length > maxLength)) break;
    words += s;
  }
  return [place, words].filter(Boolean).join('-') || 'case';
}
