/**
 * npm run new -- <cases|reports|rules>
 * npm run new -- cases --from <投稿.docx>
 * Asks a few questions (or reads a file sent in from the /contribute/ page),
 * writes the new entry (never over an existing file) and validates it.
 */
import { existsSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import type { CollectionName } from '../src/schemas/index.ts';
import { writeAll } from './lib/files.ts';
import { QUESTIONS, scaffold } from './lib/new-entry.ts';
import { runValidation } from './lib/validate/run.ts';
import { run } from './lib/cli.ts';
import { caseFromDocument } from './lib/case-from-document.ts';
import { readThemes } from '../src/lib/safe-yaml.ts';

async function main(): Promise<number> {
  const collection = process.argv[2] as CollectionName | undefined;
  if (!collection || !(collection in QUESTIONS)) {
    console.error('用法：npm run new -- <cases|reports|rules>（创新案例 / 经验交流 / 制度文件）');
    return 2;
  }
  const from = process.argv.indexOf('--from');
  if (from > 0) {
    const path = process.argv[from + 1];
    if (collection !== 'cases' || !path) {
      console.error('用法：npm run new -- cases --from <投稿页生成的 Word 文件>');
      return 2;
    }
    const draft = await caseFromDocument(path, readThemes());
    if (Array.isArray(draft)) {
      for (const d of draft) console.error(formatDiagnostic(d));
      return 1;
    }
    return writeAndCheck(draft);
  }
  // Reading lines through the iterator keeps answers that arrive before their question (piped input).
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Record<string, string> = {};
  for (const q of QUESTIONS[collection]) {
    process.stdout.write(`${q.prompt}${q.fallback ? `［${q.fallback}］` : ''}：`);
    const next = await lines.next();
    const answer = next.done ? '' : String(next.value).trim();
    answers[q.key] = answer || q.fallback || '';
  }
  rl.close();
  return writeAndCheck(scaffold(collection, answers));
}

async function writeAndCheck(file: { path: string; content: string }): Promise<number> {
  if (existsSync(file.path)) {
    console.error(`${file.path} 已存在，没有写入。请换一个文件名。`);
    return 1;
  }
  writeAll(dirname(file.path), [{ name: basename(file.path), content: file.content }], false);
  console.log(`已创建 ${file.path}，请核对正文。检查结果：`);
  const { diagnostics } = await runValidation(process.cwd(), { paths: [file.path] });
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  if (diagnostics.length === 0) console.log('没有发现问题。');
  return 0;
}

run(main);
