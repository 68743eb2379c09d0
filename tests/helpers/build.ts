/** Builds the site with Astro (and later steps of `npm run build`) into a given folder. */
import { execFileSync } from 'node:child_process';
import { ROOT } from './paths.ts';

export interface BuildOptions {
  outDir: string;
  /** Astro `base`, e.g. /sub-path/. */
  base?: string;
  /** Content folder to build from (default: the project's content/). */
  contentDir?: string;
}

/** Runs `npm run build` with the given output folder, base path and content. */
export function buildSite({ outDir, base = '/', contentDir }: BuildOptions): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: outDir, BASE_PATH: base, ...(contentDir ? { CONTENT_DIR: contentDir } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
