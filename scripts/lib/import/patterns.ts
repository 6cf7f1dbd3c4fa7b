/** The line patterns of the articles the importer reads. */
import type { BoilerplateKind } from './article.ts';

export const ROLE = '(?:党组书记、主席|党组书记、副主席|党组书记|党组副书记|主席|副主席|秘书长)';
export const SPEAKER = new RegExp(`^(?<region>\\p{Script=Han}{1,12}?(?:省|市|区|县|旗|自治县|自治州|盟))?政协(?<role>${ROLE})(?<name>\\p{Script=Han}{2,4}(?:·\\p{Script=Han}{1,6})?)$`, 'u');
export const HEADER = /^(?<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*来源[：:]\s*(?<publisher>\S.*)$/u;
export const MEASURE = /^[一二三四五六七八九十]{1,3}、/u;
export const BOILERPLATE_PATTERNS: { kind: Exclude<BoilerplateKind, 'header' | 'article-title'>; pattern: RegExp }[] = [
  { kind: 'photo-credit', pattern: /^(?:本组)?图片由\s*(?<value>\S.*?)\s*摄$/u },
  { kind: 'editor', pattern: /^(?:责任)?编辑[：:]\s*(?<value>\S.*)$/u },
  { kind: 'disclaimer', pattern: /^以上文章仅代表作者个人观点/u },
];
