/** robots.txt: crawling allowed; the sitemap's absolute URL honours `site` and `base`. */
import type { APIRoute } from 'astro';
import { url } from '../site/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(url('sitemap.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
