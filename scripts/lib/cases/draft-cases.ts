/**
 * First drafts of innovation cases from one report: one draft per distinct
 * measure. Drafts quote the report: 背景 from its opening, 做法 and 成效 from
 * the measure's own sentences, metrics only from figures printed in it.
 * 启示 is left for the editor, who judges what others can learn.
 */
import { stringify } from 'yaml';
import type { CaseInput, Metric } from '../../../src/schemas/case.ts';
import type { Report } from '../../../src/schemas/report.ts';
import type { Theme } from '../../../src/schemas/theme.ts';
import { pinyinSlug } from '../../../src/lib/slug.ts';
import { suggestThemes } from '../../../src/lib/themes.ts';
import { readReportBody, type Measure } from './measures.ts';

export interface CaseDraftFile {
  /** Repository path: content/cases/<year>/<slug>.md */
  path: string;
  slug: string;
  title: string;
  content: string;
  measure: Measure;
  metrics: Metric[];
}

/** Units a figure may carry, longest first so that 人次 wins over 人. */
const UNITS = ['万人次', '人次', '场次', '万元', '亿元', '余万', '个', '名', '人', '篇', '件', '条', '项', '次', '场', '期', '家', '所', '处', '集', '批', '位', '支', '户', '本', '册', '部', '天', '%'];
const FIGURE = new RegExp(`(?<![\\d.第])(\\d+(?:\\.\\d+)?)((?:余|多)?(?:${UNITS.join('|')}))`, 'gu');
const CLAUSE_BREAK = /[，。；：、！？（）\s]/u;

/** Figures printed in the sentences, each as label, value and unit, in order and without repeats. */
export function metricsOf(sentences: readonly string[]): Metric[] {
  const metrics: Metric[] = [];
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(FIGURE)) {
      const [whole, value = '', unit = ''] = m;
      const start = m.index ?? 0;
      const after = sentence.slice(start + whole.length).split(CLAUSE_BREAK)[0] ?? '';
      const before = sentence.slice(0, start).split(CLAUSE_BREAK).at(-1) ?? '';
      const lead = before.replace(/^(?:共|累计|全年|先后|已|还|将|把)/u, '');
      // 23个委员工作室 → 委员工作室; 宣讲66场次 → 宣讲; 将66名政协委员分别选派到… → 政协委员分别选派到…
      const label = (after.length >= 2 && after.length <= 16 ? after : lead.length >= 2 ? lead : after.slice(0, 16)).slice(-40);
      if (label.length < 2 || metrics.some((x) => x.value === value && x.unit === unit)) continue;
      metrics.push({ label, value, unit });
    }
  }
  return metrics;
}

const HAS_FIGURE = new RegExp(FIGURE.source, 'u');
const hasFigure = (sentence: string) => HAS_FIGURE.test(sentence);
const SUMMARY_LIMIT = 200;

function summaryOf(sentences: readonly string[]): string {
  let summary = '';
  for (const s of sentences) {
    if ([...summary + s].length > SUMMARY_LIMIT) break;
    summary += s;
  }
  return summary || [...(sentences[0] ?? '')].slice(0, SUMMARY_LIMIT - 1).join('') + '…';
}

function titleOf(organization: string, heading: string): string {
  const clause = heading.split(/[，。；：]/u)[0] ?? heading;
  return [...`${organization}${clause}`].slice(0, 60).join('');
}

/** Case file names: the report's slug and the measure in pinyin, moved on (-2, -3) past names already taken. */
function slugFor(reportSlug: string, heading: string, taken: Set<string>): string {
  const words = pinyinSlug([...heading.split(/[，。；：]/u)[0] ?? heading].slice(0, 6).join(''));
  const base = `${reportSlug}-${words || 'case'}`.slice(0, 60).replace(/-+$/, '');
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function render(frontmatter: CaseInput, background: readonly string[], practice: readonly string[], results: readonly string[]): string {
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0 });
  const bullets = (lines: readonly string[]) => lines.map((l) => `- ${l}`).join('\n');
  return `---\n${yaml}---\n\n## 背景\n\n${background.join('')}\n\n## 做法\n\n${bullets(practice)}\n\n## 成效\n\n${results.join('')}\n`;
}

/**
 * Drafts for a report. `reportId` is its id (2023/xian); `taken` holds the case
 * slugs already in the library, and receives the new ones.
 */
export function draftCases(reportId: string, report: Report, body: string, themes: readonly Theme[], taken: Set<string>): CaseDraftFile[] {
  const { opening, measures } = readReportBody(body);
  const year = report.date.slice(0, 4);
  const reportSlug = reportId.split('/').at(-1) ?? reportId;
  const background = opening.slice(0, 3);
  return measures.map((measure) => {
    // 成效: the sentences with figures; without any, the measure's closing sentence (usually what it achieved).
    const withFigures = measure.sentences.filter(hasFigure);
    const results = withFigures.length > 0 ? withFigures : measure.sentences.slice(-1);
    const practice = measure.sentences.filter((s) => !results.includes(s));
    const text = [measure.heading, ...measure.sentences].join('');
    const suggested = suggestThemes(text, themes, 3);
    const frontmatter: CaseInput = {
      title: titleOf(report.organization, measure.heading),
      region: report.region,
      organization: report.organization,
      year,
      themes: suggested.length > 0 ? suggested : report.themes.slice(0, 1),
      summary: summaryOf(measure.sentences),
      sources: [`reports/${reportId}`],
    };
    const metrics = metricsOf(measure.sentences);
    if (metrics.length > 0) frontmatter.metrics = metrics;
    const slug = slugFor(reportSlug, measure.heading, taken);
    return {
      path: `content/cases/${year}/${slug}.md`,
      slug,
      title: frontmatter.title,
      content: render(frontmatter, background.length > 0 ? background : measure.sentences.slice(0, 1), practice.length > 0 ? practice : measure.sentences, results),
      measure,
      metrics,
    };
  });
}
