import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { Library, LocatedEntry } from '../../src/lib/library.ts';
import { toEntry } from '../../src/lib/entry.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { caseHeadings, compileDigest } from '../../scripts/lib/digest/compile.ts';
import { digestDocx } from '../../scripts/lib/digest/docx.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import { prepareDigest } from '../../scripts/lib/digest/prepare.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';

const { library } = readLibrary('content');

function documentText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('compileDigest', () => {
  test('the 2023 digest built from the bundled content is the committed one', () => {
    const compiled = compileDigest(library, 2023);
    if (Array.isArray(compiled)) throw new Error(compiled.map((d) => d.message).join('\n'));
    expect(compiled.markdown).toBe(readFileSync('content/digests/2023.md', 'utf8'));
  });

  test('links every case in the region index to its own section', () => {
    const compiled = compileDigest(library, 2023);
    if (Array.isArray(compiled)) throw new Error('no digest');
    const index = compiled.markdown.split('## 按地区索引')[1]?.split('\n## ')[0] ?? '';
    const links = [...index.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(library.cases.filter((c) => c.data.year === 2023).length);
    expect(new Set(links).size).toBe(links.length);
  });

  test('for random sets of cases, every case of the year appears exactly once and none of another year', () => {
    const themes = readThemes();
    const template = library.cases[0] as LocatedEntry<'cases'>;
    const arbitraryCase = fc.record({
      slug: fc.stringMatching(/^[a-z]{1,8}$/),
      year: fc.integer({ min: 2021, max: 2024 }),
      theme: fc.constantFrom(...themes.map((t) => t.id)),
      title: fc.stringMatching(/^[一-龥]{2,12}$/),
      region: fc.constantFrom('610100', '610402', '610723', '110101'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryCase, { selector: (c) => `${c.year}/${c.slug}`, maxLength: 30 }), fc.integer({ min: 2021, max: 2024 }), (cases, year) => {
        const entries = cases.map((c, i): LocatedEntry<'cases'> => ({
          ...template,
          ...toEntry('cases', `${c.year}/${c.slug}`, `content/cases/${c.year}/${c.slug}.md`, { ...template.data, year: c.year, themes: [c.theme], title: `${c.title}${i}`, region: c.region, sources: [] }, template.body),
        }));
        const lib: Library = { ...library, cases: entries };
        const compiled = compileDigest(lib, year);
        const ofYear = entries.filter((e) => e.data.year === year);
        if (ofYear.length === 0) {
          expect(Array.isArray(compiled)).toBe(true);
        } else {
          if (Array.isArray(compiled)) throw new Error(compiled.map((d) => d.message).join('\n'));
          expect([...caseHeadings(compiled.markdown)].sort()).toEqual(ofYear.map((e) => e.data.title).sort());
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('digestDocx', () => {
  test('is OOXML holding every case title of the year, in digest order, with A4 pages and page numbers', async () => {
    const compiled = compileDigest(library, 2023);
    if (Array.isArray(compiled)) throw new Error('no digest');
    const docx = await digestDocx(compiled.model, { siteUrl: 'https://example.org/' });
    const files = unzipSync(docx);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
    const text = documentText(docx);
    let at = text.indexOf('二、按主题');
    for (const c of compiled.model.cases) {
      const next = text.indexOf(c.entry.data.title, at);
      expect(next, c.entry.data.title).toBeGreaterThan(at);
      at = next;
    }
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:w="11906" w:h="16838"');
    const footer = Object.keys(files).find((f) => f.startsWith('word/footer'));
    expect(strFromU8(files[footer as string] as Uint8Array)).toContain('PAGE');
  });

});

describe('npm run digest', () => {
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [resolve('scripts/digest.ts'), ...args], { cwd, encoding: 'utf8' });

  test('two runs with --out write only the Markdown and the Word file there, byte-identical, with identical parts', () => {
    const [a, b] = [0, 1].map(() => {
      const out = mkdtempSync(join(tmpdir(), 'casebook-digest-'));
      expect(run(process.cwd(), '--year', '2023', '--out', out).status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['2023.md', 'digest-2023.docx']);
      return { md: readFileSync(join(out, '2023.md')), docx: unzipSync(readFileSync(join(out, 'digest-2023.docx'))) };
    });
    expect(a?.md.equals(b?.md as Buffer)).toBe(true);
    expect(Object.keys(a?.docx ?? {})).toEqual(Object.keys(b?.docx ?? {}));
    for (const name of Object.keys(a?.docx ?? {})) {
      expect(Buffer.from(a?.docx[name] as Uint8Array).equals(Buffer.from(b?.docx[name] as Uint8Array)), name).toBe(true);
    }
  }, 90_000); // two runs, each laying out the Word pages for the table of contents (≈5 s)

  test('writes nothing when a case of the year is invalid', () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-digest-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    const file = join(root, 'content/cases/2023/qindu-1-3-consultation-platform.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('reports/2023/qindu', 'reports/2023/nowhere'));
    const out = join(root, 'out');
    const result = run(root, '--year', '2023', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('reference/unresolved');
    expect(existsSync(out)).toBe(false);
  });

  test('refuses to write a Word file linking to example.org or localhost unless --draft', () => {
    for (const site of ['https://example.org', 'http://localhost:4321', 'http://127.0.0.1:8080']) {
      const out = join(mkdtempSync(join(tmpdir(), 'casebook-digest-')), 'out');
      const result = spawnSync(process.execPath, [resolve('scripts/digest.ts'), '--year', '2023', '--out', out], { encoding: 'utf8', env: { ...process.env, SITE_URL: site } });
      expect(result.status, site).toBe(2);
      expect(result.stderr).toContain('不是正式网址');
      expect(existsSync(out)).toBe(false);
    }
    const out = mkdtempSync(join(tmpdir(), 'casebook-digest-'));
    const draft = spawnSync(process.execPath, [resolve('scripts/digest.ts'), '--year', '2023', '--out', out, '--draft'], { encoding: 'utf8', env: { ...process.env, SITE_URL: 'http://localhost:4321' } });
    expect(draft.status).toBe(0);
    expect(documentText(readFileSync(join(out, 'digest-2023.docx')))).toContain('http://localhost:4321/cases/');
  }, 60_000);
});

describe('the committed 2023 digest', () => {
  const docx = readFileSync('content/digests/digest-2023.docx');
  const text = documentText(docx);
  test('links to the published site, never to a placeholder address', () => {
    const links = [...text.matchAll(/https?:\/\/[^\s<>）]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => /example\.org|localhost|127\.0\.0\.1/.test(l))).toEqual([]);
  });
  test('its table of contents has page numbers written in, and the cover says how to refresh them', () => {
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    const entries = [...xml.matchAll(/PAGEREF (_Toc\d+)[\s\S]*?<w:t(?: [^>]*)?>(\d+)<\/w:t>/g)];
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.every((m) => Number(m[2]) >= 2)).toBe(true);
    expect(text).toContain('目录页码已按 A4 版式写入');
  });
  test('its overview says a case may have several themes, and its section figures add up to the total', () => {
    const compiled = compileDigest(library, 2023);
    if (Array.isArray(compiled)) throw new Error('no digest');
    const total = compiled.model.cases.length;
    expect(text).toContain(`本汇编收录 2023 年创新案例 ${total} 个`);
    expect(text).toContain('一个案例可属多个主题');
    const body = text.slice(text.lastIndexOf('二、按主题'), text.lastIndexOf('三、按地区索引')); // past the table of contents
    const sections = [...body.matchAll(/（(\d+) 个）/g)].map((m) => Number(m[1]));
    expect(sections.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('prepareDigest, as npm run digest and the digest workflow run it', () => {
  const commands = {
    'npm run digest': (cwd: string) => spawnSync(process.execPath, [resolve('scripts/digest.ts'), '--year', '2023', '--out', join(cwd, 'out')], { cwd, encoding: 'utf8' }),
    'digest.yml': (cwd: string) => {
      const event = join(cwd, 'event.json');
      writeFileSync(event, '{}');
      const env = { ...process.env, INPUT_YEAR: '2023', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r', GITHUB_TOKEN: '', GITHUB_API_URL: 'http://127.0.0.1:9' };
      return spawnSync(process.execPath, [resolve('scripts/open-digest-pr.ts')], { cwd, encoding: 'utf8', env });
    },
  };

  test('both block, with the same problems, on a report the year’s cases cite that does not parse', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casebook-digest-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'content/reports/2023/qindu.md'), '---js\n{}\n---\n');
    const prepared = await prepareDigest(2023, { root, siteUrl: 'https://example.org/' });
    const problems = Array.isArray(prepared) ? prepared.map(formatDiagnostic) : [];
    expect(problems.some((p) => p.startsWith('content/reports/2023/qindu.md:'))).toBe(true);
    for (const [name, command] of Object.entries(commands)) {
      const result = command(root);
      expect(result.status, name).toBe(1);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('content/')), name).toEqual(problems);
    }
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  test('gives the committed Markdown for the bundled content', async () => {
    const prepared = await prepareDigest(2023, { siteUrl: 'https://example.org/' });
    if (Array.isArray(prepared)) throw new Error(prepared.map(formatDiagnostic).join('\n'));
    expect(prepared.markdown).toBe(readFileSync('content/digests/2023.md', 'utf8'));
    expect(prepared.checked.every((f) => f.startsWith('content/cases/2023/'))).toBe(true);
  });
});

