/**
 * npm run digest -- --year <YYYY> [--out <dir>] [--draft]
 * Compiles the year's innovation cases into content/digests/<year>.md and
 * digest-<year>.docx (or both into <dir>). Writes nothing if any case of the
 * year is invalid, any reference unresolved or any file unreadable, or if the Word
 * file would link to example.org or localhost (SITE_URL) without --draft.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { writeAll } from './lib/files.ts';
import { prepareDigest } from './lib/digest/prepare.ts';
import { siteUrl } from './lib/site-url.ts';
import { isPlaceholderHost } from '../src/lib/site/config.ts';
import { run } from './lib/cli.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' }, draft: { type: 'boolean', default: false } } });
  if (!values.year || !/^\d{4}$/.test(values.year)) {
    console.error('用法：npm run digest -- --year <年份> [--out <目录>] [--draft]');
    return 2;
  }
  const site = siteUrl();
  if (isPlaceholderHost(site) && !values.draft) {
    console.error(`站点地址 ${site} 不是正式网址，Word 文件中的案例链接会打不开，未写入任何文件。请设置 SITE_URL（和 BASE_PATH）为正式站点地址；只想预览时加 --draft。`);
    return 2;
  }
  const year = Number(values.year);
  const digest = await prepareDigest(year, { siteUrl: site });
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
  console.log(`案例链接指向 ${site}`);
  return 0;
}

run(main);
