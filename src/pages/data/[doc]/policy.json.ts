/** /data/<id>/policy.json: one document as data (see /data/ and policy.schema.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { policyData } from '../../../export/opendata.ts';
import type { PolicyDocument } from '../../../model/types.ts';
import { cataloguingOf, documentPaths, getRegistry } from '../../../site/library.ts';
import { referencesOf } from '../../../site/computed.ts';
import { absolute, routes } from '../../../site/routes.ts';

export const getStaticPaths = documentPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = async ({ site, props: { doc } }) => {
  const data = policyData(doc, await getRegistry(), await cataloguingOf(doc), (id) => absolute(routes.provision(doc.id, id), site), await referencesOf(doc));
  return new Response(JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
