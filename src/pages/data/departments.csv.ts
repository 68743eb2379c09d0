/** /data/departments.csv: one row per department of the registry, with its totals across the library. */
import type { APIRoute } from 'astro';
import { departmentsCsv } from '../../export/opendata.ts';
import { getLibrary } from '../../site/library.ts';

export const GET: APIRoute = async () => {
  const { documents, registry } = await getLibrary();
  return new Response(departmentsCsv(documents, registry), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
