/** Scaffolding a new entry from answers to a few questions (pure: answers in, file out). */
import { stringify } from 'yaml';
import { getRegion, shortRegionName } from '../../src/lib/regions.ts';
import { pinyinSlug } from '../../src/lib/slug.ts';
import type { CollectionName } from '../../src/schemas/index.ts';

export interface Question {
  key: string;
  prompt: string;
  /** Answer used when the person just presses Enter. */
  fallback?: string;
}

const COMMON: Question[] = [
  { key: 'title', prompt: '标题（不带书名号）' },
  { key: 'region', prompt: '行政区划代码（六位，例如 610402）' },
  { key: 'organization', prompt: '单位（例如 秦都区政协）' },
];

export const QUESTIONS: Record<CollectionName, Question[]> = {
  cases: [...COMMON, { key: 'year', prompt: '年份', fallback: String(new Date().getFullYear()) }, { key: 'themes', prompt: '主题编号（用空格分隔，见 content/themes.yaml）' }, { key: 'summary', prompt: '摘要（200 字以内）' }, { key: 'sources', prompt: '出处（reports/<编号> 或网址，用空格分隔）' }, { key: 'slug', prompt: '文件名（小写拼音和连字符，例如 qindu-consultation-platform）' }],
  reports: [...COMMON, { key: 'speakerName', prompt: '发言人姓名' }, { key: 'speakerRole', prompt: '发言人职务', fallback: '政协主席' }, { key: 'date', prompt: '日期（YYYY-MM-DD）' }, { key: 'publisher', prompt: '发布单位' }, { key: 'themes', prompt: '主题编号（用空格分隔）' }, { key: 'summary', prompt: '摘要（200 字以内）' }],
  rules: [...COMMON, { key: 'mentionedIn', prompt: '提及它的经验交流编号（用空格分隔，可不填）', fallback: '' }],
};

const list = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

/** The path and text of the new file; sections to fill in are left as headings. */
export function scaffold(collection: CollectionName, a: Record<string, string>): { path: string; content: string } {
  const regionName = getRegion(a['region'] ?? '')?.name ?? '';
  const regionSlug = regionName ? pinyinSlug(shortRegionName(regionName), { place: true }) : 'entry';
  let data: Record<string, unknown>;
  let path: string;
  let body: string;
  if (collection === 'cases') {
    data = { title: a['title'], region: a['region'], organization: a['organization'], year: a['year'], themes: list(a['themes']), summary: a['summary'], sources: list(a['sources']) };
    path = `content/cases/${a['year']}/${a['slug'] || regionSlug}.md`;
    body = '## 背景\n\n\n## 做法\n\n\n## 成效\n\n\n## 启示\n\n';
  } else if (collection === 'reports') {
    data = { title: a['title'], speaker: { name: a['speakerName'], role: a['speakerRole'] }, organization: a['organization'], region: a['region'], date: a['date'], source: { publisher: a['publisher'], published: a['date'] }, themes: list(a['themes']), summary: a['summary'] };
    path = `content/reports/${(a['date'] ?? '').slice(0, 4)}/${regionSlug}.md`;
    body = '';
  } else {
    data = { title: a['title'], issuers: [a['organization']], region: a['region'], status: '未知', mentionedIn: list(a['mentionedIn']) };
    path = `content/rules/${regionSlug}-${pinyinSlug(a['title'] ?? '').slice(0, 24)}.md`;
    body = '全文暂缺。\n';
  }
  return { path, content: `---\n${stringify(data, { version: '1.1', lineWidth: 0 })}---\n\n${body}` };
}
