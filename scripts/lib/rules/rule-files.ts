/**
 * Rules documents named by reports: which are missing from content/rules/, and
 * a starting file for each, holding only the sentences that mention it.
 */
import { stringify } from 'yaml';
import { pinyin } from 'pinyin-pro';
import type { Entry, Library } from '../../../src/lib/library.ts';
import { findRuleMentions, type RuleMention } from '../../../src/lib/rule-mentions.ts';
import { pinyinSlug } from '../../../src/lib/slug.ts';
import { getRegion, shortRegionName } from '../../../src/lib/regions.ts';
import type { RuleInput } from '../../../src/schemas/rule.ts';

export interface RuleNeed {
  mention: RuleMention;
  report: Entry<'reports'>;
  /** The rule entry that covers it, if any. */
  rule?: Entry<'rules'>;
}

/** Each (report, named rule) pair with the rule entry that should list the report in `mentionedIn`. */
export function ruleNeeds(library: Library): RuleNeed[] {
  return library.reports.flatMap((report) =>
    findRuleMentions(report.body).map((mention) => {
      const rule = library.rules.find((r) => r.data.title === mention.title && r.data.region === report.data.region);
      return rule ? { mention, report, rule } : { mention, report };
    }),
  );
}

export function ruleSlug(title: string, regionCode: string): string {
  const region = pinyinSlug(shortRegionName(getRegion(regionCode)?.name ?? ''), { place: true });
  const initials = pinyin(title.replace(/（[^）]*）/g, ''), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  return `${region}-${initials}`;
}

/** A new rule file: issuer defaults to the reporting committee and must be checked by an editor. */
export function renderRuleFile(need: RuleNeed): { name: string; content: string } {
  const { report, mention } = need;
  const frontmatter: RuleInput = {
    title: mention.title,
    issuers: [report.data.organization],
    region: report.data.region,
    status: '未知',
    mentionedIn: [report.id],
  };
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0 });
  const citation = `——${report.data.organization.replace(/政协$/, '')}${report.data.speaker.role}${report.data.speaker.name}《${report.data.title}》，${report.data.source.publisher}，${report.data.date}`;
  const body = `全文暂缺。出处中提及本文件的原话：\n\n> ${mention.sentence}\n>\n> ${citation}\n`;
  return { name: `${ruleSlug(mention.title, report.data.region)}.md`, content: `---\n${yaml}---\n\n${body}` };
}
