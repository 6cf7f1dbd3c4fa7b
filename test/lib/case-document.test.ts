import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { caseDraft, type CaseFields } from '../../src/lib/case-draft.ts';
import { caseDocumentSections, caseDocumentText, parseCaseDocument } from '../../src/lib/case-document.ts';
import { caseDocxBuffer } from '../../src/lib/case-docx.ts';
import { regionFullName } from '../../src/lib/regions.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { documentText } from '../../scripts/lib/case-from-document.ts';

const themes = readThemes();
const themeName = (id: string) => themes.find((t) => t.id === id)?.name ?? id;
const FIELDS: CaseFields = {
  title: '洋县政协院坝协商',
  region: '610723',
  organization: '洋县政协',
  year: '2024',
  themes: ['grassroots-consultation', 'micro-consultation'],
  summary: '在村组院坝开展协商。',
  background: '群众议事缺少平台。\n\n单位：这一行以标签开头，仍属背景。',
  practice: '一是设立院坝协商点。\n二是每月开展一次协商。',
  results: '协商 12 次。',
  lessons: '',
  sources: ['《陕西政协》2024年第3期', 'https://example.org/a'],
};

describe('case document', () => {
  test('a Word file made from the fields reads back into the same fields and the same case file', async () => {
    const sections = caseDocumentSections({ fields: FIELDS, slug: 'yangxian-yuanba' }, regionFullName(FIELDS.region), themeName);
    const file = join(mkdtempSync(join(tmpdir(), 'casebook-doc-')), '投稿.docx');
    writeFileSync(file, await caseDocxBuffer(sections, caseDocumentText(sections)));
    const text = await documentText(file);
    expect(text).toContain('地区：陕西省汉中市洋县（610723）');
    const back = parseCaseDocument(text);
    expect(back.slug).toBe('yangxian-yuanba');
    expect(back.fields.background).toBe('群众议事缺少平台。\n\n单位：这一行以标签开头，仍属背景。');
    expect(back.fields.sources).toEqual(FIELDS.sources);
    expect(caseDraft(back.fields, themes, back.slug)).toEqual(caseDraft(FIELDS, themes, 'yangxian-yuanba'));
  });
});
