/** robots.txt: crawling allowed; with SITE set, the sitemap's absolute URL (honouring `site` and `base`). */
import type { APIRoute } from 'astro';
import { url } from '../site/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = site ? `\nSitemap: ${new URL(url('sitemap.xml'), site).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
