/**
 * Builds the Pagefind search index as the last step of `astro build`, into the build's own
 * output folder (so OUT_DIR and BASE_PATH builds each get their index at <out>/pagefind/).
 *
 * What is indexed is decided by attributes in the pages: data-pagefind-body marks the text of
 * each measure page and the notice on the home page; every other page has none and is skipped.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * Pagefind's prebuilt UIs, which this site does not load: src/scripts/search.ts uses the JS API
 * (pagefind.js) so that it can check every candidate for the exact string (see README, Search).
 */
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

export default function pagefindIntegration(): AstroIntegration {
  return {
    // Astro prints the name as the log label: "[pagefind] indexed …".
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          // Pages declare lang="zh-CN": the extended binary segments them with jieba.
          const { index, errors } = await pagefind.createIndex();
          if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
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
          // Pages without data-pagefind-body are read but not indexed: count what the index holds.
          const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
          logger.info(`indexed ${pages} pages in ${ms} ms, index ${indexBytes} bytes (bundle ${folderBytes(bundle)} bytes, ${added.page_count} HTML files read)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
