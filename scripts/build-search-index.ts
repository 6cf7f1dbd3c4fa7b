/**
 * Builds the site's search index from content/ (not from the built pages):
 * writes <site>/search-index/ (scripts/lib/search/build.ts), in a worker
 * thread with a capped heap (scripts/lib/search/capped.ts). Runs beside `astro build`
 * in `npm run build` (scripts/build-site.ts), or alone, on a built or an unbuilt tree.
 * Usage: node scripts/build-search-index.ts [site directory, default $OUT_DIR or dist] [--content content]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from './lib/cli.ts';
import { buildCapped } from './lib/search/capped.ts';
import { embedManifest } from './lib/search/embed.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { content: { type: 'string', default: 'content' } } });
  const site = positionals[0] ?? process.env['OUT_DIR'] ?? 'dist';
  const started = performance.now();
  const stats = await buildCapped({ contentDir: values.content, outDir: join(site, 'search-index') });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // On a built tree, the search page carries the new manifest (on an unbuilt one, npm run build puts it there).
  embedManifest(site);
  console.log(`搜索索引：${stats.entries} 个条目，${stats.terms} 个词，${stats.shards} 个分片，${stats.files} 个文件，${(stats.bytes / 1024).toFixed(0)} KB，用时 ${seconds} 秒 → ${join(site, 'search-index')}`);
  return 0;
}

run(main);
