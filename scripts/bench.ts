/**
 * npm run bench [-- --sizes 1000,10000] [--runs 3] [--json bench-results.json] [--no-starlight] [--budget-minutes 8] [--what-if related]
 *
 * Builds synthetic libraries of each size (scripts/lib/bench/synthetic.ts) in
 * a copy of the project and measures the full build, the search index,
 * validation, the digest, page weight and search in Chromium, beside Astro
 * Starlight building the same corpus. A benchmark: it prints figures and
 * asserts nothing. Each command runs up to --runs times (median time, highest
 * peak memory), but is not repeated once its runs took --budget-minutes.
 * --what-if <change> measures the copy with a proposed design change applied
 * (see WHAT_IF in scripts/lib/bench/project.ts); the project is never changed.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './lib/cli.ts';
import { readLibrary } from './lib/read-library.ts';
import { fit, folderBytes, measure, type Fit, type Measurement } from './lib/bench/measure.ts';
import { makeProject, WHAT_IF, type WhatIf } from './lib/bench/project.ts';
import { measureQueries, type QueryFigures } from './lib/bench/query.ts';
import { installStarlight, makeStarlightProject, removeProject, STARLIGHT_VERSION } from './lib/bench/starlight.ts';
import { shareContaining, syntheticLibrary, vocabularyFrom, type SyntheticFile } from './lib/bench/synthetic.ts';

const REPO = process.cwd();
const NODE = process.execPath;
const ASTRO = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** A practice (one theme's) and a phrase: the cold and the second query. */
const QUERIES = ['委员工作室', '协商议事'] as const;

interface SizeResult {
  entries: number;
  /** Load average (1, 5, 15 min) when this size started and when it ended. */
  load: { before: number[]; after: number[] };
  build: Measurement;
  index: Measurement & { bytes: number; files: number };
  validateAll: Measurement;
  validateOne: Measurement;
  digest: Measurement;
  casePageBytes: number;
  query: QueryFigures;
  /** Share of entry files whose text contains the cold query as typed, and share of entry pages Pagefind returns for it. */
  queryShare: { text: number; search: number };
  starlight?: { build: Measurement; pageBytes: number };
}

/** HTML of a page plus the stylesheets it links, in bytes. */
function pageBytes(siteDir: string, page: string): number {
  const html = readFileSync(join(siteDir, page), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g), ...html.matchAll(/<link[^>]+href="([^"]+\.css)"[^>]+rel="stylesheet"/g)].map((m) => m[1] as string);
  return Buffer.byteLength(html) + [...new Set(css)].reduce((sum, href) => sum + statSync(join(siteDir, href.replace(/^\//, ''))).size, 0);
}

/** The first entry page (cases/<year>/<slug>/index.html) under a folder, not a list page. */
function firstPage(siteDir: string, folder: string): string {
  const found = readdirSync(join(siteDir, folder), { recursive: true, encoding: 'utf8' })
    .sort()
    .find((f) => /^\d{4}\/[^/]+\/index\.html$/.test(f));
  if (!found) throw new Error(`no page under ${folder}`);
  return join(folder, found);
}

const load = () => loadavg().map((l) => Number(l.toFixed(2)));

async function benchSize(files: SyntheticFile[], size: number, runs: number, budgetMs: number, starlightDir: string | undefined, whatIf: WhatIf[]): Promise<SizeResult> {
  const before = load();
  const project = makeProject(REPO, files, String(size));
  for (const change of whatIf) WHAT_IF[change](project);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const say = (what: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${size} entries: ${what} (load ${load().join(' ')})`);
  const options = { runs, budgetMs, env };
  try {
    say('validate all files');
    // The validator exits 1 when it finds errors; the synthetic library has none, but a warning-free exit is not the point here.
    const validateAll = await measure(NODE, ['scripts/validate.ts'], project, { ...options, okCodes: [0, 1] });
    const one = files.find((f) => f.path.startsWith('content/cases/'))?.path ?? files[0]?.path ?? '';
    say('validate one file');
    const validateOne = await measure(NODE, ['scripts/validate.ts', one], project, { ...options, okCodes: [0, 1] });
    say('digest');
    const year = one.split('/')[2] ?? '2023';
    const digest = await measure(NODE, ['scripts/digest.ts', '--year', year, '--out', join(project, 'digest-out')], project, options);
    say('full build (astro build + search index)');
    // What `npm run build` runs; Pagefind runs as a child process and is counted in the peak.
    const build = await measure('sh', ['-c', `"${NODE}" "${ASTRO}" build >/dev/null && "${NODE}" scripts/build-search-index.ts >/dev/null`], project, options);
    const dist = join(project, 'dist');
    say('search index alone');
    const index = await measure('sh', ['-c', `rm -rf dist/pagefind && "${NODE}" scripts/build-search-index.ts >/dev/null`], project, options);
    const indexFiles = readdirSync(join(dist, 'pagefind'), { recursive: true }).length;
    const indexBytes = folderBytes(join(dist, 'pagefind'));
    say('queries in Chromium');
    const query = await measureQueries(dist, QUERIES[0], QUERIES[1]);
    const entryPages = files.filter((f) => /^content\/(reports|cases|rules)\//.test(f.path)).length;
    const result: SizeResult = {
      entries: files.length,
      load: { before, after: [] },
      build,
      index: { ...index, bytes: indexBytes, files: indexFiles },
      validateAll,
      validateOne,
      digest,
      casePageBytes: pageBytes(dist, firstPage(dist, 'cases')),
      query,
      queryShare: { text: shareContaining(files, QUERIES[0]), search: query.coldMatches / Math.max(1, entryPages) },
    };
    if (starlightDir) {
      say(`Starlight ${STARLIGHT_VERSION} build`);
      const site = makeStarlightProject(starlightDir, files);
      try {
        const starlightBuild = await measure(NODE, [join(starlightDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], site, options);
        result.starlight = { build: starlightBuild, pageBytes: pageBytes(join(site, 'dist'), firstPage(join(site, 'dist'), 'cases')) };
      } finally {
        removeProject(site);
      }
    }
    result.load.after = load();
    say('done');
    return result;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

const s = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const gib = (mib: number) => `${(mib / 1024).toFixed(2)} GiB`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '—');
const times = (m: Measurement) => (m.runs.length > 1 ? ` [${m.runs.length} runs]` : ' [1 run]');

function table(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['full build with search (median)', (r) => `${s(r.build.ms)}${times(r.build)}${r.starlight ? `; Starlight ${s(r.starlight.build.ms)}${times(r.starlight.build)}; ratio ${ratio(r.build.ms, r.starlight.build.ms)}` : ''}`],
    ['full build peak memory (process tree)', (r) => `${gib(r.build.peakMiB)}${r.starlight ? `; Starlight ${gib(r.starlight.build.peakMiB)}; ratio ${ratio(r.build.peakMiB, r.starlight.build.peakMiB)}` : ''}`],
    ['search index alone: time', (r) => `${s(r.index.ms)}${times(r.index)}`],
    ['search index alone: peak memory', (r) => gib(r.index.peakMiB)],
    ['search index: size on disk', (r) => `${(r.index.bytes / 1024 / 1024).toFixed(1)} MB in ${r.index.files} files`],
    ['validate all files', (r) => s(r.validateAll.ms)],
    ['validate one changed file', (r) => s(r.validateOne.ms)],
    ['digest of one year', (r) => s(r.digest.ms)],
    ['case page, HTML + CSS', (r) => `${kb(r.casePageBytes)}${r.starlight ? `; Starlight ${kb(r.starlight.pageBytes)}; ratio ${ratio(r.casePageBytes, r.starlight.pageBytes)}` : ''}`],
    [`cold query ${QUERIES[0]}: time to results`, (r) => `${r.query.coldMs.toFixed(0)} ms (wall ${r.query.coldWallMs.toFixed(0)} ms)`],
    [`cold query ${QUERIES[0]}: transferred`, (r) => `${kb(r.query.coldBytes)} in ${r.query.coldRequests} requests`],
    [`cold query ${QUERIES[0]}: matches`, (r) => `${r.query.coldMatches} (${(r.queryShare.search * 100).toFixed(1)}% of entries; text contains it: ${(r.queryShare.text * 100).toFixed(1)}%)`],
    [`second query ${QUERIES[1]}: time / transferred`, (r) => `${r.query.secondMs.toFixed(0)} ms / ${kb(r.query.secondBytes)} in ${r.query.secondRequests} requests (${r.query.secondMatches} matches)`],
    ['load average (1 min) before → after', (r) => `${r.load.before[0]} → ${r.load.after[0]}`],
  ];
  const head = `| measure | ${results.map((r) => `${r.entries} entries`).join(' | ')} |`;
  const line = `| --- | ${results.map(() => '---').join(' | ')} |`;
  return [head, line, ...rows.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`)].join('\n');
}

function projection(results: SizeResult[], at: number): { indexPeakMiB?: Fit; buildPeakMiB?: Fit; at: number } {
  if (results.length < 2) return { at };
  return { at, indexPeakMiB: fit(results.map((r) => [r.entries, r.index.peakMiB]), at), buildPeakMiB: fit(results.map((r) => [r.entries, r.build.peakMiB]), at) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string', default: 'bench-results.json' },
      'no-starlight': { type: 'boolean', default: false },
      'budget-minutes': { type: 'string', default: '8' },
      'what-if': { type: 'string', multiple: true, default: [] },
    },
  });
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs));
  const budgetMs = Number(values['budget-minutes']) * 60_000;
  const whatIf = values['what-if'].map((w) => {
    if (!(w in WHAT_IF)) throw new Error(`--what-if: one of ${Object.keys(WHAT_IF).join(', ')}`);
    return w as WhatIf;
  });
  const { library } = readLibrary('content');
  const vocabulary = vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);
  const astroVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
  const starlightDir = values['no-starlight'] ? undefined : installStarlight(astroVersion);
  const machine = { cpus: cpus().length, memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)), node: process.version, astro: astroVersion, starlight: starlightDir ? STARLIGHT_VERSION : undefined };
  const loadAtStart = load();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await benchSize(syntheticLibrary(size, vocabulary), size, runs, budgetMs, starlightDir, whatIf));
    // Written after every size, so a long run that is stopped keeps what it measured.
    writeFileSync(values.json, JSON.stringify({ date: new Date().toISOString(), machine, whatIf, loadAverage: { start: loadAtStart, end: load() }, runs, queries: QUERIES, results, projection: projection(results, 100_000) }, null, 2) + '\n');
  }
  if (whatIf.length) console.log(`WHAT-IF: measured with ${whatIf.join(', ')} applied to the copy (not the project as it is)\n`);
  console.log(table(results));
  const p = projection(results, 100_000);
  if (p.indexPeakMiB && p.buildPeakMiB) {
    console.log(`\nprojected to ${p.at} entries (least squares over ${results.map((r) => r.entries).join(', ')}):`);
    console.log(`  search index peak memory: ${gib(p.indexPeakMiB.linear)} linear, ${gib(p.indexPeakMiB.power)} power law (exponent ${p.indexPeakMiB.exponent.toFixed(2)})`);
    console.log(`  full build peak memory:   ${gib(p.buildPeakMiB.linear)} linear, ${gib(p.buildPeakMiB.power)} power law (exponent ${p.buildPeakMiB.exponent.toFixed(2)})`);
  }
  console.log(`\n${machine.cpus} CPUs, ${machine.memoryGiB} GiB; load average at start ${loadAtStart.join(' ')}, at end ${load().join(' ')}; figures written to ${values.json}`);
  return 0;
}

run(main);
