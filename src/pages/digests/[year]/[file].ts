/** The digest's downloads, served as committed: digest-<year>.docx and <year>.md (never through a link). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { digests } from '../../../components/site-data.ts';
import { readDigestDownload } from '../../../lib/digest-download.ts';

export const getStaticPaths = (async () =>
  (await digests()).flatMap((d) => [
    { params: { year: d.id, file: `digest-${d.id}.docx` } },
    { params: { year: d.id, file: `${d.id}.md` } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { body, type } = readDigestDownload('content/digests', String(params['file']));
  return new Response(body, { headers: { 'Content-Type': type } });
};
