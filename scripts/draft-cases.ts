/**
 * npm run cases -- --from <report id> [--from <report id> …] [--write]
 * Drafts innovation cases from reports: prints them, or with --write writes
 * new files under content/cases/<year>/ (never over an existing file).
 */
import { parseArgs } from 'node:util';
import { writeAll } from './lib/files.ts';
import { draftCases, type CaseDraftFile } from './lib/cases/draft-cases.ts';
import { readLibrary } from './lib/read-library.ts';
import { run } from './lib/cli.ts';

const USAGE = '用法：npm run cases -- --from <经验交流编号，如 2023/xian> [--from …] [--write]';

function main(): number {
  const { values } = parseArgs({ options: { from: { type: 'string', multiple: true }, write: { type: 'boolean', default: false }, content: { type: 'string', default: 'content' } } });
  if (!values.from?.length) {
    console.error(USAGE);
    return 2;
  }
  const { library } = readLibrary(values.content);
  const taken = new Set(library.cases.map((c) => c.id.split('/').at(-1) ?? c.id));
  const drafts: CaseDraftFile[] = [];
  for (const id of values.from) {
    const report = library.reports.find((r) => r.id === id.replace(/^reports\//, '').replace(/\.md$/, ''));
    if (!report) {
      console.error(`错误 [cases/unknown-report] 找不到经验交流“${id}”。修改方法：编号是 content/reports/ 下的路径去掉 .md，例如 2023/xian`);
      return 1;
    }
    const existing = library.cases.filter((c) => c.data.sources.includes(`reports/${report.id}`));
    if (existing.length > 0) console.log(`注意：已有 ${existing.length} 篇案例出自“${report.id}”（${existing.map((c) => c.id).join('、')}），初稿可能与之重复。`);
    drafts.push(...draftCases(report.id, report.data, report.body, library.themes, taken));
  }
  if (!values.write) {
    for (const draft of drafts) console.log(`# ${draft.path}\n\n${draft.content}`);
    console.log(`共 ${drafts.length} 篇案例初稿（未写入；加 --write 写入 content/cases/）。`);
    return 0;
  }
  const root = values.content.replace(/\/?content\/?$/, '');
  const written = writeAll(root, drafts.map((d) => ({ name: d.path, content: d.content })), false);
  for (const file of written) console.log(`写入 ${file}`);
  console.log(`共写入 ${written.length} 篇案例初稿。请逐篇核对：标题、主题、数据的指标名称，并补写“启示”一节。`);
  return 0;
}

run(main);
