/**
 * /policies/<id>/<id>.docx: the document as a Word file in the layout of GB/T 9704 (src/export/docx.ts).
 * Named by the document's id, so the file name is plain ASCII wherever it is saved.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentDocx } from '../../../export/docx.ts';
import type { PolicyDocument } from '../../../model/types.ts';
import { documentPaths } from '../../../site/library.ts';

export const getStaticPaths = (async () =>
  (await documentPaths()).map((p) => ({ params: { ...p.params, file: p.params.doc }, props: p.props }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = async ({ props: { doc } }) =>
  new Response(await documentDocx(doc), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
