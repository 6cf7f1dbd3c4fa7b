/**
 * The digest's downloads, served as committed (content/digests/digest-<year>.docx
 * and <year>.md) under the names people see: 2023年度创新案例汇编.docx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { digestDownloads } from '../../../lib/site/digest-downloads.ts';

export const getStaticPaths = (async () =>
  (await getCollection('digests')).flatMap((d) => digestDownloads(d.id).map((file) => ({ params: { year: d.id, file: file.name }, props: { file } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: ReturnType<typeof digestDownloads>[number] };
  return new Response(readFileSync(join(process.cwd(), file.source)), { headers: { 'Content-Type': file.contentType } });
};
