/**
 * Open data: every entry of a collection as one flat row, written as JSON and
 * as CSV that Excel opens (UTF-8 with BOM, list fields joined by ；), with a
 * codebook whose descriptions come from the schemas themselves.
 */
import { stringify } from 'csv-stringify/sync';
import * as z from 'zod';
import { COLLECTIONS, type CollectionName, type ContentModel } from '../schemas/index.ts';
import type { Entry } from './entry.ts';
import { regionFullName } from './regions.ts';
import { fieldLabels } from './schema-errors.ts';

/** Separator for list fields in CSV cells. */
export const LIST_SEPARATOR = '；';

export interface Column {
  /** The JSON key. */
  name: string;
  /** The CSV column header, in Chinese, for people who open the table in Excel. */
  header: string;
  description: string;
}

type Cell = string | number | string[] | null;
export type Row = Record<string, Cell>;

/** Columns that are not frontmatter fields but are added to every row. */
const EXTRA_COLUMNS: Column[] = [
  { name: 'id', header: '编号', description: '编号：条目在集合目录下的路径（不含 .md），也是网址的一部分' },
  { name: 'url', header: '网址', description: '网址：条目页面的完整地址' },
  { name: 'regionName', header: '地区名称', description: '地区名称：行政区划代码对应的完整名称，如 陕西省咸阳市秦都区' },
];
/** Added after `themes`: the themes' names in the same order as their ids. */
const THEME_NAMES: Column = { name: 'themeNames', header: '主题名称', description: '主题名称：与“主题”列的编号一一对应，如 委员工作室' };

/** A column's Chinese header: the schema's label for the field (a nested field after its parent's: 发言人姓名). */
function headerOf(name: string, labels: ReadonlyMap<string, string>): string {
  const [parent, child] = name.split('.') as [string, string | undefined];
  const parentLabel = labels.get(parent) ?? parent;
  return child ? `${parentLabel}${labels.get(name) ?? child}` : parentLabel;
}

interface JsonSchemaNode {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
}

/** The codebook of a collection: extra columns, then every field (nested fields as `parent.child`) with its schema description. */
export function codebook(collection: CollectionName, model: ContentModel = COLLECTIONS): Column[] {
  const schema = z.toJSONSchema(model[collection].schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const labels = fieldLabels(model[collection].schema);
  const fields: Column[] = [];
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    if (node.properties) {
      for (const [child, inner] of Object.entries(node.properties)) fields.push({ name: `${name}.${child}`, header: headerOf(`${name}.${child}`, labels), description: inner.description ?? '' });
    } else {
      fields.push({ name, header: headerOf(name, labels), description: node.description ?? '' });
      if (name === 'themes') fields.push(THEME_NAMES);
    }
  }
  return [...EXTRA_COLUMNS, ...fields];
}

function cell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' && item !== null ? Object.values(item as Record<string, unknown>).join(' ') : String(item)));
  }
  return typeof value === 'number' ? value : String(value);
}

/**
 * One row per entry, keys in codebook order; `url` is absolute (siteUrl ends with `/`).
 * `themeNames` maps theme ids to names for the 主题名称 column.
 */
export function toRows(collection: CollectionName, entries: readonly Entry[], siteUrl: string, themeNames: ReadonlyMap<string, string> = new Map()): Row[] {
  const columns = codebook(collection);
  return entries.map((entry) => {
    const data = entry.data as Record<string, unknown>;
    const row: Row = {};
    for (const { name } of columns) {
      if (name === 'id') row[name] = entry.id;
      else if (name === 'url') row[name] = new URL(`${collection}/${entry.id}/`, siteUrl).href;
      else if (name === 'regionName') row[name] = regionFullName(String(data['region'] ?? ''));
      else if (name === THEME_NAMES.name) row[name] = ((data['themes'] as string[] | undefined) ?? []).map((id) => themeNames.get(id) ?? id);
      else {
        const [parent, child] = name.split('.') as [string, string | undefined];
        const value = child ? (data[parent] as Record<string, unknown> | undefined)?.[child] : data[parent];
        row[name] = cell(value);
      }
    }
    return row;
  });
}

export function toJson(rows: readonly Row[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

/**
 * CSV with a header row in Chinese (the codebook maps it to the JSON keys), CRLF line ends and a
 * byte-order mark so Excel reads UTF-8. Cells that start with = + - @ (or a tab or carriage return)
 * get a leading ' so that a spreadsheet shows them as text instead of running them as formulas
 * (csv-stringify's `escape_formulas`).
 */
export function toCsv(collection: CollectionName, rows: readonly Row[]): string {
  const book = codebook(collection);
  const columns = book.map((c) => c.name);
  const records = rows.map((row) => columns.map((name) => {
    const value = row[name];
    return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value === null || value === undefined ? '' : String(value);
  }));
  return '\uFEFF' + stringify([book.map((c) => c.header), ...records], { record_delimiter: 'windows', escape_formulas: true });
}
