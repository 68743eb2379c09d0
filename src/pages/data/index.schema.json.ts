/** /data/index.schema.json: the JSON Schema (draft 2020-12) of index.json, from the same Zod schema that validates it. */
import type { APIRoute } from 'astro';
import { libraryIndexJsonSchema } from '../../export/opendata.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(libraryIndexJsonSchema(), null, 2) + '\n', { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
