/**
 * A tiny static file server for the built site, for browser tests and benchmarks: serves
 * `root` under `base` on 127.0.0.1 with an ephemeral port, 404.html for misses. Like
 * GitHub Pages and CDNs, it sends text files gzip-compressed to browsers that accept it
 * (the search index's .bin files are gzip already and go as they are).
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface StaticServer {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:40123/casebook/`. */
  url: string;
  close(): Promise<void>;
}

function fileFor(root: string, pathname: string): string | undefined {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

const COMPRESSED_TYPES = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt', '.xml']);

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const inside = pathname.startsWith(base) ? '/' + pathname.slice(base.length) : undefined;
    const file = inside === undefined ? undefined : fileFor(root, inside);
    const target = file ?? fileFor(root, '/404.html');
    if (!target) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] ?? 'text/plain' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', vary: 'accept-encoding' };
    let body: Buffer;
    if (COMPRESSED_TYPES.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipped.get(target) ?? gzipSync(readFileSync(target));
      gzipped.set(target, body);
      headers['content-encoding'] = 'gzip';
    } else {
      body = readFileSync(target);
    }
    res.writeHead(file ? 200 : 404, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
