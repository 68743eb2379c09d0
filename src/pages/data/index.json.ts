/** /data/index.json: every document of the library with its metadata and the data files that belong to it. */
import type { APIRoute } from 'astro';
import { libraryIndexData } from '../../export/opendata.ts';
import { cataloguingOf, listPolicies } from '../../site/library.ts';
import { absolute, routes } from '../../site/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const abs = (path: string) => absolute(path, site);
  const docs = await listPolicies();
  const cataloguing = new Map(await Promise.all(docs.map(async (d) => [d.id, await cataloguingOf(d)] as const)));
  const data = libraryIndexData(docs, {
    document: (id) => abs(routes.document(id)),
    policyJson: (id) => abs(routes.documentFile(id, 'policy.json')),
    responsibilitiesCsv: (id) => abs(routes.documentFile(id, 'responsibilities.csv')),
    docx: (id) => abs(routes.docx(id)),
  }, (d) => cataloguing.get(d.id)!);
  return new Response(JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
