/** Open data: /data/<collection>.json and /data/<collection>.csv for reports, cases and rules. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataFiles } from '../../lib/site/open-data-files.ts';
import { href } from '../../lib/site/url.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';

export const getStaticPaths = (() =>
  COLLECTION_NAMES.flatMap((collection) => ['json', 'csv'].map((format) => ({ params: { file: `${collection}.${format}` }, props: { collection, format } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { collection, format } = props as { collection: CollectionName; format: 'json' | 'csv' };
  const files = await openDataFiles(collection, new URL(href(), site).href);
  return format === 'json'
    ? new Response(files.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response(files.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
