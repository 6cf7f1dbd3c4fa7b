/** Finding the rules documents (制度文件) a text names in 《》. */

/** Title endings that mark a rules document rather than a book or a periodical. */
const RULE_TITLE = /(?:规则|办法|意见|措施|方案|制度|机制|准则|工作法|条例|规定|细则|举措|章程|规范|规程|守则)(?:（[^）]*）)?$/u;

export interface RuleMention {
  /** The title inside 《》. */
  title: string;
  /** The sentence that names it, ending with its 。 */
  sentence: string;
}

export function isRuleTitle(title: string): boolean {
  return RULE_TITLE.test(title);
}

/** Every rules-document title named in the text, once each, with the first sentence that names it. */
export function findRuleMentions(text: string): RuleMention[] {
  const mentions = new Map<string, RuleMention>();
  for (const sentence of text.match(/[^。\n]*《[^》]+》[^。\n]*。?/gu) ?? []) {
    for (const [, title] of sentence.matchAll(/《([^》]+)》/gu)) {
      if (title && isRuleTitle(title) && !mentions.has(title)) {
        mentions.set(title, { title, sentence: sentence.replace(/^[#\s]+/, '').trim() });
      }
    }
  }
  return [...mentions.values()];
}
