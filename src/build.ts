/**
 * `npm run build`: the site in three steps, each needing the one before.
 *
 *  1. `astro build`, in a process of its own: the pages, into OUT_DIR (astro.config.mjs).
 *  2. The graph pages' diagrams (src/export/draw-graphs.ts), drawn in worker threads of this
 *     process. One worker starts while Astro builds, so loading jsdom and mermaid (about a
 *     second) does not add to the build.
 *  3. The search index (src/integrations/pagefind.ts), once the workers have stopped.
 *
 * Astro runs apart because at the end of a large build its process still holds the memory of the
 * bundling and rendering (about 3.5 GB for 1,000 documents, most of it no longer used): the
 * drawing and the indexer each add their own, and must not add it on top (README, Scale).
 * Arguments after `--` go to `astro build`. A step that fails stops the build, non-zero.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStep, siteDir } from './build-step.ts';
import { drawGraphs } from './export/draw-graphs.ts';
import { closeWorkers, warmUp } from './export/mermaid-client.ts';
import { indexSite } from './integrations/pagefind.ts';

/** Astro's command-line entry, as its package declares it. */
function astroBin(): string {
  const dir = join(process.cwd(), 'node_modules', 'astro');
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin: { astro: string } };
  return join(dir, bin.astro);
}

function astroBuild(args: string[]): Promise<number> {
  const child = spawn(process.execPath, [astroBin(), 'build', ...args], { stdio: 'inherit' });
  return new Promise((done) => {
    child.on('error', (e) => { console.error(`[build] could not start astro: ${e.message}`); done(1); });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

warmUp(1);
const code = await astroBuild(process.argv.slice(2));
if (code !== 0) process.exit(code);
await runStep('graphs', async () => {
  const line = await drawGraphs(siteDir());
  await closeWorkers();
  return line;
});
await runStep('pagefind', () => indexSite(siteDir()));
