/**
 * Builds the Pagefind index (extended build, for Chinese) of the built site:
 * every entry page, with its bigram words added (see src/lib/site/search-text.ts).
 * Usage: node scripts/build-search-index.ts [site directory, default $OUT_DIR or dist]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { withBigramWords } from '../src/lib/site/search-index.ts';

async function main(): Promise<void> {
  const site = process.argv[2] ?? process.env['OUT_DIR'] ?? 'dist';
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(errors.join('\n'));
  let pages = 0;
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
  for (const file of files.sort()) {
    const html = withBigramWords(readFileSync(join(site, file), 'utf8'));
    if (html === undefined) continue;
    const added = await index.addHTMLFile({ sourcePath: file, content: html });
    if (added.errors.length) throw new Error(`${file}: ${added.errors.join('; ')}`);
    pages++;
  }
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await pagefind.close();
  console.log(`搜索索引：${pages} 个条目页 → ${written.outputPath}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
