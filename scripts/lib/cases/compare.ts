/**
 * How much of the hand-written cases the drafts reproduce, report by report.
 * - A metric is reproduced when a draft of the same report has a metric with
 *   the same value and the same unit (23 个 = 23 个; 1200 余人次 ≠ 1200 人次).
 * - A measure is reproduced when one draft of the same report covers at least
 *   `threshold` of the character pairs (bigrams) of the case's 做法 section;
 *   each draft may reproduce one case only (greedy, best coverage first).
 */
import type { Case } from '../../../src/schemas/case.ts';

export interface HandCase {
  id: string;
  data: Case;
  body: string;
}

export interface DraftForComparison {
  reportId: string;
  slug: string;
  metrics: { value: string; unit: string }[];
  /** The measure's sentences. */
  text: string;
}

export interface Comparison {
  /** Hand-written metrics reproduced; `drafted` and `matching` count the drafts' own metrics and those a hand case also lists. */
  metrics: { total: number; reproduced: number; missed: string[]; drafted: number; matching: number };
  /** `covered`: cases with some draft above the threshold, when one draft may stand for several cases. */
  measures: { total: number; reproduced: number; covered: number; pairs: { case: string; draft: string; coverage: number }[]; missed: string[] };
  drafts: number;
}

const bigrams = (text: string) => {
  const chars = [...text.replace(/[^\p{Script=Han}\d]/gu, '')];
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
};

/** The share of the case's bigrams found in the draft. */
export function coverage(caseText: string, draftText: string): number {
  const wanted = bigrams(caseText);
  if (wanted.size === 0) return 0;
  const found = bigrams(draftText);
  return [...wanted].filter((b) => found.has(b)).length / wanted.size;
}

/** The 做法 section of a case body. */
export function practiceOf(body: string): string {
  return /^##\s*做法\s*$([\s\S]*?)(?=^##\s|$(?![\s\S]))/mu.exec(body)?.[1]?.trim() ?? '';
}

const reportOf = (c: HandCase) => c.data.sources.find((s) => s.startsWith('reports/'))?.slice('reports/'.length);

export function compareDrafts(cases: readonly HandCase[], drafts: readonly DraftForComparison[], threshold = 0.6): Comparison {
  const result: Comparison = { metrics: { total: 0, reproduced: 0, missed: [], drafted: 0, matching: 0 }, measures: { total: 0, reproduced: 0, covered: 0, pairs: [], missed: [] }, drafts: drafts.length };
  for (const d of drafts) {
    const hand = cases.filter((c) => reportOf(c) === d.reportId).flatMap((c) => c.data.metrics ?? []);
    result.metrics.drafted += d.metrics.length;
    result.metrics.matching += d.metrics.filter((m) => hand.some((h) => h.value === m.value && h.unit === m.unit)).length;
  }
  const candidates: { case: string; draft: string; coverage: number }[] = [];
  for (const c of cases) {
    const own = drafts.filter((d) => d.reportId === reportOf(c));
    for (const metric of c.data.metrics ?? []) {
      result.metrics.total++;
      if (own.some((d) => d.metrics.some((m) => m.value === metric.value && m.unit === metric.unit))) result.metrics.reproduced++;
      else result.metrics.missed.push(`${c.id}: ${metric.label} ${metric.value}${metric.unit}`);
    }
    result.measures.total++;
    const practice = practiceOf(c.body);
    for (const d of own) candidates.push({ case: c.id, draft: d.slug, coverage: coverage(practice, d.text) });
  }
  result.measures.covered = new Set(candidates.filter((p) => p.coverage >= threshold).map((p) => p.case)).size;
  const usedCases = new Set<string>();
  const usedDrafts = new Set<string>();
  for (const pair of candidates.filter((p) => p.coverage >= threshold).sort((a, b) => b.coverage - a.coverage)) {
    if (usedCases.has(pair.case) || usedDrafts.has(pair.draft)) continue;
    usedCases.add(pair.case);
    usedDrafts.add(pair.draft);
    result.measures.pairs.push(pair);
  }
  result.measures.reproduced = result.measures.pairs.length;
  result.measures.missed = cases.map((c) => c.id).filter((id) => !usedCases.has(id));
  return result;
}
