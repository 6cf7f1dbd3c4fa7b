/**
 * The ids of every entry, published with the site so that the /contribute/
 * page checks a draft's references against the library as CI does.
 */
import type { APIRoute } from 'astro';
import { siteData } from '../../components/site-data.ts';

const ids = async (collection: 'reports' | 'cases' | 'rules') => (await siteData()).ofCollection(collection).map((e) => e.id).sort();

export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ reports: await ids('reports'), cases: await ids('cases'), rules: await ids('rules') }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
