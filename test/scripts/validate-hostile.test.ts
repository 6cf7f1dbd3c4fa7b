import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { runValidation } from '../../scripts/lib/validate/run.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { slugIndex, type ValidationContext } from '../../scripts/lib/validate/context.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const themes = readThemes('content/themes.yaml');
const ids = { reports: new Set(['2023/xian']), cases: new Set<string>(), rules: new Set<string>(), themes: new Set(themes.map((t) => t.id)) };
const context: ValidationContext = {
  ids,
  idsBySlug: slugIndex(ids),
  themes,
  entryText: () => '',
};
const FILE = 'content/cases/2023/hostile.md';
const HEAD = `---
title: 测试
region: "610100"
organization: 西安市政协
year: "2023"
themes:
  - member-studio
summary: 测试。
sources:
  - reports/2023/xian
---

## 背景

## 做法

## 成效

`;

function rulesFor(text: string): string[] {
  return validateFile({ file: FILE, bytes: new TextEncoder().encode(text), isSymlink: false }, context)
    .filter((d) => d.severity === 'error')
    .map((d) => d.rule);
}

const BODY_ATTACKS: Record<string, string[]> = {
  'script tags': ['<script>alert(1)</script>', '<SCRIPT SRC=//x.example/x.js></SCRIPT>', '<scr<script>ipt>alert(1)</script>'],
  'event handlers': ['<img src=x onerror=alert(1)>', '<div onmouseover="alert(1)">x</div>', '<body onload=alert(1)>'],
  'dangerous URLs': [
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](java&#115;cript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x]( javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2Zz4=)',
    '[x][r]\n\n[r]: vbscript:msgbox(1)',
    '<javascript:alert(1)>',
  ],
  'embedding tags': ['<iframe src="https://x.example"></iframe>', '<object data="x.swf"></object>', '<embed src="x.swf">', '<link rel=import href=x>', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<base href="https://x.example/">'],
  'SVG and MathML': ['<svg><script>alert(1)</script></svg>', '<svg onload=alert(1)>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  'parser confusion': ['<!-- --><img src=x onerror=alert(1)>', '<![CDATA[<script>alert(1)</script>]]>', '<a href="x"\n>y</a>', '<style>body{display:none}</style>', '`x`<img src=x onerror=alert(1)>'],
};

describe('hostile Markdown bodies are rejected with a clear error and no crash', () => {
  for (const [category, payloads] of Object.entries(BODY_ATTACKS)) {
    test(category, () => {
      for (const payload of payloads) {
        const rules = rulesFor(HEAD + payload + '\n');
        expect(rules.some((r) => r.startsWith('content/')), payload).toBe(true);
      }
    });
  }
});

describe('hostile frontmatter is rejected with a clear error and no crash', () => {
  const attacks: [string, string, string][] = [
    ['JavaScript engine', '---js\n{ title: require("fs").writeFileSync("/tmp/pwned", "x") }\n---\n', 'parse/frontmatter-language'],
    ['JavaScript engine, long name', '---javascript\n{}\n---\n', 'parse/frontmatter-language'],
    ['JSON engine', '---json\n{"title": "x"}\n---\n', 'parse/frontmatter-language'],
    ['billion laughs', HEAD.replace('title: 测试', 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\ntitle: 测试'), 'parse/yaml-alias'],
    ['custom tag', HEAD.replace('title: 测试', 'title: !!js/function "function(){}"'), 'parse/yaml-alias'],
    ['prototype key', HEAD.replace('title: 测试', '__proto__:\n  polluted: "yes"\ntitle: 测试'), 'schema/unknown-field'],
    ['duplicate key', HEAD.replace('title: 测试', 'title: 测试\ntitle: 别的'), 'parse/yaml'],
    ['full-width space before a key', HEAD.replace('summary:', '\u3000summary:'), 'schema/unknown-field'],
    ['bidi override in a value', HEAD.replace('title: 测试', 'title: 测\u202E试'), 'parse/bidi-control'],
    ['NUL byte', HEAD.replace('title: 测试', 'title: 测\u0000试'), 'parse/nul-byte'],
  ];
  for (const [name, text, rule] of attacks) {
    test(name, () => {
      expect(rulesFor(text)).toContain(rule);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }
});

describe('validateFile on random input', () => {
  const scalar = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"610100"', '2023', '- x', '&a x', '*a', '!!str x', '[', '{', '|', '>', ''));
  const frontmatter = fc.array(fc.tuple(fc.constantFrom('title', 'region', 'organization', 'year', 'themes', 'summary', 'sources', 'metrics', 'x', '__proto__'), scalar), { maxLength: 8 });
  const body = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('## 背景', '<script>', '[a](javascript:x)', '```', '|a|b|', '> 引用', '协(xié)商,')), { maxLength: 8 });

  test('never throws, whatever the frontmatter and Markdown', () => {
    fc.assert(
      fc.property(frontmatter, body, fc.boolean(), (pairs, lines, fenced) => {
        const yaml = pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
        const text = fenced ? `---\n${yaml}\n---\n${lines.join('\n')}` : `${yaml}\n${lines.join('\n')}`;
        const result = validateFile({ file: FILE, bytes: new TextEncoder().encode(text), isSymlink: false }, context);
        expect(Array.isArray(result)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(Array.isArray(validateFile({ file: FILE, bytes, isSymlink: false }, context))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hostile file names are reported by name, never dropped, never a crash', () => {
  const CASE_TEXT = readFileSync('content/cases/2023/xian-office-work-style.md');
  const NAMES: Record<string, string> = {
    space: 'content/cases/2023/a b.md',
    Chinese: 'content/cases/2023/安康-委员.md',
    emoji: 'content/cases/2023/委员😀.md',
    'leading dash': 'content/cases/2023/-rf.md',
    'leading dashes': 'content/cases/2023/--force.md',
    'two dots': 'content/cases/2023/...md',
    'dot-dot folder': 'content/cases/../cases/2023/x.md',
    newline: 'content/cases/2023/a\nb.md',
    tab: 'content/cases/2023/a\tb.md',
    quote: 'content/cases/2023/a"b.md',
    backslash: 'content/cases/2023/a\\b.md',
    'upper case': 'content/cases/2023/Xian.md',
    'very long': `content/cases/2023/${'长'.repeat(80)}.md`,
  };
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'casebook-names-'));
    cpSync('content/themes.yaml', join(root, 'content/themes.yaml'));
    cpSync('content/reports', join(root, 'content/reports'), { recursive: true });
    mkdirSync(join(root, 'content/cases/2023'), { recursive: true });
    for (const name of Object.values(NAMES)) writeFileSync(join(root, name), CASE_TEXT);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root });
    git('init', '-q');
    git('add', 'content/themes.yaml', 'content/reports');
    git('commit', '-qm', 'base');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const located = (diagnostics: Diagnostic[], file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'error').map((d) => d.rule);

  test('a full check and a check of the changes each report every name', async () => {
    for (const selection of [{}, { changedSince: 'HEAD' }]) {
      const { files, diagnostics } = await runValidation(root, selection);
      for (const [kind, name] of Object.entries(NAMES)) {
        if (kind === 'dot-dot folder') continue; // on disk it is content/cases/2023/x.md, a good name
        expect(files, kind).toContain(name);
        expect(located(diagnostics, name), kind).toContain('path/location');
      }
    }
  }, 60_000);

  test('each name given on the command line is checked as given', async () => {
    for (const [kind, name] of Object.entries(NAMES)) {
      const { diagnostics } = await runValidation(root, { paths: [name] });
      expect(located(diagnostics, name).length, kind).toBeGreaterThan(0);
    }
  }, 60_000);

  test('a name the file system cannot hold (NUL, over 255 bytes) is an error, not a crash', async () => {
    for (const name of ['content/cases/2023/a\u0000b.md', `content/cases/2023/${'长'.repeat(100)}.md`]) {
      const { diagnostics } = await runValidation(root, { paths: [name] });
      expect(located(diagnostics, name)).toEqual(expect.arrayContaining(['path/location']));
      expect(located(diagnostics, name).some((rule) => rule === 'path/unreadable' || rule === 'path/missing')).toBe(true);
    }
  });

  test('suggests a pinyin name for a Chinese one', async () => {
    const { diagnostics } = await runValidation(root, { paths: [NAMES['Chinese'] as string] });
    expect(diagnostics.find((d) => d.rule === 'path/location')?.fix).toContain('content/cases/2023/ankang-weiyuan.md');
  });
});
