/** /data/departments/<id>.csv: one department's rows of responsibilities.csv (linked from its page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { responsibilitiesCsv } from '../../../export/opendata.ts';
import { getOpenDataInput } from '../../../site/policy-views.ts';

export const getStaticPaths = (async () => {
  const { departments } = await getOpenDataInput();
  return departments.map((d) => ({ params: { id: d.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(responsibilitiesCsv(await getOpenDataInput(), params.id), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
