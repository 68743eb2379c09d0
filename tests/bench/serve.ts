/** The built site served as a deployment should serve it, for the benchmarks. */
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from '../../src/site/security.ts';
import { serveStatic } from '../helpers/server.ts';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The built site served as the README recommends: the security headers, gzip for text, and
 * long caching for the content-hashed files in _astro/ (the files Lighthouse would otherwise
 * flag are a server's settings, not the site's).
 */
export async function serveDeployed(dir: string, listenPort: number): Promise<{ url: string; close(): Promise<void> }> {
  const inner = await serveStatic(dir, '/', SECURITY_HEADERS);
  const server = createHttpServer(async (req, res) => {
    const upstream = await fetch(inner.origin + (req.url ?? '/'), { redirect: 'manual' });
    const headers: Record<string, string> = Object.fromEntries(upstream.headers);
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    headers['cache-control'] = (req.url ?? '').startsWith('/_astro/') || (req.url ?? '').startsWith('/pagefind/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    let body = Buffer.from(await upstream.arrayBuffer());
    if (/gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|xml|svg/.test(headers['content-type'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'Accept-Encoding';
    }
    res.writeHead(upstream.status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${listenPort}/`,
    close: async () => { await new Promise<void>((resolve) => server.close(() => resolve())); await inner.close(); },
  };
}

