/**
 * `import url from './module.ts?lazy-url'`: the address of that module built
 * as a chunk of its own, to `import(url)` when it is first needed.
 *
 * Vite wraps every import() it can follow in its preload helper, and that
 * helper lives in a chunk shared by every page script with an import() of its
 * own: the search page's script could not run before a second request had
 * come back. An import() of an address is left alone, so the page's script
 * is one file that runs as soon as it arrives. The lazy chunk still shares
 * modules with other chunks as usual (opencc-js with the contribution form).
 */
import type { Plugin } from 'vite';

const SUFFIX = '?lazy-url';
const PREFIX = '\0lazy-url:';

export function lazyUrl(): Plugin {
  let serving = false;
  let base = '/';
  return {
    name: 'casebook:lazy-url',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      base = config.base;
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return undefined;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const file = id.slice(PREFIX.length);
      // The dev server serves any file under /@fs/; a build emits the module as a chunk and puts in its final address.
      if (serving) return `export default ${JSON.stringify(`${base}@fs${file}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
