/** A small static file server for a built site, on 127.0.0.1, with the site's base path. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface StaticServer {
  /** Origin plus base path, ending in /. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/', headers: Record<string, string> = {}, port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (file: string, status = 200) => {
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(dir, '404.html');
      if (existsSync(page)) send(page, 404);
      else { res.writeHead(404, headers); res.end('not found'); }
    };
    if (!path.startsWith(base)) return notFound();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/`, ...headers });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    send(file);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
