/**
 * A contributed case as a document people can e-mail: labelled lines
 * (“标题：…”) and sections, the same in the Word file and in its plain text,
 * and the reader that turns such a text back into the form's fields. Editors
 * import it with `npm run new -- cases --from <文件.docx>`.
 */
import type { CaseFields } from './case-draft.ts';

/** One-line fields, in order, with the labels the document uses. */
export const LINE_LABELS = [
  ['title', '标题'],
  ['region', '地区'],
  ['organization', '单位'],
  ['year', '年份'],
  ['themes', '主题'],
  ['summary', '摘要'],
  ['slug', '文件名'],
] as const;

/** Multi-paragraph fields, in order, each a heading line “背景：” followed by its paragraphs. */
export const BLOCK_LABELS = [
  ['background', '背景'],
  ['practice', '做法'],
  ['results', '成效'],
  ['lessons', '启示'],
  ['sources', '出处'],
] as const;

export const DOCUMENT_HEADING = '创新案例投稿';

export interface CaseDocument {
  fields: CaseFields;
  slug: string;
}

export interface DocumentSection {
  label: string;
  /** Lines of a one-line field (one item), or the paragraphs of a section. */
  paragraphs: string[];
  block: boolean;
}

/** The region written for people, with its code for the editor: 陕西省汉中市洋县（610723）. */
export function regionLine(code: string, fullName: string): string {
  return fullName ? `${fullName}（${code}）` : code;
}

const paragraphsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The document's parts in order. `regionName` is the full name of the region
 * code (陕西省汉中市洋县); `themeNames` replaces theme ids by names.
 */
export function caseDocumentSections(doc: CaseDocument, regionName: string, themeName: (id: string) => string): DocumentSection[] {
  const { fields, slug } = doc;
  const line = (key: (typeof LINE_LABELS)[number][0]): string => {
    switch (key) {
      case 'region':
        return regionLine(fields.region.trim(), regionName);
      case 'themes':
        return fields.themes.map(themeName).join('、');
      case 'slug':
        return slug;
      default:
        return fields[key].replace(/\s+/g, ' ').trim();
    }
  };
  return [
    ...LINE_LABELS.map(([key, label]) => ({ label, paragraphs: [line(key)], block: false })),
    ...BLOCK_LABELS.map(([key, label]) => ({
      label,
      paragraphs: key === 'sources' ? fields.sources.map((s) => s.trim()).filter(Boolean) : paragraphsOf(fields[key]),
      block: true,
    })),
  ];
}

/** The document as plain text, one paragraph a line: what a Word file's text reads as. */
export function caseDocumentText(sections: readonly DocumentSection[]): string {
  const lines = [DOCUMENT_HEADING];
  for (const s of sections) {
    if (s.block) lines.push(`${s.label}：`, ...s.paragraphs);
    else lines.push(`${s.label}：${s.paragraphs[0] ?? ''}`);
  }
  return lines.join('\n') + '\n';
}

const LINE = new RegExp(`^(${LINE_LABELS.map(([, l]) => l).join('|')})\\s*[：:]\\s*(.*)$`, 'u');
const BLOCK = new RegExp(`^(${BLOCK_LABELS.map(([, l]) => l).join('|')})\\s*[：:]\\s*$`, 'u');

/**
 * The fields of a case document's text (paragraphs separated by line breaks,
 * as a Word file's raw text is). One-line labels are read until the first
 * section; inside a section only another section's heading ends it, so a
 * paragraph that happens to start with “单位：” stays in its section.
 */
export function parseCaseDocument(text: string): CaseDocument {
  const values = new Map<string, string>();
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line || line === DOCUMENT_HEADING) continue;
    const block = BLOCK.exec(line);
    if (block) {
      current = [];
      blocks.set(block[1] as string, current);
      continue;
    }
    const single = current ? null : LINE.exec(line);
    if (single) values.set(single[1] as string, (single[2] as string).trim());
    else current?.push(line);
  }
  const value = (label: string) => values.get(label) ?? '';
  const block = (label: string) => blocks.get(label) ?? [];
  const region = value('地区');
  return {
    slug: value('文件名'),
    fields: {
      title: value('标题'),
      // 陕西省汉中市洋县（610723） → 610723; a bare code stays as it is.
      region: /（(\d{6})）$/.exec(region)?.[1] ?? region,
      organization: value('单位'),
      year: value('年份'),
      themes: value('主题').split(/[、，,]/).map((t) => t.trim()).filter(Boolean),
      summary: value('摘要'),
      background: block('背景').join('\n\n'),
      practice: block('做法').join('\n\n'),
      results: block('成效').join('\n\n'),
      lessons: block('启示').join('\n\n'),
      sources: block('出处'),
    },
  };
}
