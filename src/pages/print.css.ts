/** /print.css: the print rules that carry model text (running footer, page numbers). */
import type { APIRoute } from 'astro';
import { getPolicy } from '../site/library.ts';
import { printStylesheet } from '../views/print.ts';

export const GET: APIRoute = async ({ site }) => {
  const { document } = await getPolicy();
  const css = printStylesheet({ measuresTitle: document.data.measuresTitle, docNumber: document.data.docNumber, origin: site?.origin ?? '' });
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
