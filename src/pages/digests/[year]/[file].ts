/**
 * The digest's downloads, served as committed (content/digests/digest-<year>.docx
 * and <year>.md, never through a link) under the names people see: 2023年度创新案例汇编.docx.
 */
import { basename } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { digests } from '../../../components/site-data.ts';
import { readDigestDownload } from '../../../lib/digest-download.ts';
import { digestDownloads } from '../../../lib/site/digest-downloads.ts';

export const getStaticPaths = (async () =>
  (await digests()).flatMap((d) => digestDownloads(d.id).map((file) => ({ params: { year: d.id, file: file.name }, props: { file } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: ReturnType<typeof digestDownloads>[number] };
  const { body } = readDigestDownload('content/digests', basename(file.source));
  return new Response(body, { headers: { 'Content-Type': file.contentType } });
};
