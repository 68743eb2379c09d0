/** /print.css: the print rules of library pages (running footer with the site's name, page numbers). */
import type { APIRoute } from 'astro';
import { t } from '../site/strings.ts';
import { printStylesheet } from '../views/print.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(printStylesheet({ siteName: t.siteName, origin: site?.origin ?? '' }), { headers: { 'content-type': 'text/css; charset=utf-8' } });
