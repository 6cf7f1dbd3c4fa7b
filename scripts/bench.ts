/**
 * npm run bench [-- --sizes 1000,10000] [--runs 3] [--json bench-results.json] [--no-starlight]
 * Builds synthetic libraries of each size and measures build, search index,
 * validation, digest, page weight and search in Chromium, beside Astro
 * Starlight on the same corpus. A benchmark: it prints figures and asserts nothing.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './lib/cli.ts';
import { readLibrary } from './lib/read-library.ts';
import { folderBytes, measure, type Measurement } from './lib/bench/measure.ts';
import { makeProject } from './lib/bench/project.ts';
import { measureQueries, type QueryFigures } from './lib/bench/query.ts';
import { installStarlight, makeStarlightProject, removeProject } from './lib/bench/starlight.ts';
import { syntheticLibrary, vocabularyFrom, type SyntheticFile } from './lib/bench/synthetic.ts';

const REPO = process.cwd();
const NODE = process.execPath;
const ASTRO = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');

interface SizeResult {
  entries: number;
  build: Measurement;
  index: Measurement & { bytes: number };
  validateAll: Measurement;
  validateOne: Measurement;
  digest: Measurement;
  casePageBytes: number;
  query: QueryFigures;
  /** Share of entry pages the cold query matches (a query that matches everything measures little). */
  queryShare: number;
  starlight?: { build: Measurement; pageBytes: number };
}

/** HTML of a page plus the stylesheets it links, in bytes. */
function pageBytes(siteDir: string, page: string): number {
  const html = readFileSync(join(siteDir, page), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => statSync(join(siteDir, (m[1] as string).replace(/^\//, ''))).size);
  return Buffer.byteLength(html) + css.reduce((a, b) => a + b, 0);
}

/** The first entry page (cases/<year>/<slug>/index.html) under a folder, not a list page. */
function firstPage(siteDir: string, folder: string): string {
  const found = readdirSync(join(siteDir, folder), { recursive: true, encoding: 'utf8' })
    .sort()
    .find((f) => /^\d{4}\/[^/]+\/index\.html$/.test(f));
  if (!found) throw new Error(`no page under ${folder}`);
  return join(folder, found);
}

async function benchSize(files: SyntheticFile[], size: number, runs: number, starlightDir: string | undefined): Promise<SizeResult> {
  const project = makeProject(REPO, files, String(size));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const say = (what: string) => console.error(`[${size}] ${what}`);
  try {
    say('validate');
    const validateAll = await measure(NODE, ['scripts/validate.ts'], project, runs);
    const one = files.find((f) => f.path.startsWith('content/cases/'))?.path ?? files[0]?.path ?? '';
    const validateOne = await measure(NODE, ['scripts/validate.ts', one], project, runs);
    say('digest');
    const year = one.split('/')[2] ?? '2023';
    const digest = await measure(NODE, ['scripts/digest.ts', '--year', year, '--out', join(project, 'digest-out')], project, runs);
    say('build');
    // What `npm run build` runs: astro build, then the search index (Pagefind runs as a child process).
    const full = await measure('sh', ['-c', `"${NODE}" "${ASTRO}" build >/dev/null && "${NODE}" scripts/build-search-index.ts >/dev/null`], project, runs, env);
    const dist = join(project, 'dist');
    say('search index');
    const index = await measure('sh', ['-c', `rm -rf dist/pagefind && "${NODE}" scripts/build-search-index.ts >/dev/null`], project, runs, env);
    const indexBytes = folderBytes(join(dist, 'pagefind'));
    say('queries');
    const query = await measureQueries(dist, '委员工作室', '协商议事');
    const entryPages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /^(reports|cases|rules)\/.+index\.html$/.test(f)).length;
    const result: SizeResult = {
      entries: files.length,
      build: full,
      index: { ...index, bytes: indexBytes },
      validateAll,
      validateOne,
      digest,
      casePageBytes: pageBytes(dist, firstPage(dist, 'cases')),
      query,
      queryShare: query.coldMatches / Math.max(1, entryPages),
    };
    if (starlightDir) {
      say('starlight');
      const site = makeStarlightProject(starlightDir, files);
      try {
        const starlightBuild = await measure(NODE, [join(starlightDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], site, runs, env);
        result.starlight = { build: starlightBuild, pageBytes: pageBytes(join(site, 'dist'), firstPage(join(site, 'dist'), 'cases')) };
      } finally {
        removeProject(site);
      }
    }
    return result;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (m: number) => `${(m / 1024).toFixed(2)} GiB`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '—');

function table(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['full build with search (median)', (r) => `${s(r.build.ms)}${r.starlight ? `  (Starlight ${s(r.starlight.build.ms)}, ratio ${ratio(r.build.ms, r.starlight.build.ms)})` : ''}`],
    ['full build peak memory (process tree)', (r) => `${mib(r.build.peakMiB)}${r.starlight ? `  (Starlight ${mib(r.starlight.build.peakMiB)}, ratio ${ratio(r.build.peakMiB, r.starlight.build.peakMiB)})` : ''}`],
    ['search index: time', (r) => s(r.index.ms)],
    ['search index: peak memory', (r) => mib(r.index.peakMiB)],
    ['search index: size on disk', (r) => `${(r.index.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['validate all files', (r) => s(r.validateAll.ms)],
    ['validate one changed file', (r) => s(r.validateOne.ms)],
    ['digest of one year', (r) => s(r.digest.ms)],
    ['case page, HTML + CSS', (r) => `${kb(r.casePageBytes)}${r.starlight ? `  (Starlight ${kb(r.starlight.pageBytes)}, ratio ${ratio(r.casePageBytes, r.starlight.pageBytes)})` : ''}`],
    ['cold first query: time to results', (r) => `${r.query.coldMs.toFixed(0)} ms (${r.query.coldMatches} entries match, ${(r.queryShare * 100).toFixed(1)}%; ${r.query.coldResults} shown)`],
    ['cold first query: bytes transferred', (r) => kb(r.query.coldBytes)],
    ['second query: time / bytes', (r) => `${r.query.secondMs.toFixed(0)} ms / ${kb(r.query.secondBytes)}`],
  ];
  const head = `| measure | ${results.map((r) => `${r.entries} entries`).join(' | ')} |`;
  const line = `| --- | ${results.map(() => '---').join(' | ')} |`;
  return [head, line, ...rows.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string', default: 'bench-results.json' },
      'no-starlight': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs));
  const { library } = readLibrary('content');
  const vocabulary = vocabularyFrom(library.reports.map((r) => r.body), library.themes);
  const astroVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
  const starlightDir = values['no-starlight'] ? undefined : installStarlight(astroVersion);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(syntheticLibrary(size, vocabulary), size, runs, starlightDir));
  const report = { date: new Date().toISOString(), loadAverage: loadavg(), runs, results };
  writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
  console.log(table(results));
  console.log(`\nload average after the run: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; figures written to ${values.json}`);
  return 0;
}

run(main);
