/** /data/policy.json: the whole policy as data (see /data/ and policy.schema.json). */
import type { APIRoute } from 'astro';
import { policyData } from '../../export/opendata.ts';
import { getOpenDataInput } from '../../site/policy-views.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(policyData(await getOpenDataInput()), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
