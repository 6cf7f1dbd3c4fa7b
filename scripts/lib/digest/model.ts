/**
 * What goes into a year's digest, in order: pure over a Library, so the
 * Markdown and the Word file are two renderings of one model.
 */
import { pinyin } from 'pinyin-pro';
import type { Entry, Library } from '../../../src/lib/library.ts';
import { cityOf, regionFullName } from '../../../src/lib/regions.ts';
import { isEntrySource } from '../../../src/schemas/case.ts';
import type { Theme } from '../../../src/schemas/theme.ts';

export interface DigestCase {
  entry: Entry<'cases'>;
  /** 地区 as written in full: 陕西省咸阳市秦都区. */
  place: string;
  /** The first sentences of the case's 做法 section. */
  measures: string;
}

export interface DigestModel {
  year: number;
  title: string;
  /** Themes in vocabulary order, each with the cases whose first theme it is. */
  sections: { theme: Theme; cases: DigestCase[] }[];
  /** Every case of the year, in the order of the sections. */
  cases: DigestCase[];
  /** Cases per theme, counting a case under each of its themes. */
  themeCounts: { theme: Theme; count: number }[];
  /** City-level regions in pinyin order, with their cases in digest order. */
  regions: { code: string; name: string; cases: DigestCase[] }[];
  committees: string[];
  rules: Entry<'rules'>[];
  reports: Entry<'reports'>[];
  /** Sources outside the library (web pages, publications written out), as cited. */
  links: string[];
}

/** Each name's reading, worked out once: a sort compares a name many times (about 40 ms a thousand readings). */
const readings = new Map<string, string>();
const reading = (text: string): string => {
  let found = readings.get(text);
  if (found === undefined) readings.set(text, (found = pinyin(text, { toneType: 'num', type: 'array' }).join(' ')));
  return found;
};

const byPinyin = (a: string, b: string) => {
  const pa = reading(a);
  const pb = reading(b);
  return pa < pb ? -1 : pa > pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The text of a `## 名称` section of a body. */
export function sectionText(body: string, name: string): string {
  const match = new RegExp(`^##\\s*${name}\\s*\\n([\\s\\S]*?)(?=^##\\s|(?![\\s\\S]))`, 'mu').exec(body);
  return (match?.[1] ?? '').trim();
}

function firstSentences(text: string, count: number): string {
  const prose = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.、])\s*/, '').trim())
    .join('');
  const sentences = prose.match(/[^。！？]+[。！？]?/gu) ?? [];
  return sentences.slice(0, count).join('');
}

export function digestModel(library: Library, year: number): DigestModel {
  const inYear = library.cases.filter((c) => c.data.year === year);
  const toDigestCase = (entry: Entry<'cases'>): DigestCase => ({
    entry,
    place: regionFullName(entry.data.region),
    measures: firstSentences(sectionText(entry.body, '做法'), 2),
  });
  const order = (a: DigestCase, b: DigestCase) => byPinyin(a.entry.data.organization, b.entry.data.organization) || byPinyin(a.entry.data.title, b.entry.data.title) || (a.entry.id < b.entry.id ? -1 : 1);

  const sections = library.themes
    .map((theme) => ({ theme, cases: inYear.filter((c) => c.data.themes[0] === theme.id).map(toDigestCase).sort(order) }))
    .filter((s) => s.cases.length > 0);
  const cases = sections.flatMap((s) => s.cases);
  const themeCounts = library.themes
    .map((theme) => ({ theme, count: inYear.filter((c) => c.data.themes.includes(theme.id)).length }))
    .filter((t) => t.count > 0);
  const cityCodes = [...new Set(cases.map((c) => cityOf(c.entry.data.region)?.code ?? c.entry.data.region))];
  const regions = cityCodes
    .map((code) => ({ code, name: cityOf(code)?.name ?? code, cases: cases.filter((c) => (cityOf(c.entry.data.region)?.code ?? c.entry.data.region) === code) }))
    .sort((a, b) => byPinyin(a.name, b.name));

  const refs = cases.flatMap((c) => c.entry.data.sources);
  const reportIds = new Set(refs.filter((r) => r.startsWith('reports/')).map((r) => r.slice('reports/'.length)));
  const reports = library.reports.filter((r) => reportIds.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const ruleIds = new Set(refs.filter((r) => r.startsWith('rules/')).map((r) => r.slice('rules/'.length)));
  const rules = library.rules
    .filter((r) => ruleIds.has(r.id) || r.data.mentionedIn.some((id) => reportIds.has(id)))
    .sort((a, b) => byPinyin(a.data.issuers[0] ?? '', b.data.issuers[0] ?? '') || byPinyin(a.data.title, b.data.title));
  return {
    year,
    title: `${year} 年度创新案例汇编`,
    sections,
    cases,
    themeCounts,
    regions,
    committees: [...new Set(cases.map((c) => c.entry.data.organization))].sort(byPinyin),
    rules,
    reports,
    links: [...new Set(refs.filter((r) => !isEntrySource(r)))].sort(),
  };
}
