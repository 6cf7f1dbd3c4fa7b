/** Open data: /data/<collection>.json and /data/<collection>.csv for reports, cases and rules. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { AnyEntry } from '../../lib/library.ts';
import { toCsv, toJson, toRows } from '../../lib/open-data.ts';
import { href } from '../../lib/site/url.ts';
import type { CollectionName } from '../../schemas/index.ts';

const COLLECTIONS: CollectionName[] = ['reports', 'cases', 'rules'];

export const getStaticPaths = (() =>
  COLLECTIONS.flatMap((collection) => ['json', 'csv'].map((format) => ({ params: { file: `${collection}.${format}` }, props: { collection, format } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { collection, format } = props as { collection: CollectionName; format: 'json' | 'csv' };
  const entries = (await getCollection(collection)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as unknown as AnyEntry[];
  const rows = toRows(collection, entries, new URL(href(), site).href);
  return format === 'json'
    ? new Response(toJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response(toCsv(collection, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
