import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { shareContaining, syntheticLibrary, vocabularyFrom } from '../../scripts/lib/bench/synthetic.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { slugIndex, type ValidationContext } from '../../scripts/lib/validate/context.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const { library } = readLibrary('content');
const vocabulary = vocabularyFrom([...library.reports, ...library.cases].map((e) => e.body), library.themes);

describe('syntheticLibrary', () => {
  test('is the same for the same size and seed', () => {
    expect(syntheticLibrary(50, vocabulary)).toEqual(syntheticLibrary(50, vocabulary));
  });

  test('passes the validator with no error, so benchmarks measure a realistic library', () => {
    const files = syntheticLibrary(300, vocabulary);
    const texts = new Map(files.map((f) => [f.path, f.content]));
    const ids = { reports: new Set<string>(), cases: new Set<string>(), rules: new Set<string>(), themes: new Set(library.themes.map((t) => t.id)) };
    for (const f of files) {
      const m = /^content\/(reports|cases|rules)\/(.+)\.md$/.exec(f.path);
      if (m) ids[m[1] as 'reports' | 'cases' | 'rules'].add(m[2] as string);
    }
    const context: ValidationContext = {
      ids,
      idsBySlug: slugIndex(ids),
      themes: library.themes,
      entryText: (collection, id) => texts.get(`content/${collection}/${id}.md`),
    };
    const errors = files.flatMap((f) => validateFile({ file: f.path, bytes: new TextEncoder().encode(f.content), isSymlink: false }, context)).filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic)).toEqual([]);
    expect(ids.cases.size).toBeGreaterThan(ids.reports.size);
  });

  test('a query for one practice matches a small share of the entries, not nearly all', () => {
    const files = syntheticLibrary(2000, vocabulary);
    expect(shareContaining(files, '委员工作室')).toBeGreaterThan(0.02);
    expect(shareContaining(files, '委员工作室')).toBeLessThan(0.25);
  });

  test('groups the seed sentences by the theme they are most about', () => {
    expect(vocabulary.topics.length).toBeGreaterThan(5);
    const studio = vocabulary.topics.find((t) => t.theme === 'member-studio');
    expect(studio?.sentences.every((s) => /工作室/.test(s))).toBe(true);
    expect(vocabulary.general.some((s) => s.includes('工作室'))).toBe(false);
  });
});
