/** What committees send: every format and shape becomes valid reports; bad files are refused by name with nothing written. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { importArticle } from '../../scripts/lib/import/import-article.ts';
import { placeReports, sourceStem } from '../../scripts/lib/import/placement.ts';
import { readSource, SourceError } from '../../scripts/lib/import/read-source.ts';
import { htmlToLines } from '../../scripts/lib/import/html-lines.ts';
import { runValidation } from '../../scripts/lib/validate/run.ts';
import { locate } from '../../src/lib/checks/location.ts';
import { PUBLISHER } from '../fixtures/import/texts.ts';

const themes = readThemes('content/themes.yaml');
const FIXTURES = 'test/fixtures/import';

async function importFixture(name: string, given: Record<string, string> = {}) {
  const source = await readSource(name, readFileSync(join(FIXTURES, name)));
  const shape = name.replace(/\..*$/, '') as keyof typeof PUBLISHER;
  const result = importArticle(source.text, { sourceFile: `${shape}.txt`, themes, page: source.meta, given: { publisher: PUBLISHER[shape], ...given } });
  return { source, result };
}

const frontmatter = (content: string, key: string) => new RegExp(`^\\s*${key}: "?([^"\\n]*)"?$`, 'm').exec(content)?.[1];

describe('readSource and importArticle on every format and shape', () => {
  const cases = [
    ['compiled.txt', 'compiled', 'UTF-8', ['weinan', 'yanchuan']],
    ['compiled.docx', 'compiled', 'Word（.docx）', ['weinan', 'yanchuan']],
    ['compiled.doc', 'compiled', 'Word（.doc）', ['weinan', 'yanchuan']],
    ['compiled.html', 'compiled', '网页（UTF-8）', ['weinan', 'yanchuan']],
    ['speech.txt', 'single', 'GB18030', ['qindu']],
    ['speech.docx', 'single', 'Word（.docx）', ['qindu']],
    ['speech.doc', 'single', 'Word（.doc）', ['qindu']],
    ['speech.html', 'single', '网页（UTF-8）', ['qindu']],
    ['work-report.txt', 'work-report', 'UTF-16LE', ['baoji-work-report']],
    ['work-report.docx', 'work-report', 'Word（.docx）', ['baoji-work-report']],
    ['work-report.doc', 'work-report', 'Word（.doc）', ['baoji-work-report']],
    ['work-report.html', 'work-report', '网页（UTF-8）', ['baoji-work-report']],
    ['web-copy.txt', 'single', 'UTF-8', ['yanchuan']],
    ['labelled.docx', 'single', 'Word（.docx）', ['qindu']],
  ] as const;

  test.each(cases)('%s is a %s article read as %s, every line accounted for', async (name, shape, encoding, reports) => {
    const { source, result } = await importFixture(name);
    expect(source.encoding).toBe(encoding);
    expect(result.problems).toEqual([]);
    expect(result.shape).toBe(shape);
    expect(result.files.map((f) => f.name)).toEqual(reports.map((r) => `${r}.md`));
    expect(result.accounting).toHaveLength(result.lineCount);
  });

  test('all of them pass npm run validate in a copy of the library', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-import-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    for (const [name] of cases) {
      const { result } = await importFixture(name);
      for (const file of result.files) {
        const dir = join(root, 'content/reports', file.date.slice(0, 4));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${name.replace(/\./g, '-')}-${file.name}`), file.content);
      }
    }
    const { diagnostics } = await runValidation(root, {});
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 60_000);

  test('takes speaker, role, region and date from a conference speech’s own lines', async () => {
    const [report] = (await importFixture('speech.doc')).result.files;
    expect(report?.content).toContain('title: 用好“秦商量”平台 推动协商成果落地见效\nspeaker:\n  name: 王建华\n  role: 政协主席\norganization: 秦都区政协');
    expect(frontmatter(report?.content ?? '', 'region')).toBe('610402');
    expect(frontmatter(report?.content ?? '', 'date')).toBe('2024-03-12');
    expect(report?.content).toContain('\n——在2024年全市政协工作座谈会上的发言\n');
  });

  test('keeps a work report’s （一） sections as sub-headings and reads its date from the occasion line', async () => {
    const [report] = (await importFixture('work-report.docx')).result.files;
    expect(report?.content).toContain('\n## 一、2023年工作回顾\n');
    expect(report?.content).toContain('\n### （二）坚持人民至上，民主监督更加有力\n\n选聘特约民主监督员30名');
    expect(frontmatter(report?.content ?? '', 'date')).toBe('2024-01-16');
    expect(report?.content).toContain('organization: 宝鸡市政协');
  });

  test('turns Word’s own numbering (一、 as a list) back into numbered measures', async () => {
    const { source } = await importFixture('speech.docx');
    expect(source.text).toContain('\n二、坚持协商就在身边。在10个街道');
  });

  test('reads the address and date of a saved page from its canonical link and meta tags, not its navigation or comments', async () => {
    const { source, result } = await importFixture('work-report.html');
    expect(source.meta).toEqual({ url: 'https://example.org/news/2024/0117/3.html', published: '2024-01-17', publisher: '示例政协网' });
    expect(source.text).not.toMatch(/首页|相关阅读|网友评论|版权所有/);
    expect(result.files[0]?.content).toContain('  published: "2024-01-17"\n  url: https://example.org/news/2024/0117/3.html\n');
  });

  test('decodes a page saved in GBK as its charset declares', async () => {
    const page = readFileSync(join(FIXTURES, 'speech.html'), 'utf8').replace('charset="utf-8"', 'charset="gbk"');
    const source = await readSource('speech.html', iconv.encode(page, 'gbk'));
    expect(source.encoding).toBe('网页（GB18030）');
    expect(source.text).toContain('咸阳市秦都区政协主席 王建华');
  });

  test('reads labelled fields (标题：、发言人：、地区：…) as a form exported to Word writes them', async () => {
    const [report] = (await importFixture('labelled.docx')).result.files;
    expect(report?.content).toMatch(/^---\ntitle: 以“读书\+履职”提升委员能力\nspeaker:\n {2}name: 李静\n {2}role: 政协副主席\n/);
    expect(frontmatter(report?.content ?? '', 'publisher')).toBe('秦都区政协');
  });

  test('repairs a traditional-character web copy with pinyin glued after characters', async () => {
    const [report] = (await importFixture('web-copy.txt')).result.files;
    expect(report?.content).toContain('title: 网格联络 让协商走进村组');
    expect(report?.content).toContain('延川县政协建立三级联络网格，推动委员联系群众常态化。');
  });

  test('names what is missing when neither the text nor the options say it', async () => {
    const { result } = await importFixture('speech.txt');
    const source = await readSource('speech.txt', readFileSync(join(FIXTURES, 'speech.txt')));
    const bare = importArticle(source.text, { sourceFile: 'speech.txt', themes });
    expect(result.problems).toEqual([]);
    expect(bare.problems.map((p) => p.message)).toEqual(['文中没有写明发布单位，命令行也没有给出']);
    const given = importArticle(source.text, { sourceFile: 'speech.txt', themes, given: { publisher: '秦都区政协', region: '610403', speaker: '李四' } });
    expect(given.files[0]?.content).toContain('name: 李四');
    expect(frontmatter(given.files[0]?.content ?? '', 'region')).toBe('610403');
  });
});

describe('readSource refuses bad files with a Chinese reason', () => {
  const refusal = async (name: string, bytes: Uint8Array) => {
    const error = await readSource(name, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    return `[${(error as SourceError).rule}] ${(error as SourceError).message}`;
  };

  test('an empty file, and a Word file with no text', async () => {
    expect(await refusal('a.txt', new Uint8Array())).toBe('[import/empty] 文件是空的');
    const blank = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    expect(await refusal('a.docx', blank)).toMatch(/^\[import\/corrupt\] Word 文件已损坏，无法打开/);
  });

  test('a picture renamed .docx, a .doc renamed .docx, and a password-protected .docx', async () => {
    expect(await refusal('a.docx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('[import/not-docx] 文件内容不是 Word（.docx）文档');
    expect(await refusal('a.docx', readFileSync(join(FIXTURES, 'speech.doc')))).toBe('[import/wrong-format] 这是旧版 Word（.doc）文件，扩展名却是 .docx');
    // Word keeps a password-protected .docx in an OLE container whose stream is named EncryptedPackage.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(64)]);
    expect(await refusal('a.docx', ole)).toBe('[import/encrypted] Word 文件设有打开密码，无法读取');
  });

  test('a truncated .docx and a .doc that is not one', async () => {
    const docx = readFileSync(join(FIXTURES, 'speech.docx'));
    expect(await refusal('a.docx', docx.subarray(0, 2000))).toMatch(/^\[import\/corrupt\] Word 文件已损坏，无法打开/);
    expect(await refusal('a.doc', Buffer.from('不是 Word 文件'))).toBe('[import/not-doc] 文件内容不是 Word（.doc）文档');
  });

  test('a web page with no article', async () => {
    const page = '<html><head><title>首页</title></head><body><nav><a href="/">首页</a><a href="/n">新闻</a></nav><ul><li><a href="/1">通知一</a></li></ul></body></html>';
    expect(await refusal('a.html', Buffer.from(page))).toBe('[import/no-article] 网页中没有找到正文');
  });

  test('a file over 10 MB', async () => {
    expect(await refusal('a.txt', new Uint8Array(10 * 1024 * 1024 + 1))).toBe('[import/too-large] 文件有 10.0 MB，超过 10 MB 的上限');
  });

  test('a text file whose lines are in two encodings, naming both lines', async () => {
    const mixed = Buffer.concat([Buffer.from('标题一行\n'), iconv.encode('第二行是GBK编码\n', 'gbk')]);
    expect(await refusal('a.txt', mixed)).toBe('[import/mixed-encoding] 文件混用了两种编码：第 1 行是 UTF-8，第 2 行不是');
  });
});

describe('htmlToLines', () => {
  test('one line per paragraph, heading and list item; wrapped Chinese joins, typed spaces stay', () => {
    expect(htmlToLines('<h1>标题 副题</h1><p>第一段\n  接着</p><ol><li>甲</li><li>乙<ol><li>丙</li></ol></li></ol><table><tr><td>表格</td></tr></table>')).toEqual([
      '标题 副题',
      '第一段接着',
      '一、甲',
      '二、乙',
      '（一）丙',
      '表格',
    ]);
  });
});

describe('placement', () => {
  test('a report held by another source moves to the next free slug; one from the same source stays', () => {
    const occupied: Record<string, 'same-source' | 'other'> = { 'xian.md': 'other', 'xian-2.md': 'other', 'baoji.md': 'same-source' };
    const placed = placeReports([{ name: 'xian.md' }, { name: 'baoji.md' }], (name) => occupied[name] ?? 'free');
    expect(placed.map((f) => f.name)).toEqual(['xian-3.md', 'baoji.md']);
  });

  test('source stems come from plain file names, else from the date and the report', () => {
    expect(sourceStem('2023-05-25-gejie.txt', '2023-05-25', 'xian')).toBe('2023-05-25-gejie');
    expect(sourceStem('西安市政协工作报告.docx', '2024-01-16', 'xian-work-report')).toBe('2024-01-16-xian-work-report');
  });
});

describe('validation of kept sources', () => {
  test('a pull request may add the original and its text under content/sources/, and nothing else there', () => {
    for (const name of ['2024-01-16-baoji-work-report.docx', 'speech.doc', 'page.html', 'speech.txt', 'speech.original.txt', 'a.repairs.yaml']) {
      expect(locate(`content/sources/${name}`, false)).toEqual([]);
    }
    for (const name of ['run.sh', 'page.svg', '工作报告.docx', 'notes.md']) {
      expect(locate(`content/sources/${name}`, false)).toMatchObject([{ rule: 'path/location' }]);
    }
    expect(locate('content/sources/speech.docx', true)).toMatchObject([{ rule: 'path/symlink' }]);
  });
});

describe('npm run import', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import-article.ts', ...args], { encoding: 'utf8' });

  test('keeps the original .docx beside its extracted text, then puts a report from another source under a free name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    const out = join(dir, 'reports/2024');
    const sources = join(dir, 'sources');
    const first = run(join(FIXTURES, 'speech.docx'), '--out', out, '--sources', sources, '--publisher', '秦都区政协');
    expect(first.status).toBe(0);
    expect(readdirSync(sources).sort()).toEqual(['speech.docx', 'speech.txt']);
    expect(readFileSync(join(sources, 'speech.docx'))).toEqual(readFileSync(join(FIXTURES, 'speech.docx')));
    expect(readFileSync(join(out, 'qindu.md'), 'utf8')).toContain('  file: speech.txt\n');
    const again = run(join(FIXTURES, 'speech.docx'), '--out', out, '--sources', sources, '--publisher', '秦都区政协');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
    const other = run(join(FIXTURES, 'labelled.docx'), '--out', out, '--sources', sources, '--force');
    expect(other.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['qindu-2.md', 'qindu.md']);
    expect(readFileSync(join(out, 'qindu.md'), 'utf8')).toContain('  file: speech.txt\n');
  }, 60_000);

  test('refuses a file over 10 MB by name and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    writeFileSync(join(dir, 'big.txt'), '');
    truncateSync(join(dir, 'big.txt'), 11 * 1024 * 1024);
    const result = run(join(dir, 'big.txt'), '--out', join(dir, 'out'), '--sources', join(dir, 'sources'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'big.txt')}:1:1 错误 [import/too-large] 文件有 11.0 MB，超过 10 MB 的上限`);
    expect(readdirSync(dir)).toEqual(['big.txt']);
  }, 30_000);
});
