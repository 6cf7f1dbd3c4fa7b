/**
 * npm run digest -- --year <YYYY> [--out <dir>]
 * Compiles the year's innovation cases into content/digests/<year>.md and
 * digest-<year>.docx (or both into <dir>). Writes nothing if any case of the
 * year is invalid, any reference unresolved or any file unreadable.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { writeAll } from './lib/files.ts';
import { prepareDigest } from './lib/digest/prepare.ts';
import { siteUrl } from './lib/site-url.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' } } });
  if (!values.year || !/^\d{4}$/.test(values.year)) {
    console.error('用法：npm run digest -- --year <年份> [--out <目录>]');
    return 2;
  }
  const year = Number(values.year);
  const digest = await prepareDigest(year, { siteUrl: siteUrl() });
  if (Array.isArray(digest)) {
    for (const d of digest) console.error(formatDiagnostic(d));
    console.error(`\n${year} 年的汇编有 ${digest.length} 个问题，未写入任何文件。`);
    return 1;
  }
  const dir = values.out ?? 'content/digests';
  const written = writeAll(dir, [
    { name: `${year}.md`, content: digest.markdown },
    { name: `digest-${year}.docx`, content: digest.docx },
  ], true);
  console.log(`汇编 ${digest.model.cases.length} 个案例（${digest.model.sections.length} 个主题、${digest.model.regions.length} 个设区的市）：`);
  for (const file of written) console.log(`写入 ${file}`);
  return 0;
}

run(main);
