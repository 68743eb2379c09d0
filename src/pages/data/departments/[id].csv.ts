/** /data/departments/<id>.csv: one department's rows of responsibilities.csv, across the library (linked from its page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { responsibilityRowsCsv } from '../../../export/opendata.ts';
import { responsibilitiesByDepartment } from '../../../site/computed.ts';
import { getLibrary } from '../../../site/library.ts';

export const getStaticPaths = (async () => (await getLibrary()).registry.map((d) => ({ params: { id: d.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const rows = (await responsibilitiesByDepartment()).get(params.id!) ?? [];
  return new Response(responsibilityRowsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
