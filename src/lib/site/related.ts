/**
 * Related entries, computed at build time: shared themes plus text similarity
 * (cosine over Chinese character bigrams, which needs no word segmentation).
 */
import { plainText, type SiteEntry } from './entries.ts';

type Vector = Map<string, number>;

/** Counts of adjacent Han character pairs: 委员工作室 → 委员, 员工, 工作, 作室. */
export function hanBigrams(text: string): Vector {
  const counts: Vector = new Map();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = `${chars[i]}${chars[i + 1]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Shared themes over all themes of the two (Jaccard), 0 when neither has any. */
export function themeOverlap(a: readonly string[], b: readonly string[]): number {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 0;
  return a.filter((t) => b.includes(t)).length / union.size;
}

export interface Related<T> {
  entry: T;
  score: number;
}

type Scored = Pick<SiteEntry, 'key' | 'themes' | 'title' | 'summary' | 'body'>;

/**
 * For each entry, up to `limit` others ordered by score (half theme overlap,
 * half text similarity), dropping those below `minScore`.
 */
export function relatedEntries<T extends Scored>(entries: readonly T[], { limit = 5, minScore = 0.08 } = {}): Map<string, Related<T>[]> {
  const vectors = new Map(entries.map((e) => [e.key, hanBigrams(`${e.title} ${e.summary} ${plainText(e.body)}`)]));
  const result = new Map<string, Related<T>[]>();
  for (const entry of entries) {
    const own = vectors.get(entry.key) ?? new Map();
    const scored = entries
      .filter((other) => other.key !== entry.key)
      .map((other) => ({ entry: other, score: 0.5 * themeOverlap(entry.themes, other.themes) + 0.5 * cosine(own, vectors.get(other.key) ?? new Map()) }))
      .filter((r) => r.score >= minScore)
      .sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key));
    result.set(entry.key, scored.slice(0, limit));
  }
  return result;
}
