/**
 * Safe parsing of entry files: a plain split at the `---` fences (nothing but
 * YAML is ever read: a `---js` or any other language is refused), and YAML
 * read with the failsafe schema (all scalars are strings), no aliases and no
 * duplicate keys.
 */
import { isAlias, isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { quickFrontmatter } from './quick-yaml.ts';

export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_FRONTMATTER_BYTES = 16 * 1024;

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Line and column of the value at a path in the frontmatter (falls back to the key, then to line 2). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

class FrontmatterError extends Error {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly fix: string | undefined;
  constructor(rule: string, message: string, line = 1, column = 1, fix?: string) {
    super(message);
    this.rule = rule;
    this.line = line;
    this.column = column;
    this.fix = fix;
  }
}

/** Names of the frontmatter languages other tools accept, for a clear refusal. */
const LANGUAGE_NAMES: Record<string, string> = {
  js: 'JavaScript',
  javascript: 'JavaScript',
  json: 'JSON',
  toml: 'TOML',
  coffee: 'CoffeeScript',
  coffeescript: 'CoffeeScript',
};

function refuse(language: string): FrontmatterError {
  return new FrontmatterError(
    'parse/frontmatter-language',
    `不支持 ${LANGUAGE_NAMES[language.toLowerCase()] ?? language} 格式的文件头，文件头只能是 YAML`,
    1,
    1,
    '把第一行改成 ---，文件头用 YAML 书写',
  );
}

/**
 * Splits `---[language]` NL frontmatter NL `---` NL body. The frontmatter
 * keeps the newline after the opening fence, so its line N is the file's line
 * N. Without a closing fence everything after the opening one is frontmatter.
 */
function splitFrontmatter(text: string): { language: string; matter: string; body: string } {
  const firstLineEnd = text.indexOf('\n');
  const language = text.slice(3, firstLineEnd).trim();
  const rest = text.slice(firstLineEnd);
  const close = rest.indexOf('\n---');
  if (close === -1) return { language, matter: rest, body: '' };
  const after = rest.slice(close + '\n---'.length);
  return { language, matter: rest.slice(0, close), body: after.startsWith('\n') ? after.slice(1) : after };
}

/** Decode bytes as strict UTF-8 and refuse content that would hide or confuse. */
export function decodeEntryBytes(bytes: Uint8Array, file: string): string | Diagnostic[] {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return [diagnostic(file, 'parse/file-too-large', `文件有 ${Math.round(bytes.byteLength / 1024)} KiB，超过上限 256 KiB`, { fix: '拆分成几个条目，或删去与案例无关的内容' })];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return [diagnostic(file, 'parse/not-utf8', '文件不是 UTF-8 编码', { fix: '用编辑器“另存为 UTF-8”后重新提交' })];
  }
  return checkText(text, file);
}

function checkText(text: string, file: string): string | Diagnostic[] {
  const problems: Diagnostic[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const nul = line.indexOf('\u0000');
    if (nul >= 0) problems.push(diagnostic(file, 'parse/nul-byte', '文件中有空字符（NUL）', { line: i + 1, column: nul + 1, fix: '删除该字符' }));
    const bidi = line.search(BIDI_CONTROLS);
    if (bidi >= 0) {
      problems.push(diagnostic(file, 'parse/bidi-control', '文件中有双向文本控制字符，可能隐藏真实内容', { line: i + 1, column: bidi + 1, fix: '删除该字符' }));
    }
  });
  return problems.length > 0 ? problems : text;
}

interface Capture {
  doc?: Document;
  counter?: LineCounter;
  /** A frontmatter read by the fast path, parsed again with `yaml` only if something must be located in it. */
  source?: string;
}

function parseYaml(source: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  return { doc: parseDocument(source, { schema: 'failsafe', uniqueKeys: true, lineCounter: counter, prettyErrors: false }), counter };
}

function yamlEngine(capture: Capture) {
  return (source: string): object => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long text needs encoding to be measured.
    if (source.length * 3 > MAX_FRONTMATTER_BYTES && new TextEncoder().encode(source).length > MAX_FRONTMATTER_BYTES) {
      throw new FrontmatterError('parse/frontmatter-too-large', '文件头超过 16 KiB', 1, 1, '文件头只放元数据，正文写在 --- 之后');
    }
    const quick = quickFrontmatter(source);
    if (quick) {
      capture.source = source;
      return quick;
    }
    const { doc, counter } = parseYaml(source);
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem?.code === 'TAG_RESOLVE_FAILED') {
      const pos = counter.linePos(problem.pos[0]);
      throw new FrontmatterError('parse/yaml-alias', '文件头不允许使用自定义标签（以 ! 开头的写法）', pos.line, pos.col, '删去 ! 开头的标签，直接写出值');
    }
    if (problem) {
      const pos = counter.linePos(problem.pos[0]);
      throw new FrontmatterError('parse/yaml', `文件头 YAML 有误：${yamlProblem(problem.code)}`, pos.line, pos.col, '检查缩进、冒号和引号是否成对');
    }
    const unsafe = aliasOrTag(doc.contents);
    if (unsafe) {
      const pos = unsafe.range ? counter.linePos(unsafe.range[0]) : { line: 2, col: 1 };
      throw new FrontmatterError('parse/yaml-alias', '文件头不允许使用 YAML 锚点、别名或自定义标签', pos.line, pos.col, '把 &、* 和 ! 开头的写法改成直接写出的值');
    }
    capture.doc = doc;
    capture.counter = counter;
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new FrontmatterError('parse/yaml', '文件头应是“字段: 值”的列表', 2, 1, '每行写成 字段: 值');
    }
    return value;
  };
}

const YAML_PROBLEMS: Record<string, string> = {
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_INDENT: '缩进不对',
  TAB_AS_INDENT: '用了 Tab 缩进，请改用空格',
  DUPLICATE_KEY: '同一个字段写了两次',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不对',
  UNEXPECTED_TOKEN: '有多余或位置不对的符号',
  BAD_ALIAS: '别名写法不对',
};

function yamlProblem(code: string): string {
  return YAML_PROBLEMS[code] ?? `格式不对（${code}）`;
}

const PLAIN_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

/** The first alias, anchor or explicit tag in a YAML tree: none is allowed in frontmatter. */
function aliasOrTag(node: unknown): Node | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as Node & { anchor?: string };
  if (isAlias(n) || n.anchor || (n.tag && !PLAIN_TAGS.has(n.tag))) return n;
  if (isMap(n)) {
    for (const pair of n.items) {
      const found = aliasOrTag(pair.key) ?? aliasOrTag(pair.value);
      if (found) return found;
    }
  }
  if (isSeq(n)) for (const item of n.items) {
    const found = aliasOrTag(item);
    if (found) return found;
  }
  return undefined;
}

/** Parse an entry's text into frontmatter data and Markdown body, or explain why not. */
export function parseEntry(text: string, file: string): ParsedEntry | Diagnostic[] {
  const checked = checkText(text, file);
  if (typeof checked !== 'string') return checked;
  const normalized = checked.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n') && !/^---[a-z]+\n/i.test(normalized)) {
    return [diagnostic(file, 'parse/no-frontmatter', '文件开头缺少 --- 包围的文件头', { fix: '第一行写 ---，接着写元数据，再写一行 ---，然后是正文' })];
  }
  const capture: Capture = {};
  const parsed = splitFrontmatter(normalized);
  let data: object;
  try {
    if (!['', 'yaml', 'yml'].includes(parsed.language.toLowerCase())) throw refuse(parsed.language);
    data = yamlEngine(capture)(parsed.matter);
  } catch (error) {
    if (error instanceof FrontmatterError) {
      const fix = error.fix;
      return [diagnostic(file, error.rule, error.message, fix ? { line: error.line, column: error.column, fix } : { line: error.line, column: error.column })];
    }
    return [diagnostic(file, 'parse/frontmatter', `文件头无法解析：${String(error)}`, { fix: '检查文件头格式' })];
  }
  const matterLines = parsed.matter.split('\n').length;
  const bodyLine = matterLines + 2;
  const located = () => {
    if (!capture.doc && capture.source !== undefined) Object.assign(capture, parseYaml(capture.source));
    return capture;
  };
  return {
    data: { ...data },
    body: parsed.body,
    bodyLine,
    locate(path) {
      const { doc, counter } = located();
      const node = doc && path.length > 0 ? (doc.getIn(path as unknown[], true) as Node | undefined) : undefined;
      const range = node?.range ?? (doc && path.length > 1 ? (doc.getIn(path.slice(0, -1) as unknown[], true) as Node | undefined)?.range : undefined);
      if (!range || !counter) return { line: 2, column: 1 };
      // The frontmatter keeps the newline after the opening `---`, so YAML line N is file line N.
      const pos = counter.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}
