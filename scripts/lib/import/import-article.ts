/**
 * The importer's pure core: article text in, report files and an account of
 * every line out. Nothing here touches the file system.
 */
import { stringify } from 'yaml';
import { type ReportInput, ReportSchema } from '../../../src/schemas/report.ts';
import type { Theme } from '../../../src/schemas/theme.ts';
import { findRegionsByName, provinceCode, shortRegionName, type Region } from '../../../src/lib/regions.ts';
import { pinyinSlug } from '../../../src/lib/slug.ts';
import { suggestThemes } from '../../../src/lib/themes.ts';
import { parseArticle, type ArticleLine, type ArticleProblem, type BoilerplateKind, type Repair, type SpeakerBlock } from './article.ts';

export interface ImportOptions {
  /** File name of the raw article under content/sources/, recorded in each report. */
  sourceFile: string;
  themes: readonly Theme[];
  repairs?: readonly Repair[];
}

export interface ReportFile {
  /** File name inside the output folder, e.g. `xian.md`. */
  name: string;
  content: string;
}

/** Where each non-empty input line went. */
export type LinePlace = { line: number; report: string } | { line: number; boilerplate: BoilerplateKind };

export interface ImportResult {
  files: ReportFile[];
  accounting: LinePlace[];
  problems: ArticleProblem[];
  applied: Repair[];
}

const SUMMARY_LIMIT = 200;

function sentences(text: string): string[] {
  return text.match(/[^。！？；]+[。！？；]?[”’]?/gu) ?? [];
}

/** The opening paragraph cut to whole sentences within 200 characters. */
export function summarize(text: string): string {
  let summary = '';
  for (const sentence of sentences(text)) {
    if ([...summary + sentence].length > SUMMARY_LIMIT) break;
    summary += sentence;
  }
  return summary || [...text].slice(0, SUMMARY_LIMIT - 1).join('') + '…';
}

/** Region candidates for a printed name; repeats across provinces are settled by the article's other regions. */
function resolveRegions(blocks: readonly SpeakerBlock[]): Map<SpeakerBlock, Region[]> {
  const candidates = new Map<SpeakerBlock, Region[]>();
  for (const block of blocks) {
    const name = block.regionName;
    const exact = findRegionsByName(name);
    candidates.set(block, exact.length > 0 ? exact : ['市', '县', '区'].flatMap((s) => findRegionsByName(name + s)));
  }
  const provinceVotes = new Map<string, number>();
  for (const found of candidates.values()) {
    if (found.length === 1 && found[0]) provinceVotes.set(provinceCode(found[0].code), (provinceVotes.get(provinceCode(found[0].code)) ?? 0) + 1);
  }
  const home = [...provinceVotes].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const [block, found] of candidates) {
    if (found.length > 1 && home) candidates.set(block, found.filter((r) => provinceCode(r.code) === home));
  }
  return candidates;
}

function measureMarkdown(heading: ArticleLine, paragraphs: readonly ArticleLine[]): string {
  const cut = heading.text.indexOf('。');
  const title = cut >= 0 ? heading.text.slice(0, cut) : heading.text;
  const rest = cut >= 0 ? heading.text.slice(cut + 1) : '';
  return [`## ${title}`, ...(rest ? [rest] : []), ...paragraphs.map((p) => p.text)].join('\n\n');
}

function renderReport(frontmatter: ReportInput, block: SpeakerBlock): string {
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0, defaultStringType: 'PLAIN' });
  const body = [
    ...block.opening.map((p) => p.text),
    ...block.measures.map((m) => measureMarkdown(m.heading, m.paragraphs)),
  ].join('\n\n');
  return `---\n${yaml}---\n\n${body}\n`;
}

/** Every sentence of every line given to a report must appear in its file. */
function missingSentences(block: SpeakerBlock, content: string): ArticleLine[] {
  const lines = [block.title, ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])];
  return lines.filter((line) => sentences(line.text).some((s) => !content.includes(s.replace(/。$/, ''))));
}

export function importArticle(text: string, options: ImportOptions): ImportResult {
  const article = parseArticle(text, options.repairs ?? []);
  const problems = [...article.problems];
  const error = (line: number, rule: string, message: string, fix: string) =>
    problems.push({ line, column: 1, rule, severity: 'error', message, fix });

  if (text.trim() === '') error(1, 'import/empty', '文件是空的', '检查是否选错了文件');
  else if (article.blocks.length === 0) {
    error(1, 'import/no-speakers', '没有找到发言人行（例如“西安市政协主席王吉德”）', '确认文章是“地区+政协+职务+姓名”一行、标题一行、正文若干行的结构');
  }
  if (article.blocks.length > 0 && (!article.date || !article.publisher)) {
    error(1, 'import/no-header', '没有找到日期与来源行（例如“2023-05-25 08:47:06 来源：各界新闻网”）', '在第一行补上发布日期和来源');
  }

  const regions = resolveRegions(article.blocks);
  const files: ReportFile[] = [];
  const accounting: LinePlace[] = article.boilerplate.map(({ line, kind }) => ({ line: line.line, boilerplate: kind }));
  const used = new Set<string>();

  for (const block of article.blocks) {
    const found = regions.get(block) ?? [];
    const region = found.length === 1 ? found[0] : undefined;
    if (!region) {
      error(
        block.speakerLine.line,
        'import/unknown-region',
        found.length === 0 ? `“${block.regionName || '（无地区）'}”不是 GB/T 2260 中的行政区划名称` : `“${block.regionName}”对应多个行政区划：${found.map((r) => r.code).join('、')}`,
        '发言人行应以完整的行政区划名称开头，例如“咸阳市秦都区”写作“秦都区”',
      );
      continue;
    }
    const base = pinyinSlug(shortRegionName(region.name), { place: true });
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);

    const allText = [block.title, ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])].map((l) => l.text).join('\n');
    const themes = suggestThemes(allText, options.themes);
    const source: ReportInput['source'] = { publisher: article.publisher ?? '', published: article.date ?? '' };
    if (article.photoCredit) source.photoCredit = article.photoCredit;
    if (article.editor) source.editor = article.editor;
    source.file = options.sourceFile;
    const frontmatter: ReportInput = {
      title: block.title.text,
      speaker: { name: block.name, role: block.role },
      organization: `${block.regionName}政协`,
      region: region.code,
      date: article.date ?? '',
      source,
      themes,
      summary: summarize(block.opening.map((l) => l.text).join('')),
    };
    const checked = ReportSchema.safeParse(frontmatter);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        error(block.speakerLine.line, 'import/invalid-report', `${block.speakerLine.text}：${issue.path.join('.')} ${issue.message}`, '检查该发言的标题、开头段落和主题词表');
      }
      continue;
    }
    const content = renderReport(frontmatter, block);
    for (const line of missingSentences(block, content)) {
      error(line.line, 'import/lost-sentence', '这一行有句子没有写进报告', '这是导入程序的缺陷，请报告');
    }
    files.push({ name: `${slug}.md`, content });
    for (const line of [block.speakerLine, ...(block.title === block.speakerLine ? [] : [block.title]), ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])]) {
      accounting.push({ line: line.line, report: slug });
    }
  }
  accounting.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { files, accounting, problems, applied: article.applied };
}
