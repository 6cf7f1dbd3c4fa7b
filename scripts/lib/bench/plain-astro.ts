/**
 * The floor for the page build: the same synthetic Markdown built by a plain
 * Astro project (the project's own Astro, its default Markdown processor, the
 * glob loader, one minimal layout, one page per entry), in a temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SyntheticFile } from './synthetic.ts';

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { entries: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content' }) }) };
`;

const LAYOUT = `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
import Layout from '../layouts/Layout.astro';
export async function getStaticPaths() {
  return (await getCollection('entries')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title}><h1>{entry.data.title}</h1><Content /></Layout>
`;

/** Writes the plain Astro project around the library's files (content/…) and returns its folder; remove it with rmSync. */
export function makePlainAstroProject(repo: string, files: readonly SyntheticFile[], label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `casebook-plain-astro-${label}-`));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plain-astro-bench', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  mkdirSync(join(dir, 'src', 'layouts'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(dir, 'src', 'layouts', 'Layout.astro'), LAYOUT);
  writeFileSync(join(dir, 'src', 'pages', '[...id].astro'), PAGE);
  for (const file of files) {
    if (!/^content\/(reports|cases|rules)\//.test(file.path)) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

export function removePlainAstroProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
