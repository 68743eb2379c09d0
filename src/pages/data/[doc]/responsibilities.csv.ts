/** /data/<id>/responsibilities.csv: one document's provision-department links. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { responsibilitiesCsv } from '../../../export/opendata.ts';
import type { PolicyDocument } from '../../../model/types.ts';
import { documentPaths, getRegistry } from '../../../site/library.ts';

export const getStaticPaths = documentPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = async ({ props: { doc } }) =>
  new Response(responsibilitiesCsv([doc], await getRegistry()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
