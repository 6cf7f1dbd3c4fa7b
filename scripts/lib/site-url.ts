/** The published site's root URL, from the same environment the site build reads (SITE_URL, BASE_PATH). */
export { publishedSiteUrl as siteUrl } from '../../src/lib/site/config.ts';
