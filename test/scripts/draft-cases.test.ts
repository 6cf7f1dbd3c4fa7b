/** Case drafts from reports: one per measure, only the report's own sentences and figures, valid files, never an overwrite. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftCases, metricsOf } from '../../scripts/lib/cases/draft-cases.ts';
import { compareDrafts, coverage, practiceOf } from '../../scripts/lib/cases/compare.ts';
import { readReportBody, sentencesOf } from '../../scripts/lib/cases/measures.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { runValidation } from '../../scripts/lib/validate/run.ts';
import type { Case } from '../../src/schemas/case.ts';

const { library } = readLibrary('content');
const seedReports = library.reports.filter((r) => r.id.startsWith('2023/'));

describe('readReportBody', () => {
  test('one measure per 一、 section, per （一） section inside it, and per 一是… item', () => {
    const body = [
      '开头一句。',
      '## 一、建好工作室',
      '建成工作室12个。',
      '## 二、工作回顾',
      '### （一）协商议政',
      '召开协商会6次。',
      '### （二）民主监督',
      '选聘监督员30名。',
      '## 三、完善机制',
      '围绕两件事：一是建立台账，逐项明确责任；二是跟踪督办，采纳率达到95%。',
    ].join('\n\n');
    const { opening, measures } = readReportBody(body);
    expect(opening).toEqual(['开头一句。']);
    expect(measures.map((m) => [m.heading, m.sentences])).toEqual([
      ['建好工作室', ['建成工作室12个。']],
      ['协商议政', ['召开协商会6次。']],
      ['民主监督', ['选聘监督员30名。']],
      ['建立台账', ['一是建立台账，逐项明确责任；']],
      ['跟踪督办', ['二是跟踪督办，采纳率达到95%。']],
    ]);
  });
});

describe('metricsOf', () => {
  test('takes figures with their unit as printed, and the noun after or the verb before as label', () => {
    expect(metricsOf(['建设23个委员工作室，宣讲66场次，提出“微建议”500余条，采纳率达到95%。'])).toEqual([
      { label: '委员工作室', value: '23', unit: '个' },
      { label: '宣讲', value: '66', unit: '场次' },
      { label: '提出“微建议”', value: '500', unit: '余条' },
      { label: '采纳率达到', value: '95', unit: '%' },
    ]);
  });

  test('leaves out numbers without a unit, years and ordinals', () => {
    expect(metricsOf(['2023年，第3次会议研究了“1+3”平台。'])).toEqual([]);
  });
});

describe('draftCases on the seed reports', () => {
  const taken = new Set(library.cases.map((c) => c.id.split('/').at(-1) ?? ''));
  const drafts = seedReports.flatMap((r) => draftCases(r.id, r.data, r.body, library.themes, new Set(taken)).map((d) => ({ report: r, draft: d })));

  test('every sentence of 背景, 做法 and 成效 and every metric is printed in the report', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(seedReports.length);
    for (const { report, draft } of drafts) {
      const body = draft.content.slice(draft.content.indexOf('\n---\n') + 5);
      for (const line of body.split('\n').filter((l) => l && !l.startsWith('## '))) {
        for (const sentence of sentencesOf(line.replace(/^- /, ''))) expect(report.body).toContain(sentence);
      }
      for (const m of draft.metrics) expect(report.body).toContain(`${m.value}${m.unit}`);
      expect(draft.content.match(/^ {2}- label:/gm) ?? []).toHaveLength(draft.metrics.length);
    }
  });

  test('the drafts pass npm run validate without errors', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-cases-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    const names = new Set<string>();
    for (const { draft } of drafts) {
      const file = draft.path.replace(/\.md$/, `-${names.size}.md`);
      names.add(file);
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), draft.content);
    }
    const { diagnostics } = await runValidation(root, {});
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 60_000);
});

describe('compareDrafts', () => {
  const handCase = (id: string, practice: string, metrics: Case['metrics'] = []): { id: string; data: Case; body: string } => ({
    id,
    data: { title: id, region: '610100', organization: '西安市政协', year: 2023, themes: ['member-studio'], summary: 's', sources: ['reports/2023/xian'], metrics } as unknown as Case,
    body: `## 背景\n\n甲。\n\n## 做法\n\n${practice}\n\n## 成效\n\n乙。\n`,
  });

  test('counts metrics equal in value and unit, and pairs each case with at most one draft', () => {
    const cases = [handCase('a', '- 建设委员工作室。', [{ label: '委员工作室', value: '23', unit: '个' }]), handCase('b', '- 建设委员工作室。', [{ label: '宣讲', value: '66', unit: '场' }])];
    const drafts = [{ reportId: '2023/xian', slug: 'd1', metrics: [{ value: '23', unit: '个' }, { value: '66', unit: '场次' }], text: '以界别为依托建设委员工作室。' }];
    const result = compareDrafts(cases, drafts);
    expect(result.metrics).toMatchObject({ total: 2, reproduced: 1, drafted: 2, matching: 1 });
    expect(result.measures).toMatchObject({ total: 2, reproduced: 1, covered: 2 });
  });

  test('coverage is the share of the case’s character pairs found in the draft', () => {
    expect(coverage('建设工作室', '建设工作室12个')).toBe(1);
    expect(coverage('甲乙丙', '丙丁')).toBe(0);
    expect(practiceOf('## 背景\n\n甲。\n\n## 做法\n\n- 乙。\n\n## 成效\n\n丙。')).toBe('- 乙。');
  });
});

describe('npm run cases', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/draft-cases.ts', ...args], { encoding: 'utf8' });

  test('prints drafts, writes them with --write, and never overwrites an existing file', () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-cases-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    const content = join(root, 'content');
    const before = readdirSync(join(content, 'cases/2023')).length;
    const printed = run('--content', content, '--from', '2023/xian');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('# content/cases/2023/xian-');
    expect(readdirSync(join(content, 'cases/2023'))).toHaveLength(before);

    const first = run('--content', content, '--from', '2023/xian', '--write');
    expect(first.status).toBe(0);
    const written = readdirSync(join(content, 'cases/2023')).filter((f) => f.startsWith('xian-chuangxin'));
    expect(written.length).toBeGreaterThan(0);
    const firstFile = join(content, 'cases/2023', written[0] ?? '');
    writeFileSync(firstFile, `${readFileSync(firstFile, 'utf8')}\n编辑改过。\n`);
    expect(run('--content', content, '--from', '2023/xian', '--write').status).toBe(0);
    expect(readFileSync(firstFile, 'utf8')).toContain('编辑改过。');
    expect(run('--content', content, '--from', '2023/nowhere').stderr).toContain('找不到经验交流“2023/nowhere”');
  }, 60_000);
});
