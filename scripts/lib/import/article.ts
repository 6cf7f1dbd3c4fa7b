/**
 * Reading a compiled article of experience-exchange speeches: repair each line,
 * then split it into a header, one block per speaker and boilerplate, so that
 * every non-empty input line ends up in exactly one place.
 */
import { findDamage, normalizeChinese } from '../../../src/lib/chinese-text.ts';
import { BOILERPLATE_PATTERNS, HEADER, MEASURE, SPEAKER } from './patterns.ts';
import { splitSingle } from './single.ts';

/** An editor's correction for text the importer cannot repair by itself. */
export interface Repair {
  /** 1-based line in the raw article. */
  line: number;
  /** The damaged text exactly as it stands in the raw line. */
  damaged: string;
  /** What the original says. */
  repaired: string;
  /** Why the repair is certain. */
  reason: string;
}

export interface ArticleLine {
  /** 1-based line number in the raw file. */
  line: number;
  raw: string;
  /** The line after repairs, pinyin removal, simplification and punctuation. */
  text: string;
}

export type BoilerplateKind = 'header' | 'article-title' | 'photo-credit' | 'editor' | 'disclaimer';

/** How the summary names each kind of boilerplate. */
export const BOILERPLATE_NAMES: Record<BoilerplateKind, string> = { header: '日期与来源', 'article-title': '汇编标题', 'photo-credit': '图片作者', editor: '编辑', disclaimer: '免责声明' };

export interface SpeakerBlock {
  speakerLine: ArticleLine;
  regionName: string;
  /** Role as printed after the region, e.g. 政协主席. */
  role: string;
  name: string;
  title: ArticleLine;
  /** Paragraphs before the first numbered measure. */
  opening: ArticleLine[];
  /** Lines that start with 一、 二、 …, each with any paragraphs that follow it. */
  measures: { heading: ArticleLine; paragraphs: ArticleLine[] }[];
  /** Single articles: header lines whose content went into the frontmatter (title, speaker, labelled fields, dateline). */
  metaLines?: ArticleLine[];
  /** Single articles: lines kept at the top of the body but left out of the summary (——在…上的发言, 各位委员：). */
  preface?: ArticleLine[];
  /** The title when its line carries more (会议发言：…). */
  titleText?: string | undefined;
}

/** compiled: many speeches, one report each; single: one speech or article; work-report: a committee's annual 工作报告. */
export type ArticleShape = 'compiled' | 'single' | 'work-report';

/** What a single article prints about itself, from labelled fields, the speaker line and the dateline. */
export interface TextFields {
  title?: string | undefined;
  speaker?: string | undefined;
  role?: string | undefined;
  /** A region name as printed (西安市) or a code. */
  region?: string | undefined;
  organization?: string | undefined;
  date?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
}

export interface ArticleProblem {
  line: number;
  column: number;
  rule: string;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

export interface ParsedArticle {
  shape: ArticleShape;
  /** Single articles only: what the header says. */
  fields: TextFields;
  date?: string;
  publisher?: string;
  photoCredit?: string;
  editor?: string;
  blocks: SpeakerBlock[];
  boilerplate: { line: ArticleLine; kind: BoilerplateKind }[];
  unaccounted: ArticleLine[];
  problems: ArticleProblem[];
  /** Repairs that were applied, for the import summary. */
  applied: Repair[];
}

/** Placeholder for a character that was lost and could not be recovered (as in transcriptions: □). */
export const LOST = '□';


/** Apply editors' repairs, mark what stays damaged, then normalise the Chinese. */
export function repairLines(text: string, repairs: readonly Repair[]) {
  const problems: ArticleProblem[] = [];
  const applied: Repair[] = [];
  const lines: ArticleLine[] = [];
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const repair of repairs) {
    const raw = rawLines[repair.line - 1] ?? '';
    if (raw.split(repair.damaged).length !== 2) {
      problems.push({
        line: repair.line,
        column: 1,
        rule: 'import/stale-repair',
        severity: 'error',
        message: `修复清单中的“${repair.damaged}”在第 ${repair.line} 行没有恰好出现一次`,
        fix: '核对修复清单的行号和原文',
      });
    }
  }
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let fixed = raw.trim();
    for (const repair of repairs.filter((r) => r.line === line)) {
      if (fixed.split(repair.damaged).length === 2) {
        fixed = fixed.replace(repair.damaged, repair.repaired);
        applied.push(repair);
      }
    }
    for (const damage of findDamage(fixed)) {
      problems.push({
        line,
        column: damage.column,
        rule: 'import/mis-decoded',
        severity: 'warning',
        message: `乱码“${damage.text}”无法确定原文，已以 ${LOST} 标出`,
        fix: '对照原始出处，在修复清单（.repairs.yaml）中写明原文',
      });
    }
    fixed = findDamage(fixed).reduceRight((s, d) => s.slice(0, d.column - 1) + LOST + s.slice(d.column - 1 + d.text.length), fixed);
    lines.push({ line, raw, text: normalizeChinese(fixed) });
  });
  return { lines, problems, applied };
}

function boilerplateKind(text: string) {
  for (const { kind, pattern } of BOILERPLATE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, value: match.groups?.['value'] };
  }
  return undefined;
}

/** Split repaired lines into header, speaker blocks and boilerplate. */
export function splitArticle(lines: readonly ArticleLine[]): Omit<ParsedArticle, 'problems' | 'applied'> {
  const result: Omit<ParsedArticle, 'problems' | 'applied'> = { shape: 'compiled', fields: {}, blocks: [], boilerplate: [], unaccounted: [] };
  let block: SpeakerBlock | undefined;
  let needTitle = false;
  for (const line of lines) {
    const header = result.date === undefined && result.blocks.length === 0 ? HEADER.exec(line.text) : null;
    if (header?.groups) {
      result.date = header.groups['date'] ?? '';
      result.publisher = header.groups['publisher']?.trim() ?? '';
      result.boilerplate.push({ line, kind: 'header' });
      continue;
    }
    const speaker = SPEAKER.exec(line.text);
    if (speaker?.groups && line.text.length <= 40) {
      block = {
        speakerLine: line,
        regionName: speaker.groups['region'] ?? '',
        role: `政协${speaker.groups['role']}`,
        name: speaker.groups['name'] ?? '',
        title: line,
        opening: [],
        measures: [],
      };
      result.blocks.push(block);
      needTitle = true;
      continue;
    }
    const boiler = boilerplateKind(line.text);
    if (boiler) {
      if (boiler.kind === 'photo-credit' && boiler.value) result.photoCredit = boiler.value;
      if (boiler.kind === 'editor' && boiler.value) result.editor = boiler.value;
      result.boilerplate.push({ line, kind: boiler.kind });
      block = undefined; // text after boilerplate belongs to no speaker
      continue;
    }
    if (!block && line === lines[0]) {
      result.boilerplate.push({ line, kind: 'article-title' }); // a compilation's own headline, as saved pages print it
    } else if (!block) {
      result.unaccounted.push(line);
    } else if (needTitle) {
      block.title = line;
      needTitle = false;
    } else if (MEASURE.test(line.text)) {
      block.measures.push({ heading: line, paragraphs: [] });
    } else {
      const measure = block.measures.at(-1);
      if (measure) measure.paragraphs.push(line);
      else block.opening.push(line);
    }
  }
  return result;
}

/** Repaired lines (for counting) and the article split into reports. */
export function parseArticle(text: string, repairs: readonly Repair[] = []): ParsedArticle & { lineCount: number } {
  const { lines, problems, applied } = repairLines(text, repairs);
  // Two or more speaker lines make a compilation; anything else is one speech, article or work report.
  const speakers = lines.filter((l) => SPEAKER.test(l.text) && l.text.length <= 40).length;
  const article = speakers >= 2 ? splitArticle(lines) : splitSingle(lines);
  for (const block of article.blocks) {
    if (block.metaLines && block.titleText === undefined) {
      problems.push({
        line: block.speakerLine.line,
        column: 1,
        rule: 'import/missing-title',
        severity: 'error',
        message: '文章开头没有标题行',
        fix: '在第一行写上标题（不以句号结尾），或写成“标题：……”',
      });
    } else if (!block.metaLines && block.title === block.speakerLine) {
      problems.push({
        line: block.speakerLine.line,
        column: 1,
        rule: 'import/missing-title',
        severity: 'error',
        message: `发言人“${block.speakerLine.text}”之后没有标题行`,
        fix: '在发言人行之后补上发言标题',
      });
    }
  }
  for (const line of article.unaccounted) {
    problems.push({
      line: line.line,
      column: 1,
      rule: 'import/unaccounted-line',
      severity: 'error',
      message: `这一行不属于任何发言，也不是已知的版权或署名信息：“${line.text.slice(0, 30)}”`,
      fix: '确认该行的归属：删去无关文字，或在其前面补上发言人行',
    });
  }
  return { ...article, problems, applied, lineCount: lines.length };
}
