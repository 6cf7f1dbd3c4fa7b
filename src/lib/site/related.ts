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
export function themeOverlap<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  // Counted in place (it runs for every scored pair): the themes of a found in b, over the distinct themes of both.
  let shared = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] as T;
    if (b.includes(t)) shared++;
    if (a.indexOf(t) === i) union++;
  }
  for (let j = 0; j < b.length; j++) {
    const t = b[j] as T;
    if (b.indexOf(t) === j && !a.includes(t)) union++;
  }
  return union === 0 ? 0 : shared / union;
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

/**
 * A bigram vector as sorted term ids with their counts, for fast merging.
 * Counts are whole numbers, so every dot product and squared norm is an exact
 * integer, the same whatever order its terms are added in.
 */
interface Doc {
  terms: Int32Array;
  counts: Int32Array;
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

/**
 * docCosine(a, b) with a's counts spread over a dense array of all terms,
 * walking only `shared`: b's terms that some other entry also has (a term of
 * b's alone adds nothing to a dot product with any other entry).
 */
function spreadCosine(spread: Int32Array, a: Doc, b: Doc, shared: Doc): number {
  let dot = 0;
  const { terms, counts } = shared;
  for (let j = 0; j < terms.length; j++) dot += (spread[terms[j] as number] as number) * (counts[j] as number);
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
    // Each (term id, count) packed in one number, id × 2^21 + count, so a plain numeric sort orders them by id.
    const packed = new Float64Array(vector.size);
    let n = 0;
    for (const [k, c] of vector) {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      if (!Number.isInteger(c) || c < 0 || c >= PACK) throw new RangeError(`bigram count ${c} out of range`);
      packed[n++] = id * PACK + c;
    }
    packed.sort();
    const terms = new Int32Array(n);
    const counts = new Int32Array(n);
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const c = (packed[i] as number) % PACK;
      terms[i] = ((packed[i] as number) - c) / PACK;
      counts[i] = c;
      squares += c * c;
    }
    return { terms, counts, norm: Math.sqrt(squares) };
  });
  return { docs, terms: ids.size };
}

/** Packing base for toDocs: above any bigram count (an entry file is at most 256 KiB, so under 2^18 characters). */
const PACK = 2 ** 21;

/** How many docs have each term. */
function documentFrequencies(docs: readonly Doc[], terms: number): Int32Array {
  const df = new Int32Array(terms);
  for (const d of docs) for (const t of d.terms) df[t] = (df[t] as number) + 1;
  return df;
}

/** A doc reduced to the terms that at least one other doc has (df > 1). */
function sharedPart(doc: Doc, df: Int32Array): Doc {
  let n = 0;
  for (const t of doc.terms) if ((df[t] as number) > 1) n++;
  if (n === doc.terms.length) return doc;
  const terms = new Int32Array(n);
  const counts = new Int32Array(n);
  n = 0;
  doc.terms.forEach((t, i) => {
    if ((df[t] as number) > 1) {
      terms[n] = t;
      counts[n++] = doc.counts[i] as number;
    }
  });
  return { terms, counts, norm: doc.norm };
}

/** For each entry, the others worth scoring: those sharing the most of its distinctive bigrams. */
function candidateLists(docs: readonly Doc[], df: Int32Array, { signature, postings, candidates }: Required<Pick<RelatedOptions, 'signature' | 'postings' | 'candidates'>>): number[][] {
  const n = docs.length;
  const idf = Float64Array.from(df, (f) => Math.log(n / Math.max(1, f)));
  // Each entry's most distinctive bigrams, leaving out those no other entry has.
  const signatures = docs.map((d) => {
    const kept: number[] = [];
    const weights: number[] = [];
    d.terms.forEach((t, i) => {
      if ((df[t] as number) > 1) {
        kept.push(i);
        weights[i] = (d.counts[i] as number) * (idf[t] as number);
      }
    });
    return kept
      .sort((a, b) => (weights[b] as number) - (weights[a] as number) || a - b)
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
    const top = mostWeighted(touched, weights, candidates);
    for (const o of touched) weights[o] = 0;
    return top;
  });
}

/**
 * The `k` items of `items` with the highest weight, ties to the lowest item:
 * the first k of items sorted that way, as a set (in no particular order).
 * Sorting only the weights (a typed array) finds the k-th weight; the items
 * above it are in, and those equal to it are taken lowest first.
 */
function mostWeighted(items: readonly number[], weights: Float64Array, k: number): number[] {
  if (items.length <= k) return [...items];
  const sorted = new Float64Array(items.length);
  items.forEach((item, i) => (sorted[i] = -(weights[item] as number)));
  sorted.sort();
  const kth = -(sorted[k - 1] as number);
  const top = items.filter((i) => (weights[i] as number) > kth);
  const ties = items.filter((i) => weights[i] === kth).sort((a, b) => a - b);
  return top.concat(ties.slice(0, k - top.length));
}

/**
 * For each entry, up to `limit` others ordered by score (half theme overlap,
 * half text similarity), dropping those below `minScore`.
 */
export function relatedEntries<T extends Scored>(entries: readonly T[], options: RelatedOptions = {}): Map<string, Related<T>[]> {
  const { limit = 5, minScore = 0.08, exactUpTo = 500, signature = 24, postings = 256, candidates = 100, bodyText = (e) => plainText(e.body) } = options;
  const { docs, terms } = toDocs(entries, (e, i) => hanBigrams(`${e.title} ${e.summary} ${bodyText(e, i)}`));
  const df = documentFrequencies(docs, terms);
  const shared = docs.map((d) => sharedPart(d, df));
  const everyone = entries.map((_, i) => i);
  const lists = entries.length <= exactUpTo ? undefined : candidateLists(docs, df, { signature, postings, candidates });
  const result = new Map<string, Related<T>[]>();
  // The entry's counts spread over all terms, so each candidate's dot product walks only the candidate's
  // shared terms (an exact integer sum, so the same as docCosine's merge to the last bit).
  const spread = new Int32Array(terms);
  // Themes as small numbers, compared faster than their names.
  const themeIds = new Map<string, number>();
  const themes = entries.map((e) => e.themes.map((t) => themeIds.get(t) ?? (themeIds.set(t, themeIds.size), themeIds.size - 1)));
  entries.forEach((entry, doc) => {
    const own = docs[doc] as Doc;
    own.terms.forEach((t, i) => (spread[t] = own.counts[i] as number));
    const scored: Related<T>[] = [];
    for (const other of lists?.[doc] ?? everyone) {
      if (other === doc) continue;
      const o = entries[other] as T;
      const score = 0.5 * themeOverlap(themes[doc] as number[], themes[other] as number[]) + 0.5 * spreadCosine(spread, own, docs[other] as Doc, shared[other] as Doc);
      if (score >= minScore) scored.push({ entry: o, score });
    }
    own.terms.forEach((t) => (spread[t] = 0));
    scored.sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key));
    result.set(entry.key, scored.slice(0, limit));
  });
  return result;
}
