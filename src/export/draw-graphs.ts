/**
 * The build's second step (src/build.ts, after `astro build`; alone: `node src/export/draw-graphs.ts`):
 * draws the diagrams of the built pages that ask for it, so the
 * reader's phone loads no diagram library and lays nothing out.
 *
 * A page's diagram asks for it with data-predraw (src/components/departments/Diagram.astro, the
 * graph page): Astro writes it as for drawing in the browser, every view's mermaid source in a
 * <script type="text/plain">. This step draws the views the page starts with (the first, shown
 * on wide screens, and data-narrow-view, shown on narrow ones) with mermaid in jsdom
 * (src/export/mermaid-svg.ts), in worker threads (src/export/mermaid-client.ts), and rewrites the
 * page: the SVGs in the canvas, their sources removed (the other views stay sources, drawn in the
 * browser when asked for), data-predraw turned into data-drawn, and a link to the stylesheet that
 * holds the SVGs' rules (the URL data-predraw names), which it writes.
 *
 * After Astro, outside its process, rather than inside Astro's build: drawing 1,000
 * documents' graphs takes minutes of CPU, which here runs on every core with only the workers in
 * memory; beside Astro's page rendering it took a core from Astro and added the workers' memory
 * to the 3.5 GB Astro holds (README, Scale).
 *
 * OUT_DIR and BASE_PATH as in astro.config.mjs. A page this step cannot draw or rewrite stops it
 * with the page's path and why, and changes nothing: the rewritten pages and stylesheets are
 * written under temporary names and take their places only once every page is drawn.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runAlone, runStep, siteDir } from '../build-step.ts';
import { drawInWorker } from './mermaid-client.ts';
import type { RenderedDiagrams } from './mermaid-svg.ts';

/** The pages that can hold a diagram to draw: each document's graph page. */
export function predrawPages(outDir: string): string[] {
  const policies = join(outDir, 'policies');
  if (!existsSync(policies)) return [];
  return readdirSync(policies)
    .sort()
    .map((id) => join(policies, id, 'graph', 'index.html'))
    .filter((file) => existsSync(file));
}

/** A diagram in a built page, to be drawn. */
export interface Predraw {
  /** The box's start tag, as written. */
  startTag: string;
  /** The stylesheet's URL (data-predraw). */
  stylesheet: string;
  /** Every view's key and mermaid source, in the page's order. */
  views: { key: string; source: string; tag: string }[];
  /** The views drawn here: the first, and the narrow screen's first. */
  wide: string;
  narrow: string;
  /** The canvas element, as written. */
  canvas: string;
  /** The canvas's accessible name (data-label) and the text equivalent's id (data-text). */
  label: string;
  describedBy: string | undefined;
}

/** The attributes of a start tag (values as written, entities not decoded). */
function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? '']));
}

/** Text of an attribute value as Astro writes it. */
const unescapeAttr = (s: string) => s.replace(/&(quot|amp|lt|gt|#39);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e]!);

/**
 * The diagram a page asks to have drawn, or null when it asks for none. Throws (plain words) when
 * the page asks but its diagram is not as Diagram.astro writes it.
 */
export function findPredraw(html: string): Predraw | null {
  const starts = [...html.matchAll(/<div class="pe-diagram"[^>]*\sdata-predraw="[^"]*"[^>]*>/g)];
  if (starts.length === 0) return null;
  if (starts.length > 1) throw new Error(`${starts.length} diagrams ask to be drawn; this step draws one per page`);
  const startTag = starts[0]![0];
  const at = starts[0]!.index!;
  const attrs = attributes(startTag);
  const rest = html.slice(at + startTag.length);
  const canvas = rest.match(/<div class="pe-diagram__canvas" data-canvas>(?:(?!<\/?div\b)[\s\S])*<\/div>/)?.[0];
  if (!canvas) throw new Error('the diagram has no canvas to draw in (<div class="pe-diagram__canvas" data-canvas>)');
  const views = [...rest.matchAll(/<script type="text\/plain" data-source="([^"]+)">([\s\S]*?)<\/script>/g)]
    .map((m) => ({ key: unescapeAttr(m[1]!), source: m[2]!, tag: m[0] }));
  if (views.length === 0) throw new Error('the diagram has no mermaid source (<script type="text/plain" data-source>)');
  const wide = views[0]!.key;
  const asked = attrs.has('data-narrow-view') ? unescapeAttr(attrs.get('data-narrow-view')!) : wide;
  const narrow = views.some((v) => v.key === asked) ? asked : wide;
  const stylesheet = unescapeAttr(attrs.get('data-predraw')!);
  if (!stylesheet) throw new Error('data-predraw names no stylesheet');
  return { startTag, stylesheet, views, wide, narrow, canvas, label: attrs.get('data-label') ?? '', describedBy: attrs.get('data-text') };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The keys of the views this step draws for a diagram. */
export const drawnKeys = (p: Predraw): string[] => [...new Set([p.wide, p.narrow])];

/** The page with its diagram drawn: SVGs in the canvas, their sources gone, data-drawn, the stylesheet linked. */
export function applyDrawing(html: string, p: Predraw, drawn: RenderedDiagrams['svgs']): string {
  const svg = (key: string) => {
    const found = drawn.find((d) => d.key === key);
    if (!found) throw new Error(`view ${key} was not drawn`);
    return found.svg;
  };
  const drawing = (key: string) => {
    const marks = [key === p.wide ? ' data-wide' : '', key === p.narrow ? ' data-narrow' : ''].join('');
    return `<div class="pe-diagram__drawing" data-drawing="${escapeAttr(key)}"${marks}>${svg(key)}</div>`;
  };
  const canvas = `<div class="pe-diagram__canvas" data-canvas tabindex="0" role="region" aria-label="${p.label}">${drawnKeys(p).map(drawing).join('')}</div>`;
  const startTag = p.startTag.replace(/\sdata-predraw="[^"]*"/, ' data-drawn');
  const link = `<link rel="stylesheet" href="${escapeAttr(p.stylesheet)}">`;
  if (!html.includes('</head>')) throw new Error('the page has no </head> to link the stylesheet in');
  let out = html.replace(p.startTag, () => startTag).replace(p.canvas, () => canvas);
  for (const v of p.views) if (drawnKeys(p).includes(v.key)) out = out.replace(v.tag, '');
  return out.replace('</head>', () => `${link}</head>`);
}

/** The site's base path as astro.config.mjs sets it, with a slash at each end. */
export function basePath(value = process.env.BASE_PATH ?? '/'): string {
  return `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Where a stylesheet URL of the site is written in outDir. */
export function fileOfUrl(outDir: string, url: string, base: string): string {
  if (!url.startsWith(base)) throw new Error(`the stylesheet ${url} is not under the site's base path ${base}`);
  return join(outDir, url.slice(base.length));
}

/** Draws every page's diagram that asks for it; returns the log line. */
export async function drawGraphs(outDir: string, base = basePath()): Promise<string> {
  const started = performance.now();
  const files = predrawPages(outDir);
  let drawn = 0;
  let views = 0;
  /** What is written once every page is drawn: each file's new text, first under a temporary name. */
  const staged: { file: string; temp: string }[] = [];
  const stage = (file: string, text: string) => {
    const temp = `${file}.pe-drawn`;
    writeFileSync(temp, text);
    staged.push({ file, temp });
  };
  let failed = false;
  const one = async (file: string) => {
    const where = relative(process.cwd(), file);
    try {
      const html = readFileSync(file, 'utf8');
      const p = findPredraw(html);
      if (!p) return;
      const keys = drawnKeys(p);
      const rendered: RenderedDiagrams = await drawInWorker(p.views.filter((v) => keys.includes(v.key)), 'pe-graph', p.describedBy, where);
      const page = applyDrawing(html, p, rendered.svgs);
      if (failed) return;
      stage(fileOfUrl(outDir, p.stylesheet, base), rendered.css);
      stage(file, page);
      drawn++;
      views += keys.length;
    } catch (error) {
      failed = true;
      throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // The workers take jobs as they come; a few pages read ahead keep them busy without holding the library.
  const queue = [...files];
  const lanes = Array.from({ length: 4 }, async () => {
    for (let file = queue.shift(); file && !failed; file = queue.shift()) await one(file);
  });
  // Every lane ends (settles) before anything is written or removed.
  const results = await Promise.allSettled(lanes);
  const error = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (error) {
    // Nothing changes: the pages stay as Astro wrote them.
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error.reason;
  }
  for (const { file, temp } of staged) renameSync(temp, file);
  return `drew ${views} views of ${drawn} diagrams in ${Math.round(performance.now() - started)} ms (${files.length} pages read)`;
}

if (runAlone(import.meta.url)) await runStep('graphs', () => drawGraphs(siteDir()));
