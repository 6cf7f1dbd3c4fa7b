/**
 * A single speech or article, or a committee's annual work report (政协工作报告):
 * a header (title, speaker, occasion, date, or labelled fields such as “标题：…”),
 * then the body with 一、 sections. Everything becomes one report.
 */
import type { ArticleLine, ArticleShape, BoilerplateKind, SpeakerBlock, TextFields } from './article.ts';
import { BOILERPLATE_PATTERNS, HEADER, MEASURE, ROLE, SPEAKER } from './patterns.ts';

const LABELS: Record<string, keyof TextFields> = {
  标题: 'title', 题目: 'title', 发言人: 'speaker', 姓名: 'speaker', 职务: 'role', 地区: 'region', 行政区划: 'region', 单位: 'organization',
  日期: 'date', 发言日期: 'date', 发布单位: 'publisher', 来源: 'publisher', 出处: 'publisher', 网址: 'url', 原文网址: 'url', 链接: 'url',
};
const LABEL = new RegExp(`^(?<label>${Object.keys(LABELS).join('|')})\\s*[：:]\\s*(?<value>.*)$`, 'u');
const BODY_LABEL = /^正文\s*[：:]?$/u;
const TITLE_PREFIX = /^(?:会议发言|大会发言|交流发言|书面发言|发言材料|经验交流)[：:]\s*(?<title>\S.*)$/u;
const SUBTITLE = /^(?:——|－－|--|—)\s*\S/u;
const DATE = /(?<y>\d{4})\s*(?:年|-)\s*(?<m>\d{1,2})\s*(?:月|-)\s*(?<d>\d{1,2})\s*日?/u;
const DATELINE = /^[（(]?\d{4}\s*(?:年|-)\s*\d{1,2}\s*(?:月|-)\s*\d{1,2}\s*日?[）)]?$/u;
const NAME_LINE = /^\p{Script=Han}{2,4}(?:·\p{Script=Han}{1,6})?$/u;
const PLACE = '\\p{Script=Han}{1,12}?(?:省|市|区|县|旗|自治县|自治州|盟)';
const COMMITTEE_SPEAKER = new RegExp(`^政协(?<region>${PLACE})委员会(?<role>${ROLE})(?<name>\\p{Script=Han}{2,4}(?:·\\p{Script=Han}{1,6})?)$`, 'u');
const COMMITTEE = new RegExp(`政协(?<region>${PLACE})(?:第\\p{Script=Han}{1,4}届)?委员会|(?<short>${PLACE})政协`, 'u');
const SALUTATION = /^各位(?:委员|代表|领导|同志)[^。]{0,20}[：:]$/u;

/** YYYY-MM-DD from 2023年5月24日 or 2023-5-24, or undefined. */
export function isoDate(text: string): string | undefined {
  const m = DATE.exec(text)?.groups;
  if (!m) return undefined;
  return `${m['y']}-${(m['m'] ?? '').padStart(2, '0')}-${(m['d'] ?? '').padStart(2, '0')}`;
}

function boilerplateKind(text: string) {
  for (const { kind, pattern } of BOILERPLATE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, value: match.groups?.['value'] };
  }
  return undefined;
}

export interface SingleArticle {
  shape: ArticleShape;
  date?: string;
  publisher?: string;
  photoCredit?: string;
  editor?: string;
  fields: TextFields;
  blocks: SpeakerBlock[];
  boilerplate: { line: ArticleLine; kind: BoilerplateKind }[];
  unaccounted: ArticleLine[];
}

/** Read the header lines into fields; returns the index of the first body line. */
type SingleBlock = SpeakerBlock & { metaLines: ArticleLine[]; preface: ArticleLine[] };

function readHeader(lines: readonly ArticleLine[], result: SingleArticle, block: SingleBlock): number {
  const fields = result.fields;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as ArticleLine;
    const text = line.text;
    const compact = text.replace(/\s+/g, '');
    const label = LABEL.exec(text)?.groups;
    const header = HEADER.exec(text)?.groups;
    const speaker = SPEAKER.exec(compact)?.groups ?? COMMITTEE_SPEAKER.exec(compact)?.groups;
    if (header && result.date === undefined) {
      result.date = header['date'] ?? '';
      result.publisher = header['publisher']?.trim() ?? '';
      result.boilerplate.push({ line, kind: 'header' });
      continue;
    }
    if (label) {
      const key = LABELS[label['label'] ?? ''];
      const value = label['value']?.trim() ?? '';
      if (key && value) fields[key] = key === 'date' ? (isoDate(value) ?? value) : value;
      block.metaLines.push(line);
      continue;
    }
    if (BODY_LABEL.test(text)) {
      block.metaLines.push(line);
      return i + 1;
    }
    if (speaker && text.length <= 40) {
      fields.speaker ??= speaker['name'];
      fields.role ??= `政协${speaker['role']}`;
      if (speaker['region']) fields.region ??= speaker['region'];
      block.metaLines.push(line);
      continue;
    }
    if (SUBTITLE.test(text)) {
      fields.date ??= isoDate(text);
      block.preface.push(line);
      continue;
    }
    if (DATELINE.test(text)) {
      fields.date ??= isoDate(text);
      block.metaLines.push(line);
      continue;
    }
    if (fields.title === undefined && text.length <= 80 && !/[。！？；]$/u.test(text)) {
      fields.title = TITLE_PREFIX.exec(text)?.groups?.['title'] ?? text;
      block.metaLines.push(line);
      continue;
    }
    if (fields.title !== undefined && fields.speaker === undefined && NAME_LINE.test(compact)) {
      fields.speaker = compact;
      block.metaLines.push(line);
      continue;
    }
    break;
  }
  return i;
}

export function splitSingle(lines: readonly ArticleLine[]): SingleArticle {
  const result: SingleArticle = { shape: 'single', fields: {}, blocks: [], boilerplate: [], unaccounted: [] };
  const first = lines[0];
  if (!first) return result;
  const block: SingleBlock = { speakerLine: first, regionName: '', role: '', name: '', title: first, opening: [], measures: [], metaLines: [], preface: [] };
  let i = readHeader(lines, result, block);
  const fields = result.fields;
  if (!fields.region) {
    const place = lines.slice(0, Math.max(i, 3)).map((l) => COMMITTEE.exec(l.text)?.groups).find(Boolean);
    const found = place?.['region'] ?? place?.['short'];
    if (found) fields.region = found;
  }
  if (/工作报告/u.test(fields.title ?? '')) result.shape = 'work-report';
  let ended = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as ArticleLine;
    const boiler = boilerplateKind(line.text);
    if (boiler) {
      if (boiler.kind === 'photo-credit' && boiler.value) result.photoCredit = boiler.value;
      if (boiler.kind === 'editor' && boiler.value) result.editor = boiler.value;
      result.boilerplate.push({ line, kind: boiler.kind });
      ended = true; // text after the credits belongs to no report
    } else if (ended) {
      result.unaccounted.push(line);
    } else if (block.opening.length === 0 && block.measures.length === 0 && (SALUTATION.test(line.text) || SUBTITLE.test(line.text))) {
      block.preface.push(line);
    } else if (MEASURE.test(line.text)) {
      block.measures.push({ heading: line, paragraphs: [] });
    } else {
      const measure = block.measures.at(-1);
      if (measure) measure.paragraphs.push(line);
      else block.opening.push(line);
    }
  }
  const titleLine = block.metaLines.find((l) => fields.title !== undefined && l.text.includes(fields.title));
  if (titleLine) block.title = titleLine;
  block.titleText = fields.title;
  block.name = fields.speaker ?? '';
  block.role = fields.role ?? '';
  block.regionName = fields.region ?? '';
  if (block.metaLines.length + block.preface.length + block.opening.length + block.measures.length > 0) result.blocks.push(block);
  return result;
}
