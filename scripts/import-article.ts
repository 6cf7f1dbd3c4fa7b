/**
 * npm run import -- <file> [--out <dir>] [--sources <dir>] [--speaker …] [--role …] [--region …] [--date …] [--publisher …] [--url …] [--force]
 * Turns what a committee sends (.txt, .docx, .doc, saved .html) into report files,
 * and keeps the original and its extracted text under content/sources/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEntry } from '../src/lib/frontmatter.ts';
import { describeProblem, openContentFile, readContentText } from '../src/lib/read-content-file.ts';
import { readThemes, readYamlFile } from '../src/lib/safe-yaml.ts';
import { writeAll } from './lib/files.ts';
import { BOILERPLATE_NAMES } from './lib/import/article.ts';
import { importArticle, type GivenFields, type ImportResult } from './lib/import/import-article.ts';
import { freeStem, placeReports, sourceStem, type Occupant } from './lib/import/placement.ts';
import { MAX_SOURCE_BYTES, readSource, SourceError, type SourceText } from './lib/import/read-source.ts';
import { RepairListSchema, repairsPathFor } from './lib/import/repairs.ts';
import { run } from './lib/cli.ts';

const USAGE =
  '用法：npm run import -- <文件（.txt .docx .doc .html）> [--out <输出目录>] [--speaker 姓名] [--role 职务] [--region 行政区划代码或名称] [--date YYYY-MM-DD] [--publisher 发布单位] [--url 原文网址] [--force]';
const SHAPES = { compiled: '多人发言汇编', single: '单篇发言或文章', 'work-report': '政协工作报告' } as const;

/** The file's bytes through the project's one no-follow reader: no symbolic links, only regular files, at most 10 MB. */
function readInput(path: string): Uint8Array {
  const read = openContentFile(path, MAX_SOURCE_BYTES);
  if ('bytes' in read) return read.bytes;
  if (read.problem === 'too-large') {
    throw new SourceError('import/too-large', `文件有 ${((read.size ?? 0) / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限`, '去掉文件中的图片后另存，或只保留正文另存为 .txt');
  }
  throw new SourceError('import/unreadable', describeProblem(read.problem, read.size, MAX_SOURCE_BYTES), '检查文件路径');
}

/** Whether a report file at this path is free, was made from the same source file, or belongs to another. */
function occupant(outDir: string, sourceFile: string, name: string): Occupant {
  const reportsRoot = dirname(outDir);
  const years = existsSync(reportsRoot) && /^\d{4}$/.test(basename(outDir)) ? readdirSync(reportsRoot).filter((d) => /^\d{4}$/.test(d) && d !== basename(outDir)) : [];
  if (years.some((year) => existsSync(join(reportsRoot, year, name)))) return 'other';
  const path = join(outDir, name);
  if (!existsSync(path)) return 'free';
  const read = openContentFile(path);
  if (!('bytes' in read)) return 'other';
  const parsed = parseEntry(new TextDecoder().decode(read.bytes), path);
  const source = Array.isArray(parsed) ? undefined : (parsed.data['source'] as { file?: unknown } | undefined);
  return source?.file === sourceFile ? 'same-source' : 'other';
}

function printResult(input: string, result: ImportResult): void {
  for (const repair of result.applied) console.log(`${input}:${repair.line} 已按修复清单修复“${repair.damaged}”→“${repair.repaired}”`);
  for (const p of result.problems) {
    console[p.severity === 'error' ? 'error' : 'warn'](`${input}:${p.line}:${p.column} ${p.severity === 'error' ? '错误' : '警告'} [${p.rule}] ${p.message}。修改方法：${p.fix}`);
  }
  const boilerplate = result.accounting.filter((a) => 'boilerplate' in a);
  const inReports = result.accounting.length - boilerplate.length;
  const loose = result.lineCount - result.accounting.length;
  console.log(
    `\n行数统计：${result.lineCount} 个非空行，${inReports} 行写入 ${result.files.length} 篇经验交流，${boilerplate.length} 行为版权与署名信息${loose > 0 ? `，${loose} 行无处归属` : ''}：`,
  );
  for (const b of boilerplate) console.log(`  第 ${b.line} 行：${BOILERPLATE_NAMES[b.boilerplate]}`);
}

/** The files that keep the original beside its extracted text (nothing when the input already is the kept text). */
function sourceFiles(dir: string, stem: string, source: SourceText, bytes: Uint8Array, inPlace: boolean) {
  if (inPlace) return [];
  const text = { name: join(dir, `${stem}.txt`), content: source.text };
  if (source.format === 'txt' && source.encoding === 'UTF-8') return [text];
  const originalName = source.format === 'txt' ? `${stem}.original.txt` : `${stem}.${source.format}`;
  return [text, { name: join(dir, originalName), content: bytes }];
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sources: { type: 'string', default: 'content/sources' },
      force: { type: 'boolean', default: false },
      themes: { type: 'string', default: 'content/themes.yaml' },
      speaker: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      date: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const input = positionals[0];
  if (!input || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  let source: SourceText;
  try {
    bytes = readInput(input);
    source = await readSource(basename(input), bytes);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(`${input}:${error.line}:1 错误 [${error.rule}] ${error.message}。修改方法：${error.fix}\n未写入任何文件。`);
    return 1;
  }
  console.log(`读取 ${input}：${source.format === 'txt' ? '文本文件' : source.encoding}${source.format === 'txt' ? `，编码 ${source.encoding}` : ''}`);

  const given: GivenFields = { speaker: values.speaker, role: values.role, region: values.region, date: values.date, publisher: values.publisher, url: values.url };
  const options = { themes: readThemes(values.themes), given, page: source.meta };
  const sourcesDir = values.sources;
  // The seed and other texts already kept under content/sources/ are imported where they stand.
  const inPlace = resolve(dirname(input)) === resolve(sourcesDir) && source.format === 'txt' && source.encoding === 'UTF-8';
  let stem = basename(input).replace(/\.[^.]+$/, '');
  if (!inPlace) {
    const draft = importArticle(source.text, { ...options, sourceFile: 'pending.txt' });
    const first = draft.files[0];
    const wanted = sourceStem(basename(input), first?.date ?? '', first?.name.replace(/\.md$/, '') ?? '');
    const sameText = (candidate: string) => readContentText(join(sourcesDir, `${candidate}.txt`), MAX_SOURCE_BYTES) === source.text;
    stem = freeStem(wanted, (candidate) => !existsSync(join(sourcesDir, `${candidate}.txt`)) || sameText(candidate));
  }
  const repairsFile = repairsPathFor(join(sourcesDir, `${stem}.txt`));
  const repairs = existsSync(repairsFile) ? readYamlFile(repairsFile, RepairListSchema) : [];
  const sourceFile = `${stem}.txt`;
  const result = importArticle(source.text, { ...options, sourceFile, repairs });
  console.log(`文章类型：${SHAPES[result.shape]}`);
  printResult(input, result);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || result.lineCount !== result.accounting.length) {
    console.error(`\n有 ${errors.length} 个错误，未写入任何文件。`);
    return 1;
  }
  const out = values.out ?? `content/reports/${(result.files[0]?.date ?? '').slice(0, 4)}`;
  const reports = placeReports(result.files, (name) => occupant(out, sourceFile, name));
  for (const [i, report] of reports.entries()) {
    if (report.name !== result.files[i]?.name) console.log(`${join(out, result.files[i]?.name ?? '')} 属于另一篇稿件，改写入 ${report.name}`);
  }
  const kept = sourceFiles(sourcesDir, stem, source, bytes, inPlace).filter((f) => !existsSync(f.name));
  const written = writeAll('', [...reports.map((r) => ({ name: join(out, r.name), content: r.content })), ...kept], values.force);
  for (const file of written) console.log(`写入 ${file}`);
  return 0;
}

run(main);
