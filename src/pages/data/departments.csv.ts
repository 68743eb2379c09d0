/** /data/departments.csv: one row per department of the registry. */
import type { APIRoute } from 'astro';
import { departmentsCsv } from '../../export/opendata.ts';
import { getOpenDataInput } from '../../site/policy-views.ts';

export const GET: APIRoute = async () =>
  new Response(departmentsCsv(await getOpenDataInput()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
