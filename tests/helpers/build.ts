/** Builds the site with Astro (and later steps of `npm run build`) into a given folder. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export interface BuildOptions {
  outDir: string;
  /** Astro `base`, e.g. /sub-path/. */
  base?: string;
  /** Content folder to build from (default: the project's content/). */
  contentDir?: string;
  /** The deployment's origin (SITE); null builds without one, as a deployer who sets none would. */
  site?: string | null;
}

/** The origin the test builds are deployed at (SITE): a reserved example domain. */
export const TEST_SITE = 'https://example.org';

/**
 * Astro's content-layer cache. An entry whose text has not changed keeps the file path it was
 * first read from, so a build from a fresh temporary content folder holding the same text as an
 * earlier, since deleted one would import the deleted files. A build from another folder starts
 * without it.
 */
const CONTENT_CACHE = join(ROOT, 'node_modules', '.astro', 'data-store.json');

/** Runs `npm run build` with the given output folder, base path and content. */
export function buildSite({ outDir, base = '/', contentDir, site = TEST_SITE }: BuildOptions): void {
  if (contentDir) rmSync(CONTENT_CACHE, { force: true });
  const { SITE: _site, ...env } = process.env;
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    env: { ...env, OUT_DIR: outDir, BASE_PATH: base, ...(site ? { SITE: site } : {}), ...(contentDir ? { CONTENT_DIR: contentDir } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
