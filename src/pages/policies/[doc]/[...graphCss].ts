/** /policies/<id>/graph.css: the rules of the graph page's diagrams, drawn at build time (mermaid's own rules and its style attributes). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { PolicyDocument } from '../../../model/types.ts';
import { graphDrawingsOf, graphPaths } from '../../../site/views.ts';

// /policies/<id>/graph.css (a rest parameter only to come late in Astro's order, see graphPaths()).
export const getStaticPaths = (() => graphPaths('graphCss', 'graph.css')) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = async ({ props: { doc } }) =>
  new Response((await graphDrawingsOf(doc)).css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
