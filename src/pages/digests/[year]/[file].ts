/** The digest's downloads, served as committed: digest-<year>.docx and <year>.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { digests } from '../../../components/site-data.ts';

const TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

export const getStaticPaths = (async () =>
  (await digests()).flatMap((d) => [
    { params: { year: d.id, file: `digest-${d.id}.docx` } },
    { params: { year: d.id, file: `${d.id}.md` } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = String(params['file']);
  const body = readFileSync(join(process.cwd(), 'content', 'digests', file));
  return new Response(body, { headers: { 'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' } });
};
