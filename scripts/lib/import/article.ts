/**
 * Reading a compiled article of experience-exchange speeches: repair each line,
 * then split it into a header, one block per speaker and boilerplate, so that
 * every non-empty input line ends up in exactly one place.
 */
import { findDamage, normalizeChinese } from '../../../src/lib/chinese-text.ts';

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

export type BoilerplateKind = 'header' | 'photo-credit' | 'editor' | 'disclaimer';

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

const ROLE = '(?:党组书记、主席|党组书记、副主席|党组书记|党组副书记|主席|副主席|秘书长)';
const SPEAKER = new RegExp(`^(?<region>\\p{Script=Han}{1,12}?(?:省|市|区|县|旗|自治县|自治州|盟))?政协(?<role>${ROLE})(?<name>\\p{Script=Han}{2,4}(?:·\\p{Script=Han}{1,6})?)$`, 'u');
const HEADER = /^(?<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*来源[：:]\s*(?<publisher>\S.*)$/u;
const MEASURE = /^[一二三四五六七八九十]{1,3}、/u;
const BOILERPLATE: { kind: Exclude<BoilerplateKind, 'header'>; pattern: RegExp }[] = [
  { kind: 'photo-credit', pattern: /^(?:本组)?图片由\s*(?<value>\S.*?)\s*摄$/u },
  { kind: 'editor', pattern: /^(?:责任)?编辑[：:]\s*(?<value>\S.*)$/u },
  { kind: 'disclaimer', pattern: /^以上文章仅代表作者个人观点/u },
];

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
  for (const { kind, pattern } of BOILERPLATE) {
    const match = pattern.exec(text);
    if (match) return { kind, value: match.groups?.['value'] };
  }
  return undefined;
}

/** Split repaired lines into header, speaker blocks and boilerplate. */
export function splitArticle(lines: readonly ArticleLine[]): Omit<ParsedArticle, 'problems' | 'applied'> {
  const result: Omit<ParsedArticle, 'problems' | 'applied'> = { blocks: [], boilerplate: [], unaccounted: [] };
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
    if (!block) {
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

export function parseArticle(text: string, repairs: readonly Repair[] = []): ParsedArticle {
  const { lines, problems, applied } = repairLines(text, repairs);
  const article = splitArticle(lines);
  for (const block of article.blocks) {
    if (block.title === block.speakerLine) {
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
  return { ...article, problems, applied };
}
