/** Open data: /data/<collection>.json and /data/<collection>.csv for reports, cases and rules. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../components/site-data.ts';
import { toCsv, toJson, toRows } from '../../lib/open-data.ts';
import { href } from '../../lib/site/url.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';

export const getStaticPaths = (() =>
  COLLECTION_NAMES.flatMap((collection) => ['json', 'csv'].map((format) => ({ params: { file: `${collection}.${format}` }, props: { collection, format } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { collection, format } = props as { collection: CollectionName; format: 'json' | 'csv' };
  const entries = (await siteData()).ofCollection(collection).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = toRows(collection, entries, new URL(href(), site).href);
  return format === 'json'
    ? new Response(toJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response(toCsv(collection, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
