/** /policies/<id>/print.css: the print rules that carry a document's text (running footer with its title and 发文字号, page numbers). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citedTitle } from '../../../model/derive.ts';
import type { PolicyDocument } from '../../../model/types.ts';
import { documentPaths } from '../../../site/library.ts';
import { printStylesheet } from '../../../views/print.ts';

export const getStaticPaths = documentPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = ({ site, props: { doc } }) => {
  // On paper the carried document starts under its own title, unless the text repeats it (or there is no notice).
  const carried = (doc.form ?? 'notice') === 'notice' && !doc.carriedTitle;
  const css = printStylesheet({ provisionsTitle: citedTitle(doc), docNumber: doc.docNumber ?? undefined, preambleTitle: carried, origin: site?.origin ?? '' });
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
