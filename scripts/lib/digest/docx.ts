/**
 * The digest as a Word file: A4, title page, table of contents, headings and
 * body after the conventions of Chinese official documents (GB/T 9704),
 * page numbers, and a link from each case to its page.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LineRuleType,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { withSeededRandom } from '../random.ts';
import { digestOverview } from './markdown.ts';
import type { DigestModel } from './model.ts';

/** On the cover: the page numbers are written with the file, and how to refresh them after editing. */
export const TOC_NOTE = '目录页码已按 A4 版式写入，打开即可使用；在 Word 中增删内容后，右键目录选“更新域”即可重新编排页码。';

/**
 * Fonts as GB/T 9704 names them, by the names Windows ships (仿宋_GB2312 and
 * 楷体_GB2312 are no longer installed by default; 仿宋 and 楷体 are). Word
 * substitutes 宋体 where 方正小标宋简体 is missing.
 */
export const FONTS = { title: '方正小标宋简体', heading1: '黑体', heading2: '楷体', body: '仿宋', latin: 'Times New Roman' } as const;

const PT = (points: number) => points * 2; // docx sizes are half-points
const SIZE = { title: PT(22), heading: PT(16), body: PT(16), footer: PT(14) }; // 二号、三号、四号
const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin });
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // fixed 28 pt, 22 lines a page

const body = (text: string) => new Paragraph({ style: 'Body', children: [new TextRun(text)] });

export interface DocxOptions {
  /** Absolute URL of the site root, ending with `/`, for the links back to each case. */
  siteUrl: string;
}

/** docProps/core.xml with fixed dates, so that the same content gives the same document. */
function coreProperties(model: DigestModel): string {
  const date = `${model.year}-12-31T00:00:00Z`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${model.title}</dc:title><dc:creator>政协案例库</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;
}

function caseParagraphs(model: DigestModel, options: DocxOptions): Paragraph[] {
  return model.sections.flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${section.theme.name}（${section.cases.length} 个）`)] }),
    ...section.cases.flatMap((c) => {
      const d = c.entry.data;
      const url = new URL(`cases/${c.entry.id}/`, options.siteUrl).href;
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(d.title)] }),
        body(`地区：${c.place}　单位：${d.organization}`),
        body(`摘要：${d.summary}`),
        ...(c.measures ? [body(`主要做法：${c.measures}`)] : []),
        ...(d.metrics?.length ? [body(`数据：${d.metrics.map((m) => `${m.label} ${m.value}${m.unit}`).join('；')}`)] : []),
        new Paragraph({
          style: 'Body',
          children: [new TextRun('案例全文：'), new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] })],
        }),
      ];
    }),
  ]);
}

export function digestDocument(model: DigestModel, options: DocxOptions): Document {
  return new Document({
    title: model.title,
    creator: '政协案例库',
    // Page numbers of the table of contents are laid out and written with the document, so it needs no field update.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } },
      paragraphStyles: [
        { id: 'Body', name: 'Body', basedOn: 'Normal', run: { font: font(FONTS.body), size: SIZE.body }, paragraph: { spacing: LINE, indent: { firstLine: 640 } } },
        { id: 'Title', name: 'Title', basedOn: 'Normal', run: { font: font(FONTS.title), size: SIZE.title }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 600 } } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Body', run: { font: font(FONTS.heading1), size: SIZE.heading }, paragraph: { spacing: { ...LINE, before: 280 }, outlineLevel: 0 } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Body', run: { font: font(FONTS.heading2), size: SIZE.heading }, paragraph: { spacing: LINE, indent: { firstLine: 640 }, outlineLevel: 1 } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Body', run: { font: font(FONTS.body), size: SIZE.heading, bold: true }, paragraph: { spacing: LINE, indent: { firstLine: 640 }, outlineLevel: 2 } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 }, // 37 mm, 35 mm, 28 mm, 26 mm
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.footer, font: font('宋体') })] })],
          }),
        },
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun(model.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '政协案例库 编', font: font(FONTS.heading2), size: SIZE.heading })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400 }, children: [new TextRun({ text: TOC_NOTE, size: SIZE.footer })] }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '目　录', font: font(FONTS.heading1), size: SIZE.heading })] }),
          new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、概述')] }),
          ...digestOverview(model).map(body),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、按主题')] }),
          ...caseParagraphs(model, options),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('三、按地区索引')] }),
          ...model.regions.map((r) => body(`${r.name}：${r.cases.map((c) => c.entry.data.title).join('；')}`)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('四、引用的制度文件')] }),
          ...(model.rules.length > 0 ? model.rules.map((r) => body(`《${r.data.title}》（${r.data.issuers.join('、')}）`)) : [body('本年度案例未引用制度文件。')]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('五、出处')] }),
          ...model.reports.map((r) => body(`${r.data.organization.replace(/政协$/, '')}${r.data.speaker.role}${r.data.speaker.name}：《${r.data.title}》，${r.data.source.publisher}，${r.data.source.published}。`)),
          ...model.links.map((url) => body(url)),
        ],
      },
    ],
  });
}

/**
 * docx draws relationship ids from Math.random while it builds and compiles
 * (synchronously, before zipping): seeding it keeps the document parts identical between runs.
 */
export async function digestDocx(model: DigestModel, options: DocxOptions): Promise<Buffer> {
  return withSeededRandom(model.year, () =>
    Packer.toBuffer(digestDocument(model, options), undefined, [{ path: 'docProps/core.xml', data: coreProperties(model) }]),
  );
}
