/**
 * Deterministic synthetic libraries for benchmarks: entries assembled from the
 * seed entries' own sentences, spread over real GB/T 2260 regions and years,
 * written so that they pass validation.
 *
 * Each report has a topic (one of the themes): most of its sentences come from
 * the seed sentences about that theme, the rest from sentences about no theme
 * in particular, and its cases quote it. So, as in a real library, a query for
 * one practice (委员工作室) matches a small share of the entries rather than
 * nearly all of them, while the text stays the seed's own Chinese.
 */
import { stringify } from 'yaml';
import { regionPath, type Region } from '../../../src/lib/regions.ts';
import { allRegions } from '../../../src/lib/regions.ts';
import { suggestThemes } from '../../../src/lib/themes.ts';
import { random } from '../random.ts';
import type { Theme } from '../../../src/schemas/theme.ts';

export interface SyntheticFile {
  path: string;
  content: string;
}

export interface Vocabulary {
  /** Sentences of the seed entries, each ending in 。 */
  sentences: string[];
  /** Measure headings of the seed reports. */
  headings: string[];
  themes: readonly Theme[];
  /** Sentences by the theme they are most about (only themes that have some). */
  topics: { theme: string; sentences: string[] }[];
  /** Sentences about none of the themes. */
  general: string[];
}

/** The vocabulary of some seed Markdown bodies (reports' and cases'). */
export function vocabularyFrom(bodies: readonly string[], themes: readonly Theme[]): Vocabulary {
  const text = bodies.join('\n');
  const sentences = [...new Set((text.match(/[^。\n#]+。/gu) ?? []).map((s) => s.trim().replace(/^[-*]\s*/, '').replace(/^\d+[、.]\s*/, '')))].filter(
    (s) => s.length >= 12 && !/[《》]/.test(s),
  );
  const headings = [...new Set(text.match(/^## .+$/gmu) ?? [])].map((h) => h.slice(3).replace(/^[一二三四五六七八九十]+、/, '')).filter((h) => !/^(背景|做法|成效|启示)$/.test(h));
  const byTheme = new Map<string, string[]>();
  const general: string[] = [];
  for (const sentence of sentences) {
    const theme = suggestThemes(sentence, themes, 1)[0];
    if (theme) byTheme.set(theme, [...(byTheme.get(theme) ?? []), sentence]);
    else general.push(sentence);
  }
  const topics = themes.filter((t) => byTheme.has(t.id)).map((t) => ({ theme: t.id, sentences: byTheme.get(t.id) ?? [] }));
  return { sentences, headings, themes, topics, general: general.length > 0 ? general : sentences };
}

const yaml = (data: unknown) => stringify(data, { version: '1.1', lineWidth: 0 });

/** Share of a report's sentences drawn from its topic; the rest are general. */
const ON_TOPIC = 0.5;

/** `count` entries: about one report for every eight cases, and a rule for every twenty. */
export function syntheticLibrary(count: number, vocabulary: Vocabulary, seed = 2023): SyntheticFile[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const counties = allRegions().filter((r) => r.level === 'county' && regionPath(r.code).length === 3);
  const topics = vocabulary.topics.length > 0 ? vocabulary.topics : [{ theme: '', sentences: vocabulary.sentences }];
  const files: SyntheticFile[] = [];
  const reports: { id: string; region: Region; body: string; organization: string }[] = [];
  for (let i = 0; files.length < count; i++) {
    const region = pick(counties);
    const year = 2015 + (i % 11);
    const organization = `${region.name}政协`;
    if (i % 9 === 0 || reports.length === 0) {
      const id = `${year}/r${i}`;
      const topic = pick(topics).sentences;
      const sentences = (n: number) => Array.from({ length: n }, () => pick(next() < ON_TOPIC ? topic : vocabulary.general)).join('');
      const body = Array.from({ length: 4 }, (_, k) => `## ${k + 1}、${pick(vocabulary.headings)}\n\n${sentences(3 + Math.floor(next() * 4))}`).join('\n\n');
      const themes = suggestThemes(body, vocabulary.themes);
      const data = {
        title: `${organization}${pick(vocabulary.headings)}`.slice(0, 80),
        speaker: { name: '某某', role: '政协主席' },
        organization,
        region: region.code,
        date: `${year}-0${1 + (i % 9)}-1${i % 10}`,
        source: { publisher: '各界新闻网', published: `${year}-0${1 + (i % 9)}-1${i % 10}` },
        themes: themes.length > 0 ? themes : ['institution-building'],
        summary: sentences(1).slice(0, 190),
      };
      files.push({ path: `content/reports/${id}.md`, content: `---\n${yaml(data)}---\n\n${body}\n` });
      reports.push({ id, region, body, organization });
    } else if (i % 20 === 1) {
      const report = pick(reports);
      const data = { title: `${report.region.name}${pick(vocabulary.headings).slice(0, 20)}工作规则`, issuers: [report.organization], region: report.region.code, status: '未知', mentionedIn: [report.id] };
      files.push({ path: `content/rules/rule-${i}.md`, content: `---\n${yaml(data)}---\n\n全文暂缺。\n` });
    } else {
      const report = pick(reports);
      const from = report.body.match(/[^。\n#]+。/gu) ?? [];
      const section = () => Array.from({ length: 2 }, () => pick(from)).join('').replace(/^\s*\d+、/, '');
      const body = `## 背景\n\n${section()}\n\n## 做法\n\n${section()}\n\n## 成效\n\n${section()}\n\n## 启示\n\n${section()}\n`;
      const themes = suggestThemes(body, vocabulary.themes);
      const data = {
        title: `${report.region.name}${pick(vocabulary.headings)}`.slice(0, 60),
        region: report.region.code,
        organization: report.organization,
        year: report.id.slice(0, 4),
        themes: themes.length > 0 ? themes : ['institution-building'],
        summary: section().slice(0, 190),
        sources: [`reports/${report.id}`],
      };
      files.push({ path: `content/cases/${report.id.slice(0, 4)}/c${i}.md`, content: `---\n${yaml(data)}---\n\n${body}` });
    }
  }
  return files;
}

/** Share of the entries whose text contains `term` (how selective a benchmark query is). */
export function shareContaining(files: readonly SyntheticFile[], term: string): number {
  return files.length === 0 ? 0 : files.filter((f) => f.content.includes(term)).length / files.length;
}
