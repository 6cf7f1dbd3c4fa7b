/**
 * The importer's pure core: article text in, report files and an account of
 * every line out. Nothing here touches the file system.
 */
import { stringify } from 'yaml';
import { type ReportInput, ReportSchema } from '../../../src/schemas/report.ts';
import type { Theme } from '../../../src/schemas/theme.ts';
import { allRegions, findRegionsByName, getRegion, provinceCode, regionFullName, shortRegionName, type Region } from '../../../src/lib/regions.ts';
import { pinyinSlug } from '../../../src/lib/slug.ts';
import { suggestThemes } from '../../../src/lib/themes.ts';
import { parseArticle, type ArticleLine, type ArticleProblem, type ArticleShape, type BoilerplateKind, type ParsedArticle, type Repair, type SpeakerBlock } from './article.ts';
import type { PageMeta } from './read-source.ts';
import { isoDate } from './single.ts';

export interface ImportOptions {
  /** File name of the raw article under content/sources/, recorded in each report. */
  sourceFile: string;
  themes: readonly Theme[];
  repairs?: readonly Repair[];
  /** What the editor gave on the command line; it wins over what the text prints. */
  given?: GivenFields;
  /** What a saved web page says about itself (canonical address, publication date, site name). */
  page?: PageMeta;
}

/** Command-line options for a single article; speaker, role and region are ignored for compilations. */
export interface GivenFields {
  speaker?: string | undefined;
  role?: string | undefined;
  /** Six-digit code or a name from GB/T 2260. */
  region?: string | undefined;
  date?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
}

export interface ReportFile {
  /** File name inside the output folder, e.g. `xian.md`. */
  name: string;
  content: string;
  /** The report's date (YYYY-MM-DD), which decides its year folder. */
  date: string;
}

/** Where each non-empty input line went. */
export type LinePlace = { line: number; report: string } | { line: number; boilerplate: BoilerplateKind };

export interface ImportResult {
  shape: ArticleShape;
  /** Non-empty lines in the input. */
  lineCount: number;
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

/** Divisions a printed name or code may stand for: 西安市, 西安 or 610100. */
export function regionsFor(name: string): Region[] {
  if (/^\d{6}$/.test(name)) {
    const region = getRegion(name);
    return region ? [region] : [];
  }
  const exact = findRegionsByName(name);
  if (exact.length > 0) return exact;
  const suffixed = ['市', '县', '区'].flatMap((s) => findRegionsByName(name + s));
  if (suffixed.length > 0) return suffixed;
  // A name with its parents, as letterheads print it: 咸阳市秦都区, 陕西省宝鸡市.
  return allRegions().filter((r) => name.endsWith(r.name) && name.length > r.name.length && regionFullName(r.code).endsWith(name));
}

/** Region candidates for a printed name; repeats across provinces are settled by the article's other regions. */
function resolveRegions(blocks: readonly SpeakerBlock[]): Map<SpeakerBlock, Region[]> {
  const candidates = new Map<SpeakerBlock, Region[]>();
  for (const block of blocks) candidates.set(block, regionsFor(block.regionName));
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

const SUB_MEASURE = /^[（(][一二三四五六七八九十]{1,3}[）)]/u;

/** A numbered line as a heading: the words before the first 。 head the section, the rest is its first paragraph. */
function heading(level: '##' | '###', text: string): string[] {
  const cut = text.indexOf('。');
  const title = cut >= 0 ? text.slice(0, cut) : text;
  const rest = cut >= 0 ? text.slice(cut + 1) : '';
  return [`${level} ${title}`, ...(rest ? [rest] : [])];
}

function measureMarkdown(measure: ArticleLine, paragraphs: readonly ArticleLine[]): string {
  return [...heading('##', measure.text), ...paragraphs.flatMap((p) => (SUB_MEASURE.test(p.text) ? heading('###', p.text) : [p.text]))].join('\n\n');
}

function renderReport(frontmatter: ReportInput, block: SpeakerBlock): string {
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0, defaultStringType: 'PLAIN' });
  const body = [
    ...(block.preface ?? []).map((p) => p.text),
    ...block.opening.map((p) => p.text),
    ...block.measures.map((m) => measureMarkdown(m.heading, m.paragraphs)),
  ].join('\n\n');
  return `---\n${yaml}---\n\n${body}\n`;
}

/** Every sentence of every line given to a report must appear in its file. */
function missingSentences(block: SpeakerBlock, content: string): ArticleLine[] {
  const lines = [...(block.metaLines ? [] : [block.title]), ...(block.preface ?? []), ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])];
  return lines.filter((line) => sentences(line.text).some((s) => !content.includes(s.replace(/。$/, ''))));
}

/** The lines a report was made from: all of them are accounted to it. */
function reportLines(block: SpeakerBlock): ArticleLine[] {
  if (block.metaLines) return [...block.metaLines, ...(block.preface ?? []), ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])];
  return [block.speakerLine, ...(block.title === block.speakerLine ? [] : [block.title]), ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])];
}

/** Who, where and when for one block: the command line first, then the text, then the page's meta tags. */
function blockFacts(block: SpeakerBlock, article: ParsedArticle, options: ImportOptions) {
  const single = article.shape !== 'compiled';
  // An empty option counts as not given.
  const given = Object.fromEntries(Object.entries(options.given ?? {}).filter(([, v]) => v?.trim())) as GivenFields;
  const fields = article.fields;
  const published = given.date ?? article.date ?? options.page?.published ?? fields.date;
  return {
    name: (single ? given.speaker : undefined) ?? block.name,
    role: (single ? given.role : undefined) ?? block.role,
    regionName: (single ? given.region : undefined) ?? block.regionName,
    organization: single ? fields.organization : undefined,
    date: given.date ?? fields.date ?? article.date ?? options.page?.published,
    published,
    publisher: given.publisher ?? fields.publisher ?? article.publisher ?? options.page?.publisher,
    url: given.url ?? fields.url ?? options.page?.url,
  };
}

const MISSING_FIX: Record<string, string> = {
  发言人姓名: '在文中写明“××市政协主席姓名”一行或“发言人：姓名”，或加 --speaker 姓名',
  发言人职务: '在文中写明“职务：政协主席”，或加 --role 政协主席',
  地区: '在文中写明“地区：××市”，或加 --region 行政区划代码或名称',
  日期: '在文中写明日期（如“2024年1月15日”或“日期：2024-01-15”），或加 --date YYYY-MM-DD',
  发布单位: '在文中写明“来源：××”，或加 --publisher 发布单位（收到的 Word 文件可写发稿单位）',
};

export function importArticle(text: string, options: ImportOptions): ImportResult {
  const article = parseArticle(text, options.repairs ?? []);
  const problems = [...article.problems];
  const error = (line: number, rule: string, message: string, fix: string) =>
    problems.push({ line, column: 1, rule, severity: 'error', message, fix });

  if (text.trim() === '') error(1, 'import/empty', '文件是空的', '检查是否选错了文件');
  if (article.shape === 'compiled' && (!(article.date ?? options.given?.date ?? options.page?.published) || !(article.publisher ?? options.given?.publisher ?? options.page?.publisher))) {
    error(1, 'import/no-header', '没有找到日期与来源行（例如“2023-05-25 08:47:06 来源：各界新闻网”）', '在第一行补上发布日期和来源');
  }

  const regions = article.shape === 'compiled' ? resolveRegions(article.blocks) : undefined;
  const files: ReportFile[] = [];
  const accounting: LinePlace[] = article.boilerplate.map(({ line, kind }) => ({ line: line.line, boilerplate: kind }));
  const used = new Set<string>();

  for (const block of article.blocks) {
    const facts = blockFacts(block, article, options);
    const at = block.metaLines?.[0]?.line ?? block.speakerLine.line;
    const missing = Object.entries({ 发言人姓名: facts.name, 发言人职务: facts.role, 地区: facts.regionName, 日期: facts.date, 发布单位: facts.publisher })
      .filter(([, value]) => !value)
      .map(([label]) => label);
    if (article.shape !== 'compiled' && missing.length > 0) {
      for (const label of missing) error(at, 'import/missing-field', `文中没有写明${label}，命令行也没有给出`, MISSING_FIX[label] ?? '');
      continue;
    }
    const found = regions?.get(block) ?? regionsFor(facts.regionName);
    const region = found.length === 1 ? found[0] : undefined;
    if (!region) {
      error(
        at,
        'import/unknown-region',
        found.length === 0 ? `“${facts.regionName || '（无地区）'}”不是 GB/T 2260 中的行政区划名称` : `“${facts.regionName}”对应多个行政区划：${found.map((r) => r.code).join('、')}`,
        article.shape === 'compiled' ? '发言人行应以完整的行政区划名称开头，例如“咸阳市秦都区”写作“秦都区”' : '用 --region 给出六位行政区划代码，例如 --region 610402',
      );
      continue;
    }
    const suffix = article.shape === 'work-report' ? '-work-report' : '';
    const base = pinyinSlug(shortRegionName(region.name), { place: true }) + suffix;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);

    const allText = [block.titleText ?? block.title.text, ...block.opening, ...block.measures.flatMap((m) => [m.heading, ...m.paragraphs])].map((l) => (typeof l === 'string' ? l : l.text)).join('\n');
    const themes = suggestThemes(allText, options.themes);
    const date = facts.date ?? '';
    const source: ReportInput['source'] = { publisher: facts.publisher ?? '', published: facts.published ?? date };
    if (facts.url) source.url = facts.url;
    if (article.photoCredit) source.photoCredit = article.photoCredit;
    if (article.editor) source.editor = article.editor;
    source.file = options.sourceFile;
    const frontmatter: ReportInput = {
      title: block.titleText ?? block.title.text,
      speaker: { name: facts.name, role: facts.role },
      organization: facts.organization ?? `${article.shape === 'compiled' ? block.regionName : region.name}政协`,
      region: region.code,
      date: isoDate(date) ?? date,
      source,
      themes,
      summary: summarize(block.opening.map((l) => l.text).join('') || block.measures.flatMap((m) => [m.heading, ...m.paragraphs]).map((l) => l.text).join('')),
    };
    const checked = ReportSchema.safeParse(frontmatter);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        error(at, 'import/invalid-report', `${frontmatter.title}：${issue.path.join('.')} ${issue.message}`, '检查该发言的标题、开头段落、日期和命令行参数');
      }
      continue;
    }
    const content = renderReport(frontmatter, block);
    for (const line of missingSentences(block, content)) {
      error(line.line, 'import/lost-sentence', '这一行有句子没有写进报告', '这是导入程序的缺陷，请报告');
    }
    files.push({ name: `${slug}.md`, content, date: String(frontmatter.date) });
    for (const line of reportLines(block)) accounting.push({ line: line.line, report: slug });
  }
  accounting.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { shape: article.shape, lineCount: article.lineCount, files, accounting, problems, applied: article.applied };
}
