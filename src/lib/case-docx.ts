/**
 * The contributed case as a Word file, built in the browser from the form
 * (and by tests in Node): the labelled layout of case-document.ts, one
 * paragraph per line, so its text reads back into the same fields.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { DOCUMENT_HEADING, type DocumentSection } from './case-document.ts';

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

function caseDocument(sections: readonly DocumentSection[], note: string): Document {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(DOCUMENT_HEADING)] })];
  for (const s of sections) {
    if (s.block) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${s.label}：`)] }));
      for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
    } else {
      children.push(new Paragraph({ children: [new TextRun({ text: `${s.label}：`, bold: true }), new TextRun(s.paragraphs[0] ?? '')] }));
    }
  }
  return new Document({
    title: DOCUMENT_HEADING,
    creator: '政协案例库投稿页',
    description: note,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ children }],
  });
}

/** The .docx file's bytes, as a Blob in the browser. */
export function caseDocxBlob(sections: readonly DocumentSection[], note: string): Promise<Blob> {
  return Packer.toBlob(caseDocument(sections, note));
}

export function caseDocxBuffer(sections: readonly DocumentSection[], note: string): Promise<Buffer> {
  return Packer.toBuffer(caseDocument(sections, note));
}
