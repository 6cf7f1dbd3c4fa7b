import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { candidateRelated } from '../../scripts/lib/bench/related-candidates.ts';
import { syntheticLibrary, vocabularyFrom } from '../../scripts/lib/bench/synthetic.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { relatedEntries } from '../../src/lib/site/related.ts';

const { library } = readLibrary('content');
const vocabulary = vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);

test('candidate related entries keep most of what comparing all pairs finds', () => {
  const entries = syntheticLibrary(150, vocabulary).map((f) => {
    const [, front = '', ...rest] = f.content.split('---\n');
    const data = parse(front) as { title: string; summary?: string; themes?: string[] };
    return { key: f.path, themes: data.themes ?? [], title: data.title, summary: data.summary ?? '', body: rest.join('---\n') };
  });
  const exact = relatedEntries(entries);
  const fast = candidateRelated(entries);
  let kept = 0;
  let all = 0;
  for (const [key, list] of exact) {
    const found = new Set(fast.get(key)?.map((r) => r.entry.key));
    kept += list.filter((r) => found.has(r.entry.key)).length;
    all += list.length;
    // Candidates are a subset of all pairs, so the best one can only tie the all-pairs best.
    expect(fast.get(key)?.[0]?.score ?? 0).toBeLessThanOrEqual((list[0]?.score ?? 0) + 1e-9);
  }
  expect(kept / all).toBeGreaterThan(0.8);
});
