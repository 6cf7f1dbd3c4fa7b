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

/** How a report that mentions the rule is cited under the sentence that mentions it. */
function citation(report: Entry<'reports'>): string {
  return `——${report.data.organization.replace(/政协$/, '')}${report.data.speaker.role}${report.data.speaker.name}《${report.data.title}》，${report.data.source.publisher}，${report.data.date}`;
}

/**
 * A new rule file for every report that names it (one region, one title): issuer defaults to the
 * first reporting committee and must be checked by an editor; `mentionedIn` lists every report.
 */
export function renderRuleFile(needs: readonly RuleNeed[], name = ''): { name: string; content: string } {
  const sorted = [...needs].sort((a, b) => (a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0));
  const first = sorted[0];
  if (!first) throw new Error('renderRuleFile needs at least one mention');
  const frontmatter: RuleInput = {
    title: first.mention.title,
    issuers: [...new Set(sorted.map((n) => n.report.data.organization))],
    region: first.report.data.region,
    status: '未知',
    mentionedIn: [...new Set(sorted.map((n) => n.report.id))],
  };
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0 });
  const quotes = sorted.map((n) => `> ${n.mention.sentence}\n>\n> ${citation(n.report)}\n`).join('\n');
  const body = `全文暂缺。出处中提及本文件的原话：\n\n${quotes}`;
  return { name: name || `${ruleSlug(first.mention.title, first.report.data.region)}.md`, content: `---\n${yaml}---\n\n${body}` };
}

/**
 * One draft per missing rule: mentions of the same title in one region are merged (their reports
 * all go into `mentionedIn`), and two different rules whose slugs coincide get `-2`, `-3`….
 */
export function draftRuleFiles(missing: readonly RuleNeed[]): { name: string; content: string }[] {
  const groups = new Map<string, RuleNeed[]>();
  for (const need of missing) {
    const key = `${need.report.data.region}\u0000${need.mention.title}`;
    groups.set(key, [...(groups.get(key) ?? []), need]);
  }
  const used = new Set<string>();
  return [...groups.values()].map((needs) => {
    const first = needs[0] as RuleNeed;
    const base = ruleSlug(first.mention.title, first.report.data.region);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return renderRuleFile(needs, `${slug}.md`);
  });
}
