/**
 * node scripts/run-prebuilt.mjs <script> [args…]
 *
 * Runs scripts/<script>.ts from its prebuilt bundle .cache/scripts/<script>.cjs
 * (made by `npm ci` through `prepare`, see scripts/lib/prebuilt/build.ts) while
 * every file the bundle was built from is unchanged; rebuilds it first when one
 * changed, and runs the .ts source when it cannot be built. Plain JavaScript,
 * because type stripping is part of the start-up cost this avoids; Node's own
 * modules come from process.getBuiltinModule, because an `import` of one
 * builds its whole namespace (node:fs's loads streams) at every start.
 */
const { existsSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { createRequire, enableCompileCache } = process.getBuiltinModule('node:module');
const { dirname, join } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
const [name = ''] = process.argv.splice(2, 1);
const source = join(root, 'scripts', `${name}.ts`);
const bundle = join(cache, 'scripts', `${name}.cjs`);
if (!/^[a-z]+(?:-[a-z]+)*$/.test(name) || !existsSync(source)) {
  console.error(`没有 scripts/${name}.ts 这个脚本`);
  process.exit(2);
}

/** node:crypto is loaded only for a file whose mtime changed: most starts need none. */
function sha256(path) {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every input the manifest lists has its recorded size, and its recorded mtime or else its recorded content. */
function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'scripts', `${name}.json`), 'utf8'));
  } catch {
    return false;
  }
  if (!existsSync(bundle)) return false;
  for (const [file, recorded] of Object.entries(manifest.inputs)) {
    const path = join(root, file);
    const now = statSync(path, { throwIfNoEntry: false });
    if (!now || now.size !== recorded.size) return false;
    if (now.mtimeMs !== recorded.mtimeMs && sha256(path) !== recorded.sha256) return false;
  }
  return true;
}

let built = isFresh();
if (!built) {
  try {
    const { buildPrebuilt, PREBUILT_GROUPS } = await import('./lib/prebuilt/build.ts');
    if (PREBUILT_GROUPS[name]) {
      await buildPrebuilt(root, [name]);
      built = true;
    }
  } catch {
    // esbuild missing, a read-only tree or a syntax error in the sources: running the .ts below says what is wrong.
  }
}
// The script sees its arguments as if it had been started as `node scripts/<script>.ts …`.
process.argv.splice(1, 1, source);
if (built) {
  enableCompileCache(join(cache, 'node-compile'));
  createRequire(import.meta.url)(bundle);
} else await import(pathToFileURL(source).href);
