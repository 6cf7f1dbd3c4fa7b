/**
 * A report's body read as an opening and a list of distinct measures: its
 * 一、 sections, the （一） sections inside them, or the 一是… sentences of a
 * section. Every sentence is the report's own.
 */

export interface Measure {
  /** The measure's heading or first clause, without its number: 创新委员管理，解决工作力量不足问题. */
  heading: string;
  /** The measure's sentences as the report prints them. */
  sentences: string[];
}

export interface ReportBody {
  opening: string[];
  measures: Measure[];
}

const NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\s*/u;
const ENUMERATED = /(?:^|[。；：，])\s*([一二三四五六七八九十]{1,2})是/gu;

/** Sentences ending in 。！？ or ；, quotes kept with their sentence. */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？；]+[。！？；]?[”’」]?/gu) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** 一是…；二是…：each enumerated item with its text, or nothing when the paragraph enumerates fewer than two. */
function enumerated(paragraph: string): string[] {
  const starts = [...paragraph.matchAll(ENUMERATED)].map((m) => (m.index ?? 0) + m[0].length - m[1]!.length - 1);
  if (starts.length < 2) return [];
  return starts.map((start, i) => paragraph.slice(start, starts[i + 1] ?? paragraph.length).replace(/^[。；：，\s]+/u, '').trim());
}

const firstClause = (text: string) => text.replace(/^[一二三四五六七八九十]{1,2}是/u, '').split(/[，。；：]/u)[0] ?? text;

interface Section {
  heading: string;
  paragraphs: string[];
  subsections: Section[];
}

function sections(body: string): { opening: string[]; sections: Section[] } {
  const opening: string[] = [];
  const result: Section[] = [];
  for (const block of body.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean)) {
    const h2 = /^##\s+(.*)$/u.exec(block);
    const h3 = /^###\s+(.*)$/u.exec(block);
    if (h2) result.push({ heading: (h2[1] ?? '').replace(NUMBER, ''), paragraphs: [], subsections: [] });
    else if (h3 && result.at(-1)) result.at(-1)?.subsections.push({ heading: (h3[1] ?? '').replace(NUMBER, ''), paragraphs: [], subsections: [] });
    else {
      const section = result.at(-1);
      const target = section?.subsections.at(-1) ?? section;
      if (target) target.paragraphs.push(block);
      else if (!/^——|^各位/u.test(block)) opening.push(block);
    }
  }
  return { opening, sections: result };
}

/** The measures of one section: its （一） parts, else its 一是… items, else the section as a whole. */
function measuresOf(section: Section): Measure[] {
  if (section.subsections.length > 0) return section.subsections.flatMap(measuresOf);
  const items = section.paragraphs.flatMap(enumerated);
  if (items.length >= 2) return items.map((item) => ({ heading: firstClause(item), sentences: sentencesOf(item) }));
  return [{ heading: section.heading, sentences: section.paragraphs.flatMap(sentencesOf) }];
}

export function readReportBody(body: string): ReportBody {
  const parsed = sections(body);
  return {
    opening: parsed.opening.flatMap(sentencesOf),
    measures: parsed.sections.flatMap(measuresOf).filter((m) => m.sentences.length > 0),
  };
}
