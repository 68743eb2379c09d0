/** /data/responsibilities.csv: one row per measure-department link. */
import type { APIRoute } from 'astro';
import { responsibilitiesCsv } from '../../export/opendata.ts';
import { getOpenDataInput } from '../../site/policy-views.ts';

export const GET: APIRoute = async () =>
  new Response(responsibilitiesCsv(await getOpenDataInput()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
