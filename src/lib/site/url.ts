/** Internal links that respect the site's base path (BASE_PATH), so a fork can publish under a sub-path. */

/** `base` + `path`, with exactly one slash between them: joinBase('/casebook/', 'cases/') → '/casebook/cases/'. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + path.replace(/^\/+/, '');
}

/** A link inside the site: href('cases/2023/xian/') → '/casebook/cases/2023/xian/' when BASE_PATH is /casebook/. */
export function href(path = ''): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
