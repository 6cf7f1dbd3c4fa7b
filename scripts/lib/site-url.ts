/** The published site's root URL, from the same environment the site build reads (SITE_URL, BASE_PATH). */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const site = (env['SITE_URL'] ?? 'https://example.org').replace(/\/+$/, '');
  const base = `/${(env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/\/+/g, '/');
  return `${site}${base}`;
}
