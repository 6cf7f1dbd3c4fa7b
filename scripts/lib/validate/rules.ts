/**
 * Every rule id the checks can report, with a fixed title and fix. Workflows
 * accept no other ids and build comments from these texts only.
 */
export const RULES = {
  'parse/file-too-large': { title: '文件过大', fix: '拆分成几个条目，或删去与案例无关的内容' },
  'parse/not-utf8': { title: '不是 UTF-8 编码', fix: '用编辑器“另存为 UTF-8”后重新提交' },
  'parse/nul-byte': { title: '含空字符', fix: '删除文件中的空字符' },
  'parse/bidi-control': { title: '含双向文本控制字符', fix: '删除文件中的双向文本控制字符' },
  'parse/no-frontmatter': { title: '缺少文件头', fix: '第一行写 ---，接着写元数据，再写一行 ---，然后是正文' },
  'parse/frontmatter-language': { title: '文件头不是 YAML', fix: '文件头用 YAML 书写，第一行只写 ---' },
  'parse/frontmatter-too-large': { title: '文件头过大', fix: '文件头只放元数据，正文写在 --- 之后' },
  'parse/frontmatter': { title: '文件头无法解析', fix: '对照填写指南检查文件头格式' },
  'parse/yaml': { title: 'YAML 语法错误', fix: '检查缩进、冒号和引号是否成对' },
  'parse/yaml-alias': { title: 'YAML 锚点、别名或自定义标签', fix: '把 &、* 和 ! 开头的写法改成直接写出的值' },
  'schema/missing-field': { title: '缺少必填字段', fix: '补上该字段' },
  'schema/unknown-field': { title: '未知字段', fix: '删除该字段，或检查拼写' },
  'schema/invalid-type': { title: '字段类型不对', fix: '按填写指南修改该字段的写法' },
  'schema/invalid-value': { title: '字段取值不对', fix: '按填写指南修改该字段的值' },
  'path/symlink': { title: '符号链接', fix: '提交文件本身，而不是指向它的链接' },
  'path/missing': { title: '文件不存在', fix: '检查文件名是否拼写正确' },
  'path/not-regular-file': { title: '不是普通文件', fix: '提交普通的 .md 文件，不要提交目录、管道或设备文件' },
  'path/unreadable': { title: '无法读取的文件', fix: '把文件改成只用小写字母、数字和连字符的名字后重新提交' },
  'pr/unchecked-content': { title: '改动的文件没有被检查', fix: '把文件改成只用小写字母、数字和连字符的名字；如仍出现，请联系编辑' },
  'path/not-markdown': { title: '不是 .md 文件', fix: '把内容写成 Markdown（.md）文件' },
  'path/location': { title: '位置或文件名不对', fix: '按 content/<类型>/<年份>/<编号>.md 放置文件，文件名只用小写字母、数字和连字符' },
  'path/year-mismatch': { title: '年份与目录不符', fix: '把文件移到对应年份的目录，或改正年份' },
  'id/duplicate': { title: '编号重复', fix: '换一个文件名' },
  'region/organization-mismatch': { title: '行政区划与单位不符', fix: '核对行政区划代码与单位名称' },
  'theme/unknown': { title: '未知主题', fix: '使用 content/themes.yaml 中的主题编号' },
  'reference/unresolved': { title: '引用的条目不存在', fix: '检查编号是否拼写正确，或先提交被引用的条目' },
  'case/missing-section': { title: '案例缺少章节', fix: '补上“背景”“做法”“成效”各节' },
  'case/unsupported-figure': { title: '数字在出处中找不到', fix: '只写出处中写明的数字，或把数字的来源列入 sources' },
  'content/raw-html': { title: '正文含 HTML', fix: '改用 Markdown 写法' },
  'content/script': { title: '正文含脚本', fix: '删除脚本代码' },
  'content/dangerous-link': { title: '不安全的链接', fix: '链接只能以 https:// 或 http:// 开头' },
  'privacy/id-number': { title: '身份证号码', fix: '删除身份证号码' },
  'privacy/mobile-number': { title: '手机号码', fix: '删除手机号码，如需联系方式请写单位办公电话' },
  'secrecy/marking': { title: '涉密或内部资料标注', fix: '涉密或内部资料不能公开投稿' },
  'text/damaged': { title: '乱码', fix: '对照原文改正乱码处；不要用“忽略错误”的方式转换编码' },
  'text/spreadsheet-formula': { title: '像电子表格公式的字段', fix: '删去开头的 =、+、-、@，或在前面加上文字' },
  'text/traditional': { title: '繁体字', fix: '改为简体字（可运行 npm run fix 自动修改）' },
  'text/pinyin-reading': { title: '拼音注音', fix: '删除拼音注音（可运行 npm run fix 自动修改）' },
  'text/ascii-punctuation': { title: '半角标点', fix: '改用全角标点（可运行 npm run fix 自动修改）' },
  'pr/outside-content': { title: '投稿改动了 content/ 以外的文件', fix: '投稿只改 content/ 下的文件；如确需改动其他文件，请编辑加上“编辑确认”标签' },
} as const;

export type RuleId = keyof typeof RULES;

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}
