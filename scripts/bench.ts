/**
 * npm run bench [-- --sizes 1000,10000] [--runs 3] [--json bench-results.json] [--no-starlight]
 *   [--budget-minutes 8] [--steps validate,digest,pages,plain,build,index,query,starlight]
 *
 * Builds synthetic libraries of each size (scripts/lib/bench/synthetic.ts) in
 * a copy of the project and measures the full build, the search index,
 * validation, the digest, page weight and search in Chromium, beside Astro
 * Starlight building the same corpus, and the page build alone beside a plain
 * Astro project rendering the same Markdown (scripts/lib/bench/plain-astro.ts). A benchmark: it prints figures and
 * asserts nothing. Each command runs up to --runs times (median time, highest
 * peak memory), but is not repeated once its runs took --budget-minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './lib/cli.ts';
import { bothFit } from './lib/build-plan.ts';
import { readLibrary } from './lib/read-library.ts';
import { compareColdQueries, type ColdQuery } from './lib/bench/cold-query.ts';
import { fit, folderBytes, measure, measureAlternating, type Command, type Fit, type Measurement } from './lib/bench/measure.ts';
import { makeProject } from './lib/bench/project.ts';
import { makePlainAstroProject, removePlainAstroProject } from './lib/bench/plain-astro.ts';
import { largestListPage } from './lib/bench/list-pages.ts';
import { measureQueries, type QueryFigures } from './lib/bench/query.ts';
import { installStarlight, makeStarlightProject, removeProject, STARLIGHT_VERSION } from './lib/bench/starlight.ts';
import { shareContaining, syntheticLibrary, vocabularyFrom, type SyntheticFile } from './lib/bench/synthetic.ts';

const REPO = process.cwd();
const NODE = process.execPath;
const ASTRO = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** A practice (one theme's) and a phrase: the cold and the second query. */
const QUERIES = ['委员工作室', '协商议事'] as const;

const STEPS = ['validate', 'digest', 'pages', 'plain', 'build', 'index', 'query', 'starlight'] as const;
type Step = (typeof STEPS)[number];

interface SizeResult {
  entries: number;
  /** Load average (1, 5, 15 min) when this size started and when it ended. */
  load: { before: number[]; after: number[] };
  build?: Measurement;
  /** `astro build` alone (no search index), and a plain Astro project building the same Markdown. */
  pages?: Measurement;
  plainAstro?: Measurement;
  largestListPage?: { page: string; bytes: number } | undefined;
  index?: Measurement & { bytes: number; files: number };
  validateAll?: Measurement;
  validateOne?: Measurement;
  digest?: Measurement;
  casePageBytes?: number;
  query?: QueryFigures;
  /** Share of entry files whose text contains the cold query as typed, and share of entry pages the search returns for it. */
  queryShare: { text: number; search?: number };
  starlight?: { build: Measurement; pageBytes: number };
  /** The cold query on this site and on Starlight's Pagefind, in one browser run (scripts/lib/bench/cold-query.ts). */
  coldVsStarlight?: { casebook: ColdQuery; starlight: ColdQuery };
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

/**
 * Astro's content layer, which the plain Astro and Starlight comparators use,
 * keeps each entry's rendered Markdown in node_modules/.astro/data-store.json
 * and reuses it in the next build of the same files. Every measured Astro
 * build starts without it, as a fresh clone in CI does (the projects here
 * share the repository's node_modules).
 */
const coldAstro = (nodeModules: string) => () => rmSync(join(nodeModules, '.astro', 'data-store.json'), { force: true });

/**
 * Every measured build also starts without the output of the one before it,
 * as in a fresh clone: Astro empties an existing dist/ first, and removing the
 * 13,000 pages of a 10,000-entry build took about 10 s here, inside the
 * measured time of whichever build came second.
 */
const freshBuild = (nodeModules: string, dist: string) => () => {
  coldAstro(nodeModules)();
  rmSync(dist, { recursive: true, force: true });
};

const load = () => loadavg().map((l) => Number(l.toFixed(2)));

/**
 * A project folder once the system has written its files to disk (`sync`): tens of thousands of
 * files just written are flushed in the background, and that must not land in the first measurement.
 */
function settled(dir: string): string {
  execFileSync('sync', [], { stdio: 'ignore' });
  return dir;
}

async function benchSize(files: SyntheticFile[], size: number, steps: ReadonlySet<Step>, runs: number, budgetMs: number, starlightDir: string | undefined): Promise<SizeResult> {
  const before = load();
  const project = settled(makeProject(REPO, files, String(size)));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const say = (what: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${size} entries: ${what} (load ${load().join(' ')})`);
  const options = { runs, budgetMs, env };
  const dist = join(project, 'dist');
  const astroOptions = { ...options, before: freshBuild(join(REPO, 'node_modules'), dist) };
  const result: SizeResult = { entries: files.length, load: { before, after: [] }, queryShare: { text: shareContaining(files, QUERIES[0]) } };
  try {
    const one = files.find((f) => f.path.startsWith('content/cases/'))?.path ?? files[0]?.path ?? '';
    if (steps.has('validate')) {
      // As after `npm ci` (prepare): the prebuilt bundles exist, and `npm run validate` runs them through the launcher.
      await measure(NODE, ['scripts/build-scripts.ts'], project, { ...options, runs: 1 });
      const validate = ['scripts/run-prebuilt.mjs', 'validate'];
      say('validate all files');
      // The validator exits 1 when it finds errors; the synthetic library has none, but its exit code is not the point here.
      // The median of at least three, all printed: the first run reads files the system may have paged out meanwhile
      // (these machines page out file data unused for a minute), and a library of 10,000 takes longer than that to write.
      result.validateAll = await measure(NODE, validate, project, { ...options, runs: Math.max(3, runs), okCodes: [0, 1] });
      say('validate one changed file');
      writeFileSync(join(project, one), readFileSync(join(project, one), 'utf8').replace(/\n$/, '\n\n补充一句说明。\n'));
      // A fraction of a second: one run is mostly noise, so it is the median of at least five.
      result.validateOne = await measure(NODE, [...validate, one], project, { ...options, runs: Math.max(5, runs), okCodes: [0, 1] });
    }
    if (steps.has('digest')) {
      say('digest');
      result.digest = await measure(NODE, ['scripts/digest.ts', '--year', one.split('/')[2] ?? '2023', '--out', join(project, 'digest-out')], project, options);
    }
    const buildCommand = ['-c', `"${NODE}" scripts/build-site.ts >/dev/null`];
    if (steps.has('pages') || steps.has('plain')) {
      // With both steps the two builds take turns (pages, plain, pages, …): their ratio is a target, and
      // these machines' speed drifts over minutes, so a slow spell should slow both rather than one.
      say([steps.has('pages') && 'page build alone (astro build)', steps.has('plain') && 'plain Astro build of the same Markdown'].filter(Boolean).join(', in turn with a '));
      const plain = steps.has('plain') ? settled(makePlainAstroProject(REPO, files, String(size))) : undefined;
      try {
        const commands: Command[] = [
          ...(steps.has('pages') ? [{ command: NODE, args: [ASTRO, 'build'], cwd: project, options: astroOptions }] : []),
          ...(plain ? [{ command: NODE, args: [ASTRO, 'build'], cwd: plain, options: { env, before: freshBuild(join(REPO, 'node_modules'), join(plain, 'dist')) } }] : []),
        ];
        const measured = await measureAlternating(commands, options);
        if (steps.has('pages')) result.pages = measured[0] as Measurement;
        if (plain) result.plainAstro = measured.at(-1) as Measurement;
      } finally {
        if (plain) removePlainAstroProject(plain);
      }
    }
    if (steps.has('pages')) result.largestListPage = largestListPage(dist);
    if (steps.has('build')) {
      say('full build (astro build + search index)');
      // What `npm run build` runs.
      result.build = await measure('sh', buildCommand, project, astroOptions);
    } else if (steps.has('index') || steps.has('query')) {
      say('build (not measured: the index and the queries need a built site)');
      await measure('sh', buildCommand, project, { ...options, runs: 1 });
    }
    if (existsSync(dist)) result.casePageBytes = pageBytes(dist, firstPage(dist, 'cases'));
    if (existsSync(dist)) result.largestListPage ??= largestListPage(dist);
    if (steps.has('index')) {
      say('search index alone');
      const index = await measure('sh', ['-c', `rm -rf dist/search-index && "${NODE}" scripts/build-search-index.ts >/dev/null`], project, options);
      result.index = { ...index, bytes: folderBytes(join(dist, 'search-index')), files: readdirSync(join(dist, 'search-index'), { recursive: true }).length };
    }
    if (steps.has('query')) {
      say('queries in Chromium');
      result.query = await measureQueries(dist, QUERIES[0], QUERIES[1]);
      const entryPages = files.filter((f) => /^content\/(reports|cases|rules)\//.test(f.path)).length;
      result.queryShare.search = result.query.coldMatches / Math.max(1, entryPages);
    }
    if (starlightDir && steps.has('starlight')) {
      say(`Starlight ${STARLIGHT_VERSION} build`);
      const site = settled(makeStarlightProject(starlightDir, files));
      try {
        const starlightBuild = await measure(NODE, [join(starlightDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], site, { ...options, before: freshBuild(join(starlightDir, 'node_modules'), join(site, 'dist')) });
        result.starlight = { build: starlightBuild, pageBytes: pageBytes(join(site, 'dist'), firstPage(join(site, 'dist'), 'cases')) };
        if (existsSync(dist) && steps.has('query')) {
          say(`cold query ${QUERIES[0]}: this site and Starlight's Pagefind in one browser run`);
          result.coldVsStarlight = await compareColdQueries(dist, join(site, 'dist'), QUERIES[0]);
        }
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
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const times = (m: Measurement) => (m.runs.length > 1 ? ` [${m.runs.length} runs]` : ' [1 run]');

/** Rows of the cold-query comparison with Starlight (scripts/lib/bench/cold-query.ts). */
function coldRows(query: string): [string, (r: SizeResult) => string][] {
  const dash = '—';
  const cold = (c: ColdQuery) => `${c.ms.toFixed(0)} ms [${c.runs.join(', ')}]; ${kb(c.bytes)} in ${c.requests} requests, of which search data ${kb(c.dataBytes)} in ${c.dataRequests}`;
  return [
    [`cold query ${query}, same browser run: this site`, (r) => (r.coldVsStarlight ? cold(r.coldVsStarlight.casebook) : dash)],
    [`cold query ${query}, same browser run: Starlight (Pagefind)`, (r) => (r.coldVsStarlight ? cold(r.coldVsStarlight.starlight) : dash)],
    [`cold query ${query}: time ratio this site / Starlight`, (r) => (r.coldVsStarlight ? ratio(r.coldVsStarlight.casebook.ms, r.coldVsStarlight.starlight.ms) : dash)],
  ];
}

function table(results: SizeResult[]): string {
  const dash = '—';
  const rows: [string, (r: SizeResult) => string][] = [
    ['pages only (astro build); plain Astro; ratio', (r) => (r.pages ? `${s(r.pages.ms)}${times(r.pages)}` : dash) + (r.plainAstro ? `; plain Astro ${s(r.plainAstro.ms)}${times(r.plainAstro)}; ratio ${ratio(r.pages?.ms, r.plainAstro.ms)}` : '')],
    ['page build peak memory; plain Astro', (r) => (r.pages ? gib(r.pages.peakMiB) : dash) + (r.plainAstro ? `; plain Astro ${gib(r.plainAstro.peakMiB)}` : '')],
    ['largest list page (HTML)', (r) => (r.largestListPage ? `${kb(r.largestListPage.bytes)} (${r.largestListPage.page})` : dash)],
    ['full build with search (median)', (r) => (r.build ? `${s(r.build.ms)}${times(r.build)}` : dash) + (r.starlight ? `; Starlight ${s(r.starlight.build.ms)}${times(r.starlight.build)}; ratio ${ratio(r.build?.ms, r.starlight.build.ms)}` : '')],
    ['full build peak memory (process tree)', (r) => (r.build ? gib(r.build.peakMiB) : dash) + (r.starlight ? `; Starlight ${gib(r.starlight.build.peakMiB)}; ratio ${ratio(r.build?.peakMiB, r.starlight.build.peakMiB)}` : '')],
    ['search index alone: time', (r) => (r.index ? `${s(r.index.ms)}${times(r.index)}` : dash)],
    ['search index alone: peak memory', (r) => (r.index ? gib(r.index.peakMiB) : dash)],
    ['search index: size on disk', (r) => (r.index ? `${(r.index.bytes / 1024 / 1024).toFixed(1)} MB in ${r.index.files} files` : dash)],
    ['validate all files (median of at least 3 runs, first run first)', (r) => (r.validateAll ? `${s(r.validateAll.ms)} [${r.validateAll.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}]` : dash)],
    ['validate one changed file (median of at least 5 runs)', (r) => (r.validateOne ? `${s(r.validateOne.ms)} [${r.validateOne.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}]` : dash)],
    ['digest of one year', (r) => (r.digest ? s(r.digest.ms) : dash)],
    ['case page, HTML + CSS', (r) => (r.casePageBytes ? kb(r.casePageBytes) : dash) + (r.starlight ? `; Starlight ${kb(r.starlight.pageBytes)}; ratio ${ratio(r.casePageBytes, r.starlight.pageBytes)}` : '')],
    [`cold query ${QUERIES[0]}: time to results`, (r) => (r.query ? `${r.query.coldMs.toFixed(0)} ms (wall ${r.query.coldWallMs.toFixed(0)} ms)` : dash)],
    [`cold query ${QUERIES[0]}: transferred`, (r) => (r.query ? `${kb(r.query.coldBytes)} in ${r.query.coldRequests} requests` : dash)],
    [`cold query ${QUERIES[0]}: matches`, (r) => (r.query ? `${r.query.coldMatches} (${((r.queryShare.search ?? 0) * 100).toFixed(1)}% of entries; ` : '(') + `text contains it: ${(r.queryShare.text * 100).toFixed(1)}%)`],
    [`second query ${QUERIES[1]}: time / transferred`, (r) => (r.query ? `${r.query.secondMs.toFixed(0)} ms / ${kb(r.query.secondBytes)} in ${r.query.secondRequests} requests (${r.query.secondMatches} matches)` : dash)],
    ...coldRows(QUERIES[0]),
    ['load average (1 min) before → after', (r) => `${r.load.before[0]} → ${r.load.after[0]}`],
  ];
  const head = `| measure | ${results.map((r) => `${r.entries} entries`).join(' | ')} |`;
  const line = `| --- | ${results.map(() => '---').join(' | ')} |`;
  return [head, line, ...rows.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`)].join('\n');
}

function projection(results: SizeResult[], at: number): { indexPeakMiB?: Fit | undefined; indexMs?: Fit | undefined; buildPeakMiB?: Fit | undefined; pagesPeakMiB?: Fit | undefined; at: number } {
  const points = (get: (r: SizeResult) => number | undefined) => results.flatMap((r) => (get(r) === undefined ? [] : [[r.entries, get(r) as number] as const]));
  const index = points((r) => r.index?.peakMiB);
  const indexMs = points((r) => r.index?.ms);
  const build = points((r) => r.build?.peakMiB);
  const pages = points((r) => r.pages?.peakMiB);
  const fitted = (list: (readonly [number, number])[]) => (list.length > 1 ? fit(list, at) : undefined);
  return { at, indexPeakMiB: fitted(index), indexMs: fitted(indexMs), buildPeakMiB: fitted(build), pagesPeakMiB: fitted(pages) };
}

/**
 * One unmeasured build of this site around a small library, before anything
 * is measured. Without it the first measured build (this site's pages, at the
 * first size) also pays for reading Astro, Vite and Rolldown from disk, and
 * the plain Astro build measured after it does not.
 */
function warmUp(files: SyntheticFile[]): void {
  const project = makeProject(REPO, files, 'warm-up');
  try {
    execFileSync(NODE, [ASTRO, 'build'], { cwd: project, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** How many font faces for Chinese the system has (fontconfig), or undefined without fc-list. */
function chineseFonts(): number | undefined {
  const listed = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return listed.status === 0 ? listed.stdout.split('\n').filter(Boolean).length : undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string', default: 'bench-results.json' },
      'no-starlight': { type: 'boolean', default: false },
      'budget-minutes': { type: 'string', default: '8' },
      steps: { type: 'string', default: STEPS.join(',') },
    },
  });
  const steps = new Set(values.steps.split(',').map((step) => {
    if (!(STEPS as readonly string[]).includes(step)) throw new Error(`--steps: some of ${STEPS.join(',')}`);
    return step as Step;
  }));
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs));
  const budgetMs = Number(values['budget-minutes']) * 60_000;
  const { library } = readLibrary('content');
  const vocabulary = vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);
  const astroVersion = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
  const starlightDir = values['no-starlight'] || !steps.has('starlight') ? undefined : installStarlight(astroVersion);
  const machine = { cpus: cpus().length, memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)), node: process.version, astro: astroVersion, starlight: starlightDir ? STARLIGHT_VERSION : undefined, chineseFonts: chineseFonts() };
  warmUp(syntheticLibrary(20, vocabulary));
  const loadAtStart = load();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await benchSize(syntheticLibrary(size, vocabulary), size, steps, runs, budgetMs, starlightDir));
    // Written after every size, so a long run that is stopped keeps what it measured.
    writeFileSync(values.json, JSON.stringify({ date: new Date().toISOString(), machine, steps: [...steps], loadAverage: { start: loadAtStart, end: load() }, runs, queries: QUERIES, results, projection: projection(results, 100_000) }, null, 2) + '\n');
  }
  console.log(table(results));
  const p = projection(results, 100_000);
  const projected: [string, Fit | undefined][] = [
    ['search index peak memory', p.indexPeakMiB],
    ['full build peak memory', p.buildPeakMiB],
    ['page build peak memory', p.pagesPeakMiB],
  ];
  if (projected.some(([, f]) => f) || p.indexMs) console.log(`\nprojected to ${p.at} entries (least squares over the sizes measured):`);
  for (const [name, f] of projected) if (f) console.log(`  ${name}: ${gib(f.linear)} linear, ${gib(f.power)} power law (exponent ${f.exponent.toFixed(2)})`);
  if (p.indexMs) console.log(`  search index time: ${s(p.indexMs.linear)} linear, ${s(p.indexMs.power)} power law (exponent ${p.indexMs.exponent.toFixed(2)})`);
  // What npm run build would do there on GitHub's standard 7 GB runner (2 cores): side by side only when both peaks fit.
  const runner = 7e9;
  if (p.pagesPeakMiB && p.indexPeakMiB && !bothFit(p.at, runner, 2)) {
    const larger = (k: 'linear' | 'power') => Math.max(p.pagesPeakMiB?.[k] ?? 0, p.indexPeakMiB?.[k] ?? 0);
    console.log(`  full build on a 7 GB runner: pages, then the index (scripts/lib/build-plan.ts), so its peak is the larger of the two: ${gib(larger('linear'))} linear, ${gib(larger('power'))} power law`);
  }
  // Without a Chinese font the browser looks for one for every character it lays out: pages lay out slower than on a phone.
  console.log(`\n${machine.cpus} CPUs, ${machine.memoryGiB} GiB; ${machine.chineseFonts === undefined ? 'Chinese fonts unknown (no fc-list)' : `${machine.chineseFonts} Chinese font faces (fc-list :lang=zh)`}; load average at start ${loadAtStart.join(' ')}, at end ${load().join(' ')}; figures written to ${values.json}`);
  return 0;
}

run(main);
