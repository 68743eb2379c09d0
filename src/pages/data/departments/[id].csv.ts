/** /data/departments/<id>.csv: one department's rows of responsibilities.csv, across the library (linked from its page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { responsibilitiesCsv } from '../../../export/opendata.ts';
import { getLibrary } from '../../../site/library.ts';

export const getStaticPaths = (async () => (await getLibrary()).registry.map((d) => ({ params: { id: d.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { documents, registry } = await getLibrary();
  return new Response(responsibilitiesCsv(documents, registry, params.id), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
