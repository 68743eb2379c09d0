/**
 * Builds the Pagefind search index of a built site: the last step of `npm run build`
 * (src/build.ts; alone: `node src/integrations/pagefind.ts`), into the build's own output folder (so
 * OUT_DIR and BASE_PATH builds each get their index at <out>/pagefind/; OUT_DIR as in
 * astro.config.mjs).
 *
 * Outside the Astro process rather than an Astro hook: at the end of `astro build` the Astro process
 * still holds the memory of the bundling and rendering (about 3.5 GB for 1,000 documents, most of
 * it no longer used), and Pagefind's indexer would add its own on top (README, Scale).
 *
 * What is indexed is decided by attributes in the pages: data-pagefind-body marks the text of
 * each provision's page and the notice on each document's page (INDEXED_PAGES); no other page has it.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { runAlone, runStep, siteDir } from '../build-step.ts';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * The pages that can carry data-pagefind-body: a document's page (its notice) and its provisions'
 * pages (/policies/<id>/2-1/). Pagefind reads only these: reading the other pages too (as many
 * again: full text, summaries, department pages…) only to find nothing to index doubled the time
 * of a large library's index. tests/site checks that no other page has data-pagefind-body.
 */
export const INDEXED_PAGES = 'policies/*/{index.html,*-*/index.html}';

/**
 * Pagefind's prebuilt UIs, which this site does not load: src/scripts/search.ts uses the JS API
 * (pagefind.js) so that it can check every candidate for the exact string (see README, Search).
 */
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

/** Indexes the built site in outDir and writes <outDir>/pagefind/; returns the log line. */
export async function indexSite(outDir: string): Promise<string> {
  const started = performance.now();
  try {
    // Pages declare lang="zh-CN": the extended binary segments them with jieba.
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('pagefind: no page has data-pagefind-body');
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    const bundle = join(outDir, 'pagefind');
    for (const file of UNUSED) rmSync(join(bundle, file), { force: true });
    const ms = Math.round(performance.now() - started);
    // The index proper (word index, page fragments, filters, metadata) and the whole bundle
    // (with the search code and its WebAssembly).
    const indexBytes = ['index', 'fragment', 'filter'].reduce((n, d) => n + folderBytes(join(bundle, d)), 0)
      + readdirSync(bundle).filter((f) => f.endsWith('.pf_meta')).reduce((n, f) => n + statSync(join(bundle, f)).size, 0);
    // A page read without data-pagefind-body is not indexed: count what the index holds.
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    return `indexed ${pages} pages in ${ms} ms, index ${indexBytes} bytes (bundle ${folderBytes(bundle)} bytes, ${added.page_count} HTML files read)`;
  } finally {
    await pagefind.close();
  }
}

if (runAlone(import.meta.url)) await runStep('pagefind', () => indexSite(siteDir()));
