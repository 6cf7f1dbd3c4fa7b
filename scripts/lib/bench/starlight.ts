/**
 * The same library as an Astro Starlight site (its default Pagefind search, a
 * fixed small sidebar), installed by the benchmark in a temporary folder and
 * never added to the project's dependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { SyntheticFile } from './synthetic.ts';

export const STARLIGHT_VERSION = '0.42.4';

/** Installs Starlight with the project's Astro version once per machine (reused while the folder exists). */
export function installStarlight(astroVersion: string): string {
  const dir = join(tmpdir(), `casebook-starlight-${STARLIGHT_VERSION}-astro-${astroVersion}`);
  if (existsSync(join(dir, 'node_modules', '@astrojs', 'starlight'))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `astro@${astroVersion}`, `@astrojs/starlight@${STARLIGHT_VERSION}`], { cwd: dir, stdio: 'inherit' });
  return dir;
}

const CONFIG = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({
    title: '政协案例库',
    defaultLocale: 'root',
    locales: { root: { label: '简体中文', lang: 'zh-CN' } },
    // A fixed small sidebar: the default one lists every page on every page.
    sidebar: [{ label: '首页', link: '/' }],
  })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/**
 * A Starlight project of the same entries (one docs page each, title and
 * summary from the frontmatter, the same body), written into the folder
 * Starlight is installed in: Starlight's virtual modules do not resolve
 * through a symlinked node_modules.
 */
export function makeStarlightProject(installed: string, files: readonly SyntheticFile[]): string {
  const dir = installed;
  removeProject(dir);
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  mkdirSync(join(dir, 'src', 'content', 'docs'), { recursive: true });
  writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(dir, 'src', 'content', 'docs', 'index.md'), '---\ntitle: 政协案例库\n---\n\n市县政协的经验交流、制度文件和创新案例。\n');
  for (const file of files) {
    const [, yaml = '', ...rest] = file.content.split('---\n');
    const data = parseDocument(yaml).toJS() as { title?: string; summary?: string };
    const page = join(dir, 'src', 'content', 'docs', file.path.replace(/^content\//, ''));
    mkdirSync(dirname(page), { recursive: true });
    const front = `---\ntitle: ${JSON.stringify(data.title ?? '条目')}\ndescription: ${JSON.stringify(data.summary ?? '')}\n---\n`;
    writeFileSync(page, front + rest.join('---\n'));
  }
  return dir;
}

/** Removes a generated Starlight site (sources, build, caches), keeping the installed packages. */
export function removeProject(dir: string): void {
  for (const name of ['src', 'dist', '.astro', 'astro.config.mjs']) rmSync(join(dir, name), { recursive: true, force: true });
}
