/**
 * Builds the Pagefind search index as the last step of `astro build`, into the build's own
 * output folder (so OUT_DIR and BASE_PATH builds each get their index at <out>/pagefind/).
 *
 * What is indexed is decided by attributes in the pages: data-pagefind-body marks the text of
 * each measure page and the notice on the home page; every other page has none and is skipped.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, statSync } from 'node:fs';
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
          const ms = Math.round(performance.now() - started);
          const bytes = folderBytes(join(outDir, 'pagefind'));
          logger.info(`indexed ${added.page_count} pages in ${ms} ms, index ${bytes} bytes`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
