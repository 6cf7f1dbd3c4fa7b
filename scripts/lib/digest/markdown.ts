/** The digest as Markdown (content/digests/<year>.md), rendered from the model. */
import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';
import type { DigestInput } from '../../../src/schemas/digest.ts';
import type { DigestCase, DigestModel } from './model.ts';

/** Relative link from /digests/<year>/ to an entry page, so it holds under any base path. */
export function entryLink(collection: 'cases' | 'reports' | 'rules', id: string): string {
  return `../../${collection}/${id}/`;
}

function frontmatter(model: DigestModel): string {
  const data: DigestInput = {
    title: model.title,
    year: String(model.year),
    cases: String(model.cases.length),
    byTheme: model.themeCounts.map((t) => ({ theme: t.theme.id, count: String(t.count) })),
    byRegion: model.regions.map((r) => ({ region: r.code, count: String(r.cases.length) })),
  };
  return `---\n${stringify(data, { version: '1.1', lineWidth: 0 })}---\n`;
}

function caseBlock(c: DigestCase, heading: string): string {
  const d = c.entry.data;
  const lines = [
    `#### ${heading}`,
    '',
    `- 地区：${c.place}`,
    `- 单位：${d.organization}`,
    `- 摘要：${d.summary}`,
  ];
  if (c.measures) lines.push(`- 主要做法：${c.measures}`);
  if (d.metrics?.length) lines.push(`- 数据：${d.metrics.map((m) => `${m.label} ${m.value}${m.unit}`).join('；')}`);
  lines.push(`- 详见：[案例全文](${entryLink('cases', c.entry.id)})`);
  return lines.join('\n');
}

/**
 * The 概述 paragraphs, shared by the Markdown and the Word file. The theme
 * figures count a case under each of its themes; the sections group each case
 * once, under its first theme, so their figures add up to the total.
 */
export function digestOverview(model: DigestModel): string[] {
  const themeLine = model.themeCounts.map((t) => `${t.theme.name} ${t.count} 个`).join('、');
  const sectionLine = model.sections.map((s) => `${s.theme.name} ${s.cases.length} 个`).join('、');
  return [
    `本汇编收录 ${model.year} 年创新案例 ${model.cases.length} 个，来自 ${model.committees.length} 个市县政协，分布在 ${model.regions.length} 个设区的市。按主题统计（一个案例可属多个主题，各主题的个数之和因此大于案例总数）：${themeLine}。`,
    `下文按第一主题分组，每个案例只出现一次，各组个数之和等于案例总数：${sectionLine}。文末附按地区的索引、案例引用的制度文件和出处。`,
  ];
}

/**
 * Headings are written in document order through one slugger, the way the
 * site gives headings their ids, so the region index can link to them.
 */
export function digestMarkdown(model: DigestModel): { text: string; anchors: Map<string, string> } {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  const out: string[] = [frontmatter(model)];
  const heading = (level: number, text: string) => {
    const slug = slugger.slug(text);
    out.push(`${'#'.repeat(level)} ${text}`);
    return slug;
  };
  heading(2, '概述');
  out.push(...digestOverview(model));
  heading(2, '按主题');
  for (const section of model.sections) {
    heading(3, `${section.theme.name}（${section.cases.length} 个）`);
    for (const c of section.cases) {
      const slug = slugger.slug(c.entry.data.title);
      anchors.set(c.entry.id, slug);
      out.push(caseBlock(c, c.entry.data.title));
    }
  }
  heading(2, '按地区索引');
  out.push(model.regions.map((r) => `- **${r.name}**：${r.cases.map((c) => `[${c.entry.data.title}](#${anchors.get(c.entry.id)})`).join('、')}`).join('\n'));
  heading(2, '引用的制度文件');
  out.push(
    model.rules.length > 0
      ? model.rules.map((r) => `- [《${r.data.title}》](${entryLink('rules', r.id)})（${r.data.issuers.join('、')}）`).join('\n')
      : '本年度案例未引用制度文件。',
  );
  heading(2, '出处');
  out.push(
    [
      ...model.reports.map((r) => `- ${r.data.organization.replace(/政协$/, '')}${r.data.speaker.role}${r.data.speaker.name}：[《${r.data.title}》](${entryLink('reports', r.id)})，${r.data.source.publisher}，${r.data.source.published}。`),
      ...model.links.map((link) => (/^https?:\/\//.test(link) ? `- <${link}>` : `- ${link}`)),
    ].join('\n'),
  );
  return { text: out.join('\n\n') + '\n', anchors };
}
