/**
 * Related entries, computed at build time: shared themes plus text similarity
 * (cosine over Chinese character bigrams, which needs no word segmentation).
 *
 * Up to `exactUpTo` entries every pair is scored. Above that, comparing all
 * pairs grows with the square of the library (about 37 minutes at 10,000
 * entries), so each entry scores only the candidates that share its most
 * distinctive bigrams (highest tf·idf): the same score, on a short list.
 */
import type { Entry } from '../entry.ts';
import { plainText } from '../plain-text.ts';
import { hanBigramCounts } from '../search/tokenize.ts';

type Vector = Map<string, number>;

/** Counts of adjacent Han character pairs: 委员工作室 → 委员, 员工, 工作, 作室 (the search tokenizer's bigrams). */
export function hanBigrams(text: string): Vector {
  return hanBigramCounts(text);
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

type Scored = Pick<Entry, 'key' | 'themes' | 'title' | 'summary' | 'body'>;

export interface RelatedOptions {
  /** Most related entries per entry. */
  limit?: number;
  /** Lowest score kept. */
  minScore?: number;
  /** Libraries up to this size compare every pair; larger ones compare candidates. */
  exactUpTo?: number;
  /** How many of an entry's most distinctive bigrams look for candidates. */
  signature?: number;
  /** Most entries kept per bigram when looking for candidates (an even sample of the rest). */
  postings?: number;
  /** How many candidates (sharing the most distinctive bigrams) get the full score. */
  candidates?: number;
  /** The words of an entry's body; by default its Markdown reduced to plain text (the caller may have it already). */
  bodyText?: (entry: Scored, index: number) => string;
}

/** A bigram vector as sorted term ids with their counts, for fast merging. */
interface Doc {
  terms: Int32Array;
  counts: Float64Array;
  norm: number;
}

function docCosine(a: Doc, b: Doc): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) dot += (a.counts[i++] as number) * (b.counts[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
}

/** docCosine(a, b) with a's counts spread over a dense array of all terms. */
function spreadCosine(spread: Float64Array, a: Doc, b: Doc): number {
  let dot = 0;
  for (let j = 0; j < b.terms.length; j++) dot += (spread[b.terms[j] as number] as number) * (b.counts[j] as number);
  return a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
}

/** Cosine similarity of two bigram count vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [x, y] = toDocs([a, b], (v) => v).docs as [Doc, Doc];
  return docCosine(x, y);
}

/**
 * Bigram vectors as Docs, with term ids in order of first appearance. The
 * vectors are made one at a time (`vectorOf`), so only one Map of bigrams is
 * alive at once: at 10,000 entries all of them together took hundreds of MB.
 */
function toDocs<T>(items: readonly T[], vectorOf: (item: T, index: number) => Vector): { docs: Doc[]; terms: number } {
  const ids = new Map<string, number>();
  const docs = items.map((item, index) => {
    const vector = vectorOf(item, index);
    const pairs: [number, number][] = [];
    for (const [k, c] of vector) {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      pairs.push([id, c]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const counts = Float64Array.from(pairs, (p) => p[1]);
    return { terms: Int32Array.from(pairs, (p) => p[0]), counts, norm: Math.sqrt(counts.reduce((s, c) => s + c * c, 0)) };
  });
  return { docs, terms: ids.size };
}

/** For each entry, the others worth scoring: those sharing the most of its distinctive bigrams. */
function candidateLists(docs: readonly Doc[], terms: number, { signature, postings, candidates }: Required<Pick<RelatedOptions, 'signature' | 'postings' | 'candidates'>>): number[][] {
  const n = docs.length;
  const df = new Int32Array(terms);
  for (const d of docs) for (const t of d.terms) df[t] = (df[t] as number) + 1;
  const idf = Float64Array.from(df, (f) => Math.log(n / Math.max(1, f)));
  // Each entry's most distinctive bigrams, leaving out those no other entry has.
  const signatures = docs.map((d) => {
    const kept = [...d.terms.keys()].filter((i) => (df[d.terms[i] as number] as number) > 1);
    const weight = (i: number) => (d.counts[i] as number) * (idf[d.terms[i] as number] as number);
    return kept
      .sort((a, b) => weight(b) - weight(a) || a - b)
      .slice(0, signature)
      .map((i) => d.terms[i] as number);
  });
  const lists = new Map<number, number[]>();
  signatures.forEach((sig, doc) => {
    for (const t of sig) {
      const list = lists.get(t);
      if (list) list.push(doc);
      else lists.set(t, [doc]);
    }
  });
  for (const [t, list] of lists) {
    if (list.length > postings) {
      const step = Math.ceil(list.length / postings);
      lists.set(t, list.filter((_, i) => i % step === 0));
    }
  }
  const weights = new Float64Array(n);
  return signatures.map((sig, doc) => {
    const touched: number[] = [];
    for (const t of sig) {
      for (const other of lists.get(t) ?? []) {
        if (other === doc) continue;
        if (weights[other] === 0) touched.push(other);
        weights[other] = (weights[other] as number) + (idf[t] as number);
      }
    }
    const top = touched.sort((a, b) => (weights[b] as number) - (weights[a] as number) || a - b).slice(0, candidates);
    for (const o of touched) weights[o] = 0;
    return top;
  });
}

/**
 * For each entry, up to `limit` others ordered by score (half theme overlap,
 * half text similarity), dropping those below `minScore`.
 */
export function relatedEntries<T extends Scored>(entries: readonly T[], options: RelatedOptions = {}): Map<string, Related<T>[]> {
  const { limit = 5, minScore = 0.08, exactUpTo = 500, signature = 24, postings = 256, candidates = 100, bodyText = (e) => plainText(e.body) } = options;
  const { docs, terms } = toDocs(entries, (e, i) => hanBigrams(`${e.title} ${e.summary} ${bodyText(e, i)}`));
  const everyone = entries.map((_, i) => i);
  const lists = entries.length <= exactUpTo ? undefined : candidateLists(docs, terms, { signature, postings, candidates });
  const result = new Map<string, Related<T>[]>();
  // The entry's counts spread over all terms, so each candidate's dot product walks only the candidate's
  // terms (in the same order as docCosine's merge, so the sums are the same to the last bit).
  const spread = new Float64Array(terms);
  entries.forEach((entry, doc) => {
    const own = docs[doc] as Doc;
    own.terms.forEach((t, i) => (spread[t] = own.counts[i] as number));
    const scored: Related<T>[] = [];
    for (const other of lists?.[doc] ?? everyone) {
      if (other === doc) continue;
      const o = entries[other] as T;
      const score = 0.5 * themeOverlap(entry.themes, o.themes) + 0.5 * spreadCosine(spread, own, docs[other] as Doc);
      if (score >= minScore) scored.push({ entry: o, score });
    }
    own.terms.forEach((t) => (spread[t] = 0));
    scored.sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key));
    result.set(entry.key, scored.slice(0, limit));
  });
  return result;
}
