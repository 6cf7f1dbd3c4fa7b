/** List orders: newest first, and by region in pinyin order (province, then city, then county). */
import { pinyin } from 'pinyin-pro';
import { regionPath } from '../regions.ts';
import type { Entry } from '../entry.ts';

const readings = new Map<string, string>();

/** Toneless pinyin with a separator per character, so 安康 (an kang) sorts before 巴 (ba). */
export function pinyinKey(text: string): string {
  let key = readings.get(text);
  if (key === undefined) {
    key = pinyin(text, { toneType: 'none', type: 'array', v: true }).join(' ').toLowerCase();
    readings.set(text, key);
  }
  return key;
}

export function comparePinyin(a: string, b: string): number {
  const ka = pinyinKey(a);
  const kb = pinyinKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a.localeCompare(b, 'zh-CN');
}

/** Newest first; undated entries last; ties by title in pinyin order. */
export function byDate<T extends Pick<Entry, 'date' | 'title'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      // Compare on the shared prefix so a case's 2023 sits with 2023-05-25.
      const n = Math.min(a.date.length, b.date.length);
      const cmp = b.date.slice(0, n).localeCompare(a.date.slice(0, n));
      if (cmp !== 0) return cmp;
    }
    return comparePinyin(a.title, b.title);
  });
}

/**
 * byDate worked out once: each of `groups` (the entries of one collection, in
 * site order) is sorted, and the sort returned puts any entries drawn from
 * one group, in that group's order, in the same order as byDate would, by
 * comparing their positions instead of their dates and titles' pinyin.
 */
export function byDateOnce<T extends Pick<Entry, 'key' | 'date' | 'title'>>(groups: readonly (readonly T[])[]): <U extends Pick<Entry, 'key'>>(entries: readonly U[]) => U[] {
  const rank = new Map<string, number>();
  for (const group of groups) byDate(group).forEach((e, i) => rank.set(e.key, i));
  const of = (key: string) => {
    const r = rank.get(key);
    if (r === undefined) throw new Error(`byDateOnce: ${key} is in none of the groups`);
    return r;
  };
  return (entries) => [...entries].sort((a, b) => of(a.key) - of(b.key));
}

/** Region names from the province down, as the sort key for one region code. */
function regionNames(code: string): readonly string[] {
  return regionPath(code).map((r) => r.name);
}

export function compareRegions(a: string, b: string): number {
  const pa = regionNames(a);
  const pb = regionNames(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const cmp = comparePinyin(pa[i] ?? '', pb[i] ?? '');
    if (cmp !== 0) return cmp;
  }
  return pa.length - pb.length;
}

/** Grouped by region (pinyin order, a city before its counties), newest first inside a region. */
export function byRegion<T extends Pick<Entry, 'date' | 'title' | 'region'>>(entries: readonly T[]): { region: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.region);
    if (group) group.push(entry);
    else groups.set(entry.region, [entry]);
  }
  return [...groups.keys()].sort(compareRegions).map((region) => ({ region, entries: byDate(groups.get(region) ?? []) }));
}
