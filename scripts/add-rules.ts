/**
 * npm run rules -- [--write]
 * Lists the rules documents that reports name in 《》 but content/rules/ lacks;
 * with --write, creates a starting file for each (only the sentences that mention it).
 */
import { parseArgs } from 'node:util';
import { readLibrary } from './lib/read-library.ts';
import { draftRuleFiles, ruleNeeds } from './lib/rules/rule-files.ts';
import { writeAll } from './lib/files.ts';
import { run } from './lib/cli.ts';

function main(): number {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
  const { library } = readLibrary('content');
  const needs = ruleNeeds(library);
  const missing = needs.filter((n) => !n.rule);
  const unlisted = needs.filter((n) => n.rule && !n.rule.data.mentionedIn.includes(n.report.id));
  for (const n of unlisted) console.log(`${n.rule?.file}: mentionedIn 缺少 ${n.report.id}`);
  for (const n of missing) console.log(`缺少制度文件《${n.mention.title}》（${n.report.file}）`);
  console.log(`报告提及 ${needs.length} 处制度文件，${needs.length - missing.length} 处已收录，${missing.length} 处缺少条目。`);
  if (values.write && missing.length > 0) {
    for (const file of writeAll('content/rules', draftRuleFiles(missing), false)) console.log(`写入 ${file}`);
    return 0;
  }
  return missing.length + unlisted.length > 0 ? 1 : 0;
}

run(main);
