import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readThemes, readYamlFile } from '../../src/lib/safe-yaml.ts';
import { parseArticle } from '../../scripts/lib/import/article.ts';
import { importArticle } from '../../scripts/lib/import/import-article.ts';
import { RepairListSchema } from '../../scripts/lib/import/repairs.ts';
import { writeAll } from '../../scripts/lib/files.ts';

const themes = readThemes('content/themes.yaml');
const SEED = 'content/sources/2023-05-25-gejie-liangge-boruo.txt';

const ARTICLE = [
  '2023-05-25 08:47:06 來源:各界新聞網(wǎng)',
  '秦都區(qū)政協(xié)主席戴勇強(qiáng)',
  '搭建平臺(tái)',
  '秦都區(qū)政協(xié)構(gòu)建“1+3”基層履職協(xié)商平臺(tái),推動委員工作室建在一線。',
  '一、建設(shè)委員工作室。建成委員工作室12個(gè)(試行)。',
  '延川縣政協(xié)主席劉顥',
  '織密網(wǎng)格',
  '延川縣建立五級網(wǎng)格聯(lián)絡(luò)機(jī)制。',
  '本組圖片由 馬偉東 攝',
  '編輯: 吳佳蕊',
].join('\n');

function importText(text: string) {
  return importArticle(text, { sourceFile: 'a.txt', themes });
}

describe('parseArticle', () => {
  test('removes pinyin readings, converts to simplified and makes punctuation full-width', () => {
    const opening = parseArticle(ARTICLE).blocks[0]?.opening[0]?.text;
    expect(opening).toBe('秦都区政协构建“1+3”基层履职协商平台，推动委员工作室建在一线。');
  });

  test('converts ASCII parentheses around Chinese text and leaves times and ranges alone', () => {
    const article = parseArticle(ARTICLE);
    expect(article.blocks[0]?.measures[0]?.heading.text).toBe('一、建设委员工作室。建成委员工作室12个（试行）。');
    expect(article.date).toBe('2023-05-25');
    expect(article.publisher).toBe('各界新闻网');
  });

  test('splits on speaker lines and reads region, role, name and title', () => {
    const blocks = parseArticle(ARTICLE).blocks.map((b) => [b.regionName, b.role, b.name, b.title.text]);
    expect(blocks).toEqual([
      ['秦都区', '政协主席', '戴勇强', '搭建平台'],
      ['延川县', '政协主席', '刘颢', '织密网格'],
    ]);
  });

  test('reads 党组书记、主席 and 副主席 speaker lines', () => {
    const text = '2023-01-01 来源：某报\n咸阳市政协党组书记、主席李晓静\n标题\n正文。\n渭南市政协副主席王某\n标题二\n正文二。';
    expect(parseArticle(text).blocks.map((b) => `${b.role}${b.name}`)).toEqual(['政协党组书记、主席李晓静', '政协副主席王某']);
  });

  test('marks a mis-decoded sequence it cannot repair with □ and reports its line', () => {
    const article = parseArticle(ARTICLE.replace('推動委員', '底氣?,F(xiàn)就委員'));
    expect(article.blocks[0]?.opening[0]?.text).toContain('底气□就委员');
    expect(article.problems).toEqual([expect.objectContaining({ line: 4, rule: 'import/mis-decoded', severity: 'warning' })]);
  });

  test('applies an editor repair only where the damaged text stands', () => {
    const damaged = ARTICLE.replace('推動委員', '底氣?,F(xiàn)就委員');
    const repaired = parseArticle(damaged, [{ line: 4, damaged: '?,F(xiàn)', repaired: '。现', reason: 'GBK' }]);
    expect(repaired.blocks[0]?.opening[0]?.text).toContain('底气。现就委员');
    expect(repaired.problems).toEqual([]);
    const stale = parseArticle(damaged, [{ line: 5, damaged: '?,F(xiàn)', repaired: '。现', reason: 'GBK' }]);
    expect(stale.problems.map((p) => p.rule)).toContain('import/stale-repair');
  });
});

describe('importArticle', () => {
  test('accounts for every non-empty line exactly once', () => {
    const result = importText(ARTICLE);
    expect(result.accounting.map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.accounting.filter((a) => 'boilerplate' in a).map((a) => 'boilerplate' in a && a.boilerplate)).toEqual(['header', 'photo-credit', 'editor']);
    expect(result.problems).toEqual([]);
  });

  test('writes one report per speaker with region code, source and a ## heading per measure', () => {
    const [qindu] = importText(ARTICLE).files;
    expect(qindu?.name).toBe('qindu.md');
    expect(qindu?.content).toContain('region: "610402"');
    expect(qindu?.content).toContain('photoCredit: 马伟东');
    expect(qindu?.content).toContain('\n## 一、建设委员工作室\n\n建成委员工作室12个（试行）。\n');
    expect(qindu?.content).toMatch(/themes:\n {2}- member-studio\n/);
  });

  test('fails on a line that belongs to no speaker, and on text after the credits', () => {
    const result = importText(ARTICLE.replace('秦都區(qū)政協(xié)主席戴勇強(qiáng)', '一段来历不明的文字\n秦都區(qū)政協(xié)主席戴勇強(qiáng)') + '\n又一段文字');
    expect(result.problems.filter((p) => p.rule === 'import/unaccounted-line').map((p) => p.line)).toEqual([2, 12]);
  });

  test('explains an empty file, and a single article without a title or a speaker', () => {
    expect(importText('').problems.map((p) => p.rule)).toEqual(['import/empty']);
    const problems = importText('2023-05-25 来源：某报\n一段文字。').problems;
    expect(problems.map((p) => p.rule)).toEqual(['import/missing-title', 'import/missing-field', 'import/missing-field', 'import/missing-field']);
    expect(problems.map((p) => p.message).join('\n')).toMatchInlineSnapshot(`
      "文章开头没有标题行
      文中没有写明发言人姓名，命令行也没有给出
      文中没有写明发言人职务，命令行也没有给出
      文中没有写明地区，命令行也没有给出"
    `);
  });

  test('refuses a region name that GB/T 2260 does not know', () => {
    const result = importText(ARTICLE.replace('延川縣', '桃花源縣'));
    expect(result.problems.map((p) => `${p.line} ${p.rule}`)).toEqual(['6 import/unknown-region']);
  });

  test('reproduces the committed seed reports byte for byte, with zero unaccounted lines', () => {
    const repairs = readYamlFile(SEED.replace(/\.txt$/, '.repairs.yaml'), RepairListSchema);
    const result = importArticle(readFileSync(SEED, 'utf8'), { sourceFile: '2023-05-25-gejie-liangge-boruo.txt', themes, repairs });
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.name).sort()).toEqual(readdirSync('content/reports/2023').sort());
    for (const file of result.files) expect(file.content).toBe(readFileSync(`content/reports/2023/${file.name}`, 'utf8'));
    const nonEmpty = readFileSync(SEED, 'utf8').split('\n').filter((l) => l.trim()).length;
    expect(result.accounting).toHaveLength(nonEmpty);
    expect(new Set(result.accounting.map((a) => a.line)).size).toBe(nonEmpty);
  });

  test('is deterministic', () => {
    expect(importText(ARTICLE)).toEqual(importText(ARTICLE));
  });
});

describe('writeAll', () => {
  test('refuses to overwrite and then writes nothing at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    writeFileSync(join(dir, 'b.md'), 'old');
    expect(() => writeAll(dir, [{ name: 'a.md', content: 'A' }, { name: 'b.md', content: 'B' }], false)).toThrow(/--force/);
    expect(readdirSync(dir)).toEqual(['b.md']);
    writeAll(dir, [{ name: 'a.md', content: 'A' }, { name: 'b.md', content: 'B' }], true);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('B');
    expect(existsSync(join(dir, 'a.md'))).toBe(true);
  });
});

describe('npm run import', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import-article.ts', ...args], { encoding: 'utf8' });

  test('rejects a file in no known encoding with a clear message, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xd0, 0xad, 0xc9, 0xcc, 0xff]));
    const result = run(join(dir, 'bad.txt'), '--out', join(dir, 'out'), '--sources', join(dir, 'sources'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'bad.txt')}:1:1 错误 [import/bad-encoding] 无法识别文件的编码`);
    expect(readdirSync(dir)).toEqual(['bad.txt']);
  });

  test('counts the non-empty lines of a file it refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    writeFileSync(join(dir, 'two.txt'), '会议发言：标题\n\n正文一段。\n');
    const result = run(join(dir, 'two.txt'), '--out', join(dir, 'out'), '--sources', join(dir, 'sources'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('行数统计：2 个非空行，0 行写入 0 篇经验交流，0 行为版权与署名信息，2 行无处归属');
    expect(readdirSync(dir)).toEqual(['two.txt']);
  });

  test('imports the seed into an empty folder, then refuses to run over it again without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-'));
    const first = run(SEED, '--out', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('84 个非空行，80 行写入 12 篇经验交流，4 行为版权与署名信息');
    expect(readdirSync(dir)).toHaveLength(12);
    const second = run(SEED, '--out', dir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('--force');
    expect(run(SEED, '--out', dir, '--force').status).toBe(0);
  }, 60_000);
});
