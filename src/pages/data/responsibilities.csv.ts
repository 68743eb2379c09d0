/** /data/responsibilities.csv: one row per provision-department link, across every document of the library. */
import type { APIRoute } from 'astro';
import { responsibilitiesCsv } from '../../export/opendata.ts';
import { getLibrary } from '../../site/library.ts';

export const GET: APIRoute = async () => {
  const { documents, registry } = await getLibrary();
  return new Response(responsibilitiesCsv(documents, registry), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
