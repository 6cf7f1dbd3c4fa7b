/**
 * A proposal for src/lib/site/related.ts at scale, measured by the benchmark
 * (`npm run bench -- --what-if related`): the same score as relatedEntries
 * (half theme overlap, half cosine over Han character bigrams), computed only
 * for the candidates that share an entry's most distinctive bigrams instead of
 * for every pair. All pairs is O(n²): ~22 s at 1,000 entries and ~37 min at
 * 10,000 on the benchmark machine; this is ~1 s and ~10–16 s.
 *
 * Written against the related.ts interface so the benchmark can drop it into
 * src/lib/site/ of its copy of the project (imports rewritten to ./).
 */
import { plainText } from '../../../src/lib/site/entries.ts';
import { hanBigrams, themeOverlap, type Related } from '../../../src/lib/site/related.ts';

interface Scored {
  key: string;
  themes: readonly string[];
  title: string;
  summary: string;
  body: string;
}

export interface CandidateOptions {
  limit?: number;
  minScore?: number;
  /** How many of an entry's bigrams (highest tf·idf) look for candidates. */
  signature?: number;
  /** Most entries kept per bigram when looking for candidates (a sample of the rest is dropped). */
  postings?: number;
  /** How many candidates (most shared distinctive bigrams) get the full score. */
  candidates?: number;
}

interface Doc {
  terms: Int32Array;
  counts: Float64Array;
  norm: number;
}

function cosine(a: Doc, b: Doc): number {
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

export function candidateRelated<T extends Scored>(
  entries: readonly T[],
  { limit = 5, minScore = 0.08, signature = 24, postings = 256, candidates = 100 }: CandidateOptions = {},
  text: (e: T) => string = (e) => `${e.title} ${e.summary} ${plainText(e.body)}`,
): Map<string, Related<T>[]> {
  const ids = new Map<string, number>();
  const docs: Doc[] = entries.map((e) => {
    const pairs = [...hanBigrams(text(e))].map(([k, c]) => {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      return [id, c] as const;
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const counts = Float64Array.from(pairs, (p) => p[1]);
    return { terms: Int32Array.from(pairs, (p) => p[0]), counts, norm: Math.sqrt(counts.reduce((s, c) => s + c * c, 0)) };
  });
  const n = entries.length;
  const df = new Int32Array(ids.size);
  for (const d of docs) for (const t of d.terms) df[t] = (df[t] as number) + 1;
  const idf = Float64Array.from(df, (f) => Math.log(n / f));
  // Each entry's most distinctive bigrams, leaving out those no other entry has.
  const signatures = docs.map((d) => {
    const order = [...d.terms.keys()].filter((i) => (df[d.terms[i] as number] as number) > 1);
    const weight = (i: number) => (d.counts[i] as number) * (idf[d.terms[i] as number] as number);
    return order.sort((a, b) => weight(b) - weight(a)).slice(0, signature).map((i) => d.terms[i] as number);
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
  const result = new Map<string, Related<T>[]>();
  entries.forEach((entry, doc) => {
    const touched: number[] = [];
    for (const t of signatures[doc] as number[]) {
      for (const other of lists.get(t) ?? []) {
        if (other === doc) continue;
        if (weights[other] === 0) touched.push(other);
        weights[other] = (weights[other] as number) + (idf[t] as number);
      }
    }
    const top = touched.sort((a, b) => (weights[b] as number) - (weights[a] as number) || a - b).slice(0, candidates);
    for (const o of touched) weights[o] = 0;
    const scored = top
      .map((o) => ({ entry: entries[o] as T, score: 0.5 * themeOverlap(entry.themes, (entries[o] as T).themes) + 0.5 * cosine(docs[doc] as Doc, docs[o] as Doc) }))
      .filter((r) => r.score >= minScore)
      .sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key));
    result.set(entry.key, scored.slice(0, limit));
  });
  return result;
}
