/**
 * Puts the index's manifest into the built search page (format.ts, MANIFEST_ELEMENT_ID), so that a
 * first query asks for its shards as soon as the page's script runs: one round trip instead of two.
 * Run after the index is in <site>/search-index/, by `npm run build` and by the index built alone.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_ELEMENT_ID, manifestElementText, paths } from '../../../src/lib/search/format.ts';

/** The element's start tag as the page renders it. */
const START = `<script type="application/json" id="${MANIFEST_ELEMENT_ID}">`;
/** The element, empty or filled (its text never holds a `<`). */
const ELEMENT = new RegExp(`${START}[^<]*</script>`, 'g');

/**
 * Fills the search page's manifest element with <site>/search-index/manifest.json. Returns false,
 * changing nothing, when the site has no search page or no index yet (the index built before the pages).
 */
export function embedManifest(siteDir: string): boolean {
  const page = join(siteDir, 'search', 'index.html');
  const manifest = join(siteDir, 'search-index', paths.manifest);
  if (!existsSync(page) || !existsSync(manifest)) return false;
  const html = readFileSync(page, 'utf8');
  const found = html.match(ELEMENT)?.length ?? 0;
  if (found !== 1) throw new Error(`${page}：应有一个 id="${MANIFEST_ELEMENT_ID}" 的清单元素，实有 ${found} 个；请重新运行 npm run build`);
  const filled = html.replace(ELEMENT, `${START}${manifestElementText(readFileSync(manifest, 'utf8'))}</script>`);
  // Through a temporary file and a rename: a server reading the page meanwhile sees the old page or the new one.
  const temporary = `${page}.${process.pid}.tmp`;
  writeFileSync(temporary, filled);
  renameSync(temporary, page);
  return true;
}
