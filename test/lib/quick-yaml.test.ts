/** The fast path for frontmatter YAML must read exactly what the reference parser reads, or step aside. */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseEntry } from '../../src/lib/frontmatter.ts';
import { quickFrontmatter, quickYaml } from '../../src/lib/quick-yaml.ts';

/** What src/lib/frontmatter.ts reads with the `yaml` package, or 'error'. */
function reference(source: string): unknown {
  const doc = parseDocument(source, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  return doc.errors[0] ?? doc.warnings[0] ? 'error' : doc.toJS({ maxAliasCount: 0 });
}

const token = fc.constantFrom('a', 'key', ':', ': ', ' ', '  ', '\n', '- ', '-', '"', "'", '#', ' #', '\\', '|', '>', '|-', '>+', '.', '1', '0x1', '中文', '，', '：', '“', ',', '\\n', '\\u00e9', '\\x', '~', '=', '<', '%', '100%', '\n%');
const anyText = fc.array(token, { maxLength: 30 }).map((parts) => parts.join(''));
const entryLike = fc
  .array(
    fc.tuple(fc.constantFrom('', '  ', '    ', '- ', '  - '), fc.constantFrom('title', 'region', '中', 'a'), fc.constantFrom(':', ': ', ':  '), fc.array(token, { maxLength: 6 }).map((p) => p.join(''))),
    { maxLength: 8 },
  )
  .map((lines) => lines.map(([indent, key, colon, value]) => `${indent}${key}${colon}${value}\n`).join(''));

describe('quickFrontmatter', () => {
  test.each([
    ['YAML-ish token soup', anyText],
    ['entry-like lines at several indents', entryLike],
  ])('reads what the yaml package reads, or steps aside (%s)', (_, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        const quick = quickYaml(text);
        if (quick !== undefined) expect(quick).toStrictEqual(reference(text));
        expect(quickFrontmatter(text)).toStrictEqual(Array.isArray(quick) ? undefined : quick);
      }),
      { numRuns: 4000 },
    );
  });

  test.each(['a: &x b\nc: *x\n', 'a: !!str b\n', 'a: !custom b\n', 'a: [b, c]\n', '? a\n: b\n', '%YAML 1.2\n---\na: b\n', 'a: b\na: c\n', 'a: "b\n  c"\n', 'a:\n\t- b\n'])(
    'steps aside for %j (anchors, aliases, tags, flow collections, complex keys, directives, duplicates, open quotes, tabs)',
    (text) => {
      expect(quickFrontmatter(text)).toBeUndefined();
    },
  );

  test('keeps an empty value a string and a __proto__ key an own field', () => {
    const data = quickFrontmatter('title:\nthemes:\n  - \n__proto__: x\n') as Record<string, unknown>;
    expect(data).toStrictEqual(reference('title:\nthemes:\n  - \n__proto__: x\n'));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  test('reads every entry in content/ as the yaml package does', () => {
    const files = ['reports', 'cases', 'rules'].flatMap((c) => readdirSync(join('content', c), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join('content', c, f)));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const source = text.slice(3, text.indexOf('\n---', 3) + 1);
      expect(quickFrontmatter(source), file).toStrictEqual(reference(source));
    }
  });

  test('reads the theme vocabulary as the yaml package does', () => {
    const text = readFileSync('content/themes.yaml', 'utf8');
    expect(quickYaml(text)).toStrictEqual(reference(text));
  });
});

describe('parseEntry through the fast path', () => {
  test('still locates a field for a diagnostic', () => {
    const entry = parseEntry('---\ntitle: 标题\nregion: "610100"\nthemes:\n  - a\n  - b\n---\n\n正文\n', 'x.md');
    if (Array.isArray(entry)) throw new Error('expected an entry');
    expect(entry.locate(['themes', 1])).toEqual({ line: 6, column: 5 });
    expect(entry.locate(['region'])).toEqual({ line: 3, column: 9 });
  });

  test('still refuses anchors and aliases, with their line', () => {
    expect(parseEntry('---\ntitle: &t 标题\nsummary: *t\n---\n', 'x.md')).toMatchObject([{ rule: 'parse/yaml-alias', line: 2 }]);
  });
});
