import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkReferences } from '../../src/lib/library.ts';
import { findTextProblems } from '../../src/lib/chinese-text.ts';
import { REQUIRED_CASE_SECTIONS } from '../../src/schemas/case.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';

const { library, diagnostics } = readLibrary('content');
const entries = [...library.reports, ...library.cases, ...library.rules];

describe('bundled content', () => {
  test('every entry passes its schema', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test('has the twelve seed reports, at least 24 cases and the rules they name', () => {
    expect(library.reports).toHaveLength(12);
    expect(library.cases.length).toBeGreaterThanOrEqual(24);
    expect(library.rules.length).toBeGreaterThan(0);
  });

  test('every reference resolves', () => {
    expect(checkReferences(library).map(formatDiagnostic)).toEqual([]);
  });

  test('no entry contains a pinyin reading, a traditional-only character or ASCII punctuation between Chinese characters', () => {
    const found = entries.flatMap((entry) => {
      const text = entry.body + '\n' + JSON.stringify(entry.data);
      return text.split('\n').flatMap((line, i) => findTextProblems(line).map((p) => `${entry.file}:${i + 1} ${p.kind} ${p.found}`));
    });
    expect(found).toEqual([]);
  });

  test('every case has the 背景, 做法 and 成效 sections', () => {
    const missing = library.cases.flatMap((c) =>
      REQUIRED_CASE_SECTIONS.filter((s) => !new RegExp(`^## ${s}\\s*$`, 'm').test(c.body)).map((s) => `${c.file}: ## ${s}`),
    );
    expect(missing).toEqual([]);
  });

  test('every figure in a case appears in one of its sources', () => {
    const sourceText = (ref: string) => {
      const [collection, ...rest] = ref.split('/');
      const id = rest.join('/');
      const found = (collection === 'reports' ? library.reports : library.rules).find((e) => e.id === id);
      return found ? found.body + found.data.title : '';
    };
    const unsupported = library.cases.flatMap((c) => {
      const sources = c.data.sources.map(sourceText).join('\n');
      const figures = [...c.body.matchAll(/\d+(?:\.\d+)?/g), ...(c.data.metrics ?? []).map((m) => [m.value] as const)].map((m) => m[0]);
      return figures.filter((f) => !new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d.])`).test(sources)).map((f) => `${c.file}: ${f}`);
    });
    expect(unsupported).toEqual([]);
  });
});

describe('rules documents named in reports', () => {
  test('each one named in 《》 has a rule entry that lists the report in mentionedIn', async () => {
    const { ruleNeeds } = await import('../../scripts/lib/rules/rule-files.ts');
    const gaps = ruleNeeds(library)
      .filter((n) => !n.rule || !n.rule.data.mentionedIn.includes(n.report.id))
      .map((n) => `${n.report.file}: 《${n.mention.title}》`);
    expect(gaps).toEqual([]);
  });
});
