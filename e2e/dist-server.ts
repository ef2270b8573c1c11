// The production build served the way scripts/serve.mjs serves it (under /chartproof/), from
// inside a test, with files that can be swapped or added while a tab is open: a "new build"
// for the service worker, or a publisher's trusted-keys/ dropped in.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const DIST = resolve(process.env.E2E_DIST ?? 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export function serveDist(overrides: Map<string, Buffer | string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const rel = path.replace(/^\/chartproof\//, '') || 'index.html';
    if (!path.startsWith('/chartproof/') || rel.includes('..')) return res.writeHead(404).end();
    try {
      const body = overrides.get(rel) ?? readFileSync(join(DIST, rel));
      const type = TYPES[extname(rel)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The app's address on a server from serveDist. */
export const appUrl = (server: Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/chartproof/`;
