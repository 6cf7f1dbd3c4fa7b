/**
 * Print styles that need the site's address: on paper, links inside the site
 * are followed by their full address (https://…/cases/2023/xian/), not a bare
 * path. Linked from every page only when SITE_URL is set.
 */
import type { APIRoute } from 'astro';

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;

export function printCss(origin: string): string {
  return `@media print {\n  html main a[href^="/"]::after {\n    content: " <" ${cssString(origin)} attr(href) ">";\n  }\n}\n`;
}

export const GET: APIRoute = ({ site }) =>
  new Response(printCss(new URL(process.env['SITE_URL'] || site?.href || 'https://example.org').origin), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
