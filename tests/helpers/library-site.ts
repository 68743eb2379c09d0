/**
 * The library build of the tests: the seed and the fictional documents of tests/fixtures/library/
 * converted together (as `npm run convert` would, into a temporary root) and built into
 * dist-library/ with CONTENT_DIR pointing at the converted content.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build.ts';
import { DIST_LIBRARY, LIBRARY_FIXTURES, REGISTRY_FILE, ROOT, SEEDS_DIR } from './paths.ts';

/** The fixture seeds, by file name (sorted). */
export const librarySeedFiles = (): string[] => readdirSync(LIBRARY_FIXTURES).filter((f) => f.endsWith('.txt')).sort();

/** The registry of the library build: content/departments.yaml plus the fixtures' fictional departments. */
export function libraryRegistryYaml(): string {
  const extra = join(LIBRARY_FIXTURES, 'departments.yaml');
  return `${readFileSync(REGISTRY_FILE, 'utf8').replace(/\n*$/, '\n')}${readFileSync(extra, 'utf8')}`;
}

/** Converts seeds/*.txt and the library fixtures into a temporary root, builds dist-library/ from it, removes the root. */
export function buildLibrarySite(outDir = DIST_LIBRARY): void {
  const root = mkdtempSync(join(tmpdir(), 'pe-library-'));
  try {
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'content'));
    for (const f of readdirSync(SEEDS_DIR).filter((x) => x.endsWith('.txt'))) cpSync(join(SEEDS_DIR, f), join(root, 'seeds', f));
    for (const f of librarySeedFiles()) cpSync(join(LIBRARY_FIXTURES, f), join(root, 'seeds', f));
    writeFileSync(join(root, 'content', 'departments.yaml'), libraryRegistryYaml());
    execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { stdio: ['ignore', 'ignore', 'inherit'] });
    rmSync(outDir, { recursive: true, force: true });
    buildSite({ outDir, contentDir: join(root, 'content') });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
