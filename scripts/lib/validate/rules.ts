/** Every rule id the validator can report, with what it guards. Workflows accept no other ids. */
export const RULES = {
  'parse/file-too-large': '文件过大',
  'parse/not-utf8': '不是 UTF-8 编码',
  'parse/nul-byte': '含空字符',
  'parse/bidi-control': '含双向文本控制字符',
  'parse/no-frontmatter': '缺少文件头',
  'parse/frontmatter-language': '文件头不是 YAML',
  'parse/frontmatter-too-large': '文件头过大',
  'parse/frontmatter': '文件头无法解析',
  'parse/yaml': 'YAML 语法错误',
  'parse/yaml-alias': 'YAML 锚点、别名或自定义标签',
  'schema/missing-field': '缺少必填字段',
  'schema/unknown-field': '未知字段',
  'schema/invalid-type': '字段类型不对',
  'schema/invalid-value': '字段取值不对',
  'path/symlink': '符号链接',
  'path/not-markdown': '不是 .md 文件',
  'path/location': '位置或文件名不对',
  'path/year-mismatch': '年份与目录不符',
  'id/duplicate': '编号重复',
  'region/organization-mismatch': '行政区划与单位不符',
  'theme/unknown': '未知主题',
  'reference/unresolved': '引用的条目不存在',
  'case/missing-section': '案例缺少章节',
  'case/unsupported-figure': '数字在出处中找不到',
  'content/raw-html': '正文含 HTML',
  'content/script': '正文含脚本',
  'content/dangerous-link': '不安全的链接',
  'privacy/id-number': '身份证号码',
  'privacy/mobile-number': '手机号码',
  'secrecy/marking': '涉密或内部资料标注',
  'text/traditional': '繁体字',
  'text/pinyin-reading': '拼音注音',
  'text/ascii-punctuation': '半角标点',
} as const;

export type RuleId = keyof typeof RULES;

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}
