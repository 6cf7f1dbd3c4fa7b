/**
 * npm run cases:compare [-- --threshold 0.6] [--verbose]
 * Drafts cases from every report that hand-written cases cite and prints how
 * many of those cases' metrics and measures the drafts reproduce.
 */
import { parseArgs } from 'node:util';
import { draftCases } from './lib/cases/draft-cases.ts';
import { compareDrafts } from './lib/cases/compare.ts';
import { readLibrary } from './lib/read-library.ts';
import { run } from './lib/cli.ts';

const percent = (n: number, d: number) => `${n}/${d}（${d === 0 ? 0 : ((100 * n) / d).toFixed(1)}%）`;

function main(): number {
  const { values } = parseArgs({ options: { threshold: { type: 'string', default: '0.6' }, verbose: { type: 'boolean', default: false } } });
  const { library } = readLibrary();
  const cited = new Set(library.cases.flatMap((c) => c.data.sources.filter((s) => s.startsWith('reports/')).map((s) => s.slice('reports/'.length))));
  const reports = library.reports.filter((r) => cited.has(r.id));
  const taken = new Set(library.cases.map((c) => c.id.split('/').at(-1) ?? c.id));
  const drafts = reports.flatMap((r) =>
    draftCases(r.id, r.data, r.body, library.themes, taken).map((d) => ({
      reportId: r.id,
      slug: d.slug,
      metrics: d.metrics,
      text: d.measure.sentences.join(''),
    })),
  );
  const result = compareDrafts(library.cases, drafts, Number(values.threshold));
  console.log(`经验交流 ${reports.length} 篇，案例初稿 ${result.drafts} 篇，手写案例 ${library.cases.length} 篇`);
  console.log(`数据（数值与单位都相同）：${percent(result.metrics.reproduced, result.metrics.total)}`);
  console.log(`初稿中的数据 ${result.metrics.drafted} 项，其中 ${percent(result.metrics.matching, result.metrics.drafted)} 也见于手写案例`);
  console.log(`做法（初稿覆盖手写案例“做法”一节二字词的 ${Number(values.threshold) * 100}% 以上，一篇初稿只对应一篇案例）：${percent(result.measures.reproduced, result.measures.total)}`);
  console.log(`做法（同上，但一篇初稿可对应几篇案例）：${percent(result.measures.covered, result.measures.total)}`);
  if (values.verbose) {
    for (const m of result.metrics.missed) console.log(`  未重现的数据 ${m}`);
    for (const m of result.measures.missed) console.log(`  未重现的做法 ${m}`);
    for (const p of result.measures.pairs) console.log(`  ${p.case} ← ${p.draft}（${p.coverage.toFixed(2)}）`);
  }
  return 0;
}

run(main);
