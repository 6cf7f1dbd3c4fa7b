/**
 * What committees send, turned into plain text lines: .txt in UTF-8, UTF-16
 * or GB18030/GBK, Word .docx (mammoth) and .doc (word-extractor), and saved
 * web pages (.html, article body by Readability). Bytes in, text out; the
 * shell reads the file.
 */
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { cleanInline, htmlToLines } from './html-lines.ts';

export const SOURCE_FORMATS = ['txt', 'docx', 'doc', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Largest file the importer reads. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** What the page itself says about where it was published (saved web pages only). */
export interface PageMeta {
  url?: string;
  published?: string;
  publisher?: string;
}

export interface SourceText {
  format: SourceFormat;
  /** How the bytes were decoded, for the summary: UTF-8, UTF-16LE, GB18030 … */
  encoding: string;
  /** The extracted text, one paragraph a line, as it will be kept in content/sources/. */
  text: string;
  meta: PageMeta;
}

/** A file the importer cannot read; `message` and `fix` are shown to the editor. */
export class SourceError extends Error {
  readonly rule: string;
  readonly fix: string;
  readonly line: number;
  constructor(rule: string, message: string, fix: string, line = 1) {
    super(message);
    this.rule = rule;
    this.fix = fix;
    this.line = line;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export function formatOf(fileName: string): SourceFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'htm') return 'html';
  return SOURCE_FORMATS.find((f) => f === ext);
}

export async function readSource(fileName: string, bytes: Uint8Array): Promise<SourceText> {
  const format = formatOf(fileName);
  if (!format) throw new SourceError('import/unknown-format', '不认识这种文件', '请提供 .txt、.docx、.doc 或 .html（网页另存为“仅 HTML”）文件');
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new SourceError('import/too-large', `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限`, '去掉文件中的图片后另存，或只保留正文另存为 .txt');
  }
  if (bytes.length === 0) throw new SourceError('import/empty', '文件是空的', '检查是否选错了文件');
  const read = { txt: readText, docx: readDocx, doc: readDoc, html: readHtml }[format];
  const source = await read(bytes);
  if (source.text.trim() === '') throw new SourceError('import/empty', '文件中没有文字', '检查是否选错了文件；扫描件请先识别成文字');
  return source;
}

function plain(format: SourceFormat, encoding: string, lines: readonly string[], meta: PageMeta = {}): SourceText {
  return { format, encoding, text: lines.filter((l) => l.trim() !== '').join('\n') + '\n', meta };
}

// ---- .txt -------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a byte-order mark: ASCII characters leave a zero in every other byte.
  let even = 0;
  let odd = 0;
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const pairs = Math.min(bytes.length, 4096) / 2;
  if (odd > pairs * 0.2 && even === 0) return 'utf-16le';
  if (even > pairs * 0.2 && odd === 0) return 'utf-16be';
  return undefined;
}

/** Lines of the raw bytes (split at LF), for finding where UTF-8 and another encoding meet. */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

function readText(bytes: Uint8Array): Promise<SourceText> {
  const order = utf16Order(bytes);
  if (order) {
    const text = new TextDecoder(order).decode(bytes);
    if (text.includes('\uFFFD')) throw new SourceError('import/bad-encoding', `文件看起来是 ${order.toUpperCase()} 编码，但其中有无法解码的字节`, '用记事本打开后另存为 UTF-8');
    return Promise.resolve({ format: 'txt', encoding: order.toUpperCase(), text: text.replace(/^\uFEFF/, ''), meta: {} });
  }
  if (bytes.includes(0)) throw new SourceError('import/binary', '文件中有二进制内容，不是文本文件', '确认文件类型：Word 文件应以 .docx 或 .doc 结尾');
  if (isUtf8(bytes)) {
    // Kept line for line: repair lists and messages point at lines of the file as received.
    return Promise.resolve({ format: 'txt', encoding: 'UTF-8', text: utf8.decode(bytes).replace(/^\uFEFF/, ''), meta: {} });
  }
  const lines = byteLines(bytes);
  const nonAscii = (line: Uint8Array) => line.some((b) => b >= 0x80);
  const utf8Line = lines.findIndex((l) => nonAscii(l) && isUtf8(l));
  const otherLine = lines.findIndex((l) => !isUtf8(l));
  if (utf8Line >= 0 && otherLine >= 0) {
    throw new SourceError(
      'import/mixed-encoding',
      `文件混用了两种编码：第 ${utf8Line + 1} 行是 UTF-8，第 ${otherLine + 1} 行不是`,
      '用原始文件重新导出一次，统一另存为 UTF-8',
      otherLine + 1,
    );
  }
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  const chars = [...text.replace(/\s/g, '')];
  const han = chars.filter((c) => /[\p{Script=Han}\p{P}\w]/u.test(c)).length;
  if (text.includes('\uFFFD') || han < chars.length * 0.9) {
    throw new SourceError('import/bad-encoding', '无法识别文件的编码（不是 UTF-8、UTF-16，也不像 GB18030/GBK）', '用记事本或 WPS 打开后另存为 UTF-8');
  }
  return Promise.resolve({ format: 'txt', encoding: 'GB18030', text, meta: {} });
}

// ---- Word ---------------------------------------------------------------------------

/** An encrypted .docx is an OLE container holding a stream named EncryptedPackage. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC) && Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  if (isEncryptedOoxml(bytes)) throw new SourceError('import/encrypted', 'Word 文件设有打开密码，无法读取', '请发稿单位去掉密码（文件→信息→保护文档→用密码进行加密，清空密码）后重新发送');
  if (startsWith(bytes, OLE_MAGIC)) throw new SourceError('import/wrong-format', '这是旧版 Word（.doc）文件，扩展名却是 .docx', '把文件扩展名改为 .doc 后再导入');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new SourceError('import/not-docx', '文件内容不是 Word（.docx）文档', '确认文件类型；在 Word 或 WPS 中打开后另存为 .docx');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new SourceError('import/corrupt', `Word 文件已损坏，无法打开（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）`, '请发稿单位在 Word 或 WPS 中打开并另存后重新发送');
  }
  return plain('docx', 'Word（.docx）', htmlToLines(html));
}

async function readDoc(bytes: Uint8Array): Promise<SourceText> {
  if (isEncryptedOoxml(bytes)) throw new SourceError('import/encrypted', 'Word 文件设有打开密码，无法读取', '请发稿单位去掉密码后重新发送');
  if (startsWith(bytes, ZIP_MAGIC)) throw new SourceError('import/wrong-format', '这是新版 Word（.docx）文件，扩展名却是 .doc', '把文件扩展名改为 .docx 后再导入');
  if (!startsWith(bytes, OLE_MAGIC)) throw new SourceError('import/not-doc', '文件内容不是 Word（.doc）文档', '确认文件类型；在 Word 或 WPS 中打开后另存为 .docx');
  let body: string;
  try {
    // filterUnicode would turn “” into ASCII quotes, which Chinese text must keep.
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody({ filterUnicode: false });
  } catch (error) {
    throw new SourceError('import/corrupt', `Word 文件已损坏或设有密码，无法读取（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）`, '请发稿单位在 Word 或 WPS 中打开并另存为 .docx 后重新发送');
  }
  return plain('doc', 'Word（.doc）', body.split(/[\r\n]+/).map(cleanInline));
}

// ---- Saved web pages ------------------------------------------------------------------

function htmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && ['gbk', 'gb2312', 'gb18030', 'x-gbk'].includes(declared)) return 'gb18030';
  if (declared && /^utf-?16/.test(declared)) return declared.includes('be') ? 'utf-16be' : 'utf-16le';
  return 'utf-8';
}

const META_DATE = ['meta[property="article:published_time"]', 'meta[name="publishdate"]', 'meta[name="PubDate"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]'];
const META_PUBLISHER = ['meta[property="og:site_name"]', 'meta[name="SiteName"]', 'meta[name="sitename"]', 'meta[name="publisher"]'];

function pageMeta(document: Document): PageMeta {
  const attr = (selectors: readonly string[], name: string) => {
    for (const s of selectors) {
      const value = document.querySelector(s)?.getAttribute(name)?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const meta: PageMeta = {};
  const url = attr(['link[rel="canonical"]'], 'href') ?? attr(['meta[property="og:url"]'], 'content');
  if (url && /^https?:\/\/\S+$/.test(url)) meta.url = url;
  const date = /(\d{4})-(\d{2})-(\d{2})/.exec(attr(META_DATE, 'content') ?? attr(['time[datetime]'], 'datetime') ?? '');
  if (date) meta.published = `${date[1]}-${date[2]}-${date[3]}`;
  const publisher = attr(META_PUBLISHER, 'content');
  if (publisher) meta.publisher = publisher;
  return meta;
}

function readHtml(bytes: Uint8Array): Promise<SourceText> {
  const encoding = htmlEncoding(bytes);
  const html = encoding === 'gb18030' ? iconv.decode(Buffer.from(bytes), 'gb18030') : new TextDecoder(encoding).decode(bytes);
  const { document } = parseHTML(html);
  const meta = pageMeta(document as unknown as Document);
  // Readability drops the headline from the body and reports the <title>, which carries the site's name.
  const headline = cleanInline(document.querySelector('h1')?.textContent ?? '');
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const lines = article?.content ? htmlToLines(article.content) : [];
  if ([...lines.join('')].length < 50) {
    throw new SourceError('import/no-article', '网页中没有找到正文', '在浏览器中打开文章页（不是首页或列表页），用“另存为→网页，仅 HTML”保存后再导入');
  }
  const title = headline || cleanInline(article?.title ?? '');
  if (title && !lines.slice(0, 3).some((l) => l.includes(title) || title.includes(l))) lines.unshift(title);
  return Promise.resolve(plain('html', `网页（${encoding.toUpperCase()}）`, lines, meta));
}
