/**
 * The scripts as prebuilt JavaScript: one esbuild bundle per entry script in
 * .cache/scripts/, with their dependencies inside, so that starting one costs
 * neither type stripping nor resolving and loading hundreds of modules.
 * A manifest per group records every input's size, mtime and hash;
 * scripts/run-prebuilt.mjs runs a bundle only while they all still match.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * What `node scripts/run-prebuilt.mjs <name>` runs: scripts/<name>.ts, bundled with the
 * workers it starts. Each group is built and checked for staleness on its own, so that
 * editing the validator rebuilds only the validator.
 */
/** The validator's worker (scripts/lib/validate/run.ts starts it beside the bundle): built with every group that validates. */
const WORKER = { 'validate-worker': 'scripts/lib/validate/worker.ts' };

export const PREBUILT_GROUPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  validate: { validate: 'scripts/validate.ts', ...WORKER },
  fix: { fix: 'scripts/fix.ts' },
  'new-entry': { 'new-entry': 'scripts/new-entry.ts', ...WORKER },
  'add-rules': { 'add-rules': 'scripts/add-rules.ts' },
  digest: { digest: 'scripts/digest.ts', ...WORKER },
};

export const PREBUILT_DIR = '.cache/scripts';

/** Besides a group's inputs, what makes its bundle stale: how bundles are built and run. */
const TOOLING = [
  'scripts/lib/prebuilt/build.ts',
  'scripts/run-prebuilt.mjs',
  'package.json',
  'node_modules/esbuild/package.json',
  // What PRECOMPUTED reads its values from.
  'node_modules/opencc-js/package.json',
];

export interface InputStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** `.cache/scripts/<group>.json`: every repository-relative file the group's bundles were built from. */
export interface Manifest {
  inputs: Record<string, InputStamp>;
}

function stamp(root: string, file: string): InputStamp {
  const path = join(root, file);
  const { size, mtimeMs } = statSync(path);
  return { size, mtimeMs, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

/** Writes through a temporary file and a rename, so that a script starting meanwhile sees the old file or the new one. */
function writeAtomically(path: string, contents: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Packages loaded from node_modules on first use instead of inside the bundle: a check of a
 * well-named file in simplified Chinese needs neither, and compiling them costs a one-file
 * check about 60 ms (pinyin-pro alone is a third of the validator's bundle). Only their
 * functions can be imported; importing anything else fails the build, which then runs the sources.
 */
const LAZY_PACKAGES = ['pinyin-pro', 'opencc-js/t2cn'];

/** `export const name = (...args) => load().name(...args)` for each function the package exports. */
function lazyModule(root: string, specifier: string): string {
  // Loaded here as the bundle will load it, so that the names are those it will find.
  const loaded = createRequire(join(root, 'package.json'))(specifier) as Record<string, unknown>;
  const functions = Object.keys(loaded).filter((name) => name !== 'default' && typeof loaded[name] === 'function');
  return [
    "import { createRequire } from 'node:module';",
    'let loaded;',
    `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(specifier)}));`,
    ...functions.map((name) => `export const ${name} = (...args) => load().${name}(...args);`),
  ].join('\n');
}

/**
 * Values the scripts compute from their dependencies alone, computed once here and written
 * into the bundle: the characters opencc-js's t2cn conversion can change took about 25 ms at every start.
 */
const PRECOMPUTED: Readonly<Record<string, (root: string) => Promise<string>>> = {
  'src/lib/site/convertible-chars.ts': async (root) => {
    const { convertibleChars } = (await import(pathToFileURL(join(root, 'src/lib/site/convertible-chars.ts')).href)) as { convertibleChars: () => string };
    return `export const convertibleChars = () => ${JSON.stringify(convertibleChars())};`;
  },
};

function startupPlugin(root: string): Plugin {
  const lazy = new RegExp(`^(?:${LAZY_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  const precomputed = new RegExp(`(?:${Object.keys(PRECOMPUTED).map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`);
  return {
    name: 'startup',
    setup(build) {
      build.onResolve({ filter: lazy }, ({ path }) => ({ path, namespace: 'lazy' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => ({ contents: lazyModule(root, path), loader: 'js', resolveDir: root }));
      build.onLoad({ filter: precomputed }, async ({ path }) => {
        const file = Object.keys(PRECOMPUTED).find((f) => path.split('\\').join('/').endsWith(f)) as string;
        return { contents: await (PRECOMPUTED[file] as (root: string) => Promise<string>)(root), loader: 'js' };
      });
    },
  };
}

/** Builds one group's bundles into `root`/.cache/scripts/<entry>.cjs, then its manifest (last, so that it never vouches for a missing bundle). */
async function buildGroup(root: string, group: string): Promise<void> {
  const entryPoints = PREBUILT_GROUPS[group];
  if (!entryPoints) throw new Error(`没有 ${group} 这个预编译脚本`);
  const outdir = join(root, PREBUILT_DIR);
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // CommonJS: an ES module's `import … from 'node:fs'` makes Node build the module's whole
    // namespace, which loads streams, readline and more (about 30 ms) that require() leaves alone.
    format: 'cjs',
    target: 'node22',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Every byte is read at each start, and reading is slow on a busy runner (about 15 ms for 0.75 MB);
    // messages never show a stack trace, so local names need not survive.
    minify: true,
    legalComments: 'none',
    plugins: [startupPlugin(root)],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(outdir, { recursive: true });
  // Files only: not `<runtime>` nor the `lazy:` modules made above, whose packages are read when they run.
  const inputs = new Set([...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<') && !f.startsWith('lazy:')), ...TOOLING]);
  const manifest: Manifest = { inputs: Object.fromEntries([...inputs].sort().map((file) => [file, stamp(root, file)])) };
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents);
  }
  writeAtomically(join(outdir, `${group}.json`), JSON.stringify(manifest, null, 1) + '\n');
}

/** Builds the named groups (all by default) side by side. */
export async function buildPrebuilt(root: string, groups: readonly string[] = Object.keys(PREBUILT_GROUPS)): Promise<void> {
  await Promise.all(groups.map((group) => buildGroup(root, group)));
}
