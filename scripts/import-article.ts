/**
 * npm run import -- <article.txt> --out <dir> [--force]
 * Turns a compiled article of experience-exchange speeches into report files.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEntry } from '../src/lib/frontmatter.ts';
import { ContentFileError, openContentFile, readContentFile } from '../src/lib/read-content-file.ts';
import { readThemes, readYamlFile } from '../src/lib/safe-yaml.ts';
import { writeAll } from './lib/files.ts';
import { importArticle } from './lib/import/import-article.ts';
import { RepairListSchema, repairsPathFor } from './lib/import/repairs.ts';
import { run } from './lib/cli.ts';

/** A compiled article of a few dozen speeches is far below this. */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

const USAGE = '用法：npm run import -- <文章.txt> --out <输出目录> [--force]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, themes: { type: 'string', default: 'content/themes.yaml' } },
  });
  const article = positionals[0];
  if (!article || !values.out || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readContentFile(article, MAX_ARTICLE_BYTES));
  } catch (error) {
    const reason = error instanceof ContentFileError ? error.message.slice(article.length + 1) : '文件不是 UTF-8 编码，请先另存为 UTF-8';
    console.error(`${article}:1:1 错误 [import/unreadable] ${reason}`);
    return 1;
  }
  const repairsFile = repairsPathFor(article);
  const repairs = existsSync(repairsFile) ? readYamlFile(repairsFile, RepairListSchema) : [];
  const result = importArticle(text, { sourceFile: basename(article), themes: readThemes(values.themes), repairs });

  for (const repair of result.applied) console.log(`${article}:${repair.line} 已按修复清单修复“${repair.damaged}”→“${repair.repaired}”`);
  for (const p of result.problems) {
    console[p.severity === 'error' ? 'error' : 'warn'](`${article}:${p.line}:${p.column} ${p.severity === 'error' ? '错误' : '警告'} [${p.rule}] ${p.message}。修改方法：${p.fix}`);
  }
  const boilerplate = result.accounting.filter((a) => 'boilerplate' in a);
  const inReports = result.accounting.length - boilerplate.length;
  console.log(`\n行数统计：${result.accounting.length} 个非空行，${inReports} 行写入 ${result.files.length} 篇经验交流，${boilerplate.length} 行为版权与署名信息：`);
  for (const b of boilerplate) console.log(`  第 ${b.line} 行：${b.boilerplate}`);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    console.error(`\n有 ${errors.length} 个错误，未写入任何文件。`);
    return 1;
  }
  const files = placeReports(values.out, basename(article), result.files);
  const written = writeAll(values.out, files, values.force);
  for (const file of written) console.log(`写入 ${file}`);
  return 0;
}

/** Whether `name` in `dir` is free, a report imported from `sourceFile`, or something else (never overwritten). */
function occupant(dir: string, sourceFile: string, name: string): 'free' | 'same-source' | 'other' {
  const path = join(dir, name);
  if (!existsSync(path)) return 'free';
  const read = openContentFile(path);
  if (!('bytes' in read)) return 'other';
  const parsed = parseEntry(new TextDecoder().decode(read.bytes), path);
  const source = Array.isArray(parsed) ? undefined : (parsed.data['source'] as { file?: unknown } | undefined);
  return source?.file === sourceFile ? 'same-source' : 'other';
}

/** Each report keeps its name unless another source's report holds it; then it moves to the next free slug (xian → xian-2). */
function placeReports<T extends { name: string }>(dir: string, sourceFile: string, files: readonly T[]): T[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const base = file.name.replace(/\.md$/, '');
    let name = file.name;
    for (let n = 2; taken.has(name) || occupant(dir, sourceFile, name) === 'other'; n++) name = `${base}-${n}.md`;
    taken.add(name);
    if (name !== file.name) console.log(`${join(dir, file.name)} 是另一篇稿件的报告，不覆盖；改写入 ${join(dir, name)}`);
    return { ...file, name };
  });
}

run(main);
