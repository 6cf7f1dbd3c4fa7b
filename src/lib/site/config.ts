/**
 * The site's settings, read once at build (and by the scripts) from the
 * environment: where the site is published and how to reach its editors.
 * A fork sets these as repository variables; the README lists them.
 */
type Env = Record<string, string | undefined>;

/** GitHub Pages' address for DEFAULT_REPO_URL (src/lib/site/repo.ts): where the site is published when SITE_URL is not set. */
export const DEFAULT_SITE_URL = 'https://casebook-cppcc.github.io/casebook/';

/** The editors' office, named in the instructions for sending a contribution. */
export const DEFAULT_EDITOR_OFFICE = '政协案例库编辑部';

/**
 * Where contributions and corrections go when EDITOR_EMAIL is not set: a
 * reserved, undeliverable address, so that a site built without the setting
 * is visibly unconfigured (the build warns) rather than sending mail to a stranger.
 */
export const DEFAULT_EDITOR_EMAIL = 'editors@casebook.example';

/** Hosts that are never a published site: links to them in a digest or a print-out are a mistake. */
export function isPlaceholderHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return true;
  }
  return /(^|\.)(example\.(org|com|net)|localhost|test|example|invalid)$/.test(host) || host === '127.0.0.1' || host === '[::1]';
}

/** The published site's root URL, ending in `/`: SITE_URL plus BASE_PATH when set, else DEFAULT_SITE_URL. */
export function publishedSiteUrl(env: Env = process.env): string {
  const site = env['SITE_URL']?.trim().replace(/\/+$/, '');
  if (!site) return DEFAULT_SITE_URL;
  const base = `/${(env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/\/+/g, '/');
  return `${site}${base}`;
}

export interface EditorContact {
  email: string;
  office: string;
}

/** EDITOR_EMAIL and EDITOR_OFFICE, with the defaults above. */
export function editorContact(env: Env = process.env): EditorContact {
  return { email: env['EDITOR_EMAIL']?.trim() || DEFAULT_EDITOR_EMAIL, office: env['EDITOR_OFFICE']?.trim() || DEFAULT_EDITOR_OFFICE };
}

/** A mailto: link with subject and body filled in (encoded the way mail apps read them). */
export function mailto(email: string, subject: string, body: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
