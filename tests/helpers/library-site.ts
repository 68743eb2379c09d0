/**
 * The library build of the tests: the seed and the fictional documents of tests/fixtures/library/
 * converted together (as `npm run convert` would, into a scratch root) and built into
 * dist-library/ with CONTENT_DIR pointing at the converted content.
 *
 * The scratch root is always the same folder, and stays: Astro's content layer caches each entry
 * with its file path (.astro/, node_modules/.astro/) and, when an entry's contents are unchanged,
 * reuses the cached path on the next build without checking that the file is still there. Built
 * from a fresh temporary folder that is then deleted, the next library build fails ("failed to
 * resolve import astro:content-layer-deferred-module?…fileName=…/tmp/pe-library-…/document.mdx").
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './build.ts';
import { CONTENT_DIR, DIST_LIBRARY, LIBRARY_FIXTURES, REGISTRY_FILE, ROOT, SEEDS_DIR } from './paths.ts';

/** The fixture seeds, by file name (sorted). */
export const librarySeedFiles = (): string[] => readdirSync(LIBRARY_FIXTURES).filter((f) => f.endsWith('.txt')).sort();

/** The registry of the library build: content/departments.yaml plus the fixtures' fictional departments. */
export function libraryRegistryYaml(): string {
  const extra = join(LIBRARY_FIXTURES, 'departments.yaml');
  return `${readFileSync(REGISTRY_FILE, 'utf8').replace(/\n*$/, '\n')}${readFileSync(extra, 'utf8')}`;
}

/** The scratch root (seeds/ and content/) the library is converted into: per checkout, kept between runs (see above). */
export const LIBRARY_ROOT = join(ROOT, 'node_modules', '.cache', 'pe-library');

/** Converts seeds/*.txt and the library fixtures into LIBRARY_ROOT and builds dist-library/ from it. */
export function buildLibrarySite(outDir = DIST_LIBRARY): void {
  const root = LIBRARY_ROOT;
  rmSync(join(root, 'seeds'), { recursive: true, force: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const f of readdirSync(SEEDS_DIR).filter((x) => x.endsWith('.txt'))) cpSync(join(SEEDS_DIR, f), join(root, 'seeds', f));
  for (const f of librarySeedFiles()) cpSync(join(LIBRARY_FIXTURES, f), join(root, 'seeds', f));
  writeFileSync(join(root, 'content', 'departments.yaml'), libraryRegistryYaml());
  // The fixtures' hand-maintained metadata (时效性, dates, amendments); the seed has none.
  cpSync(join(LIBRARY_FIXTURES, 'documents.yaml'), join(root, 'content', 'documents.yaml'));
  // The library's vocabulary is the project's: the thesaurus and the reader groups.
  for (const f of ['thesaurus.yaml', 'groups.yaml', 'topics.yaml']) cpSync(join(CONTENT_DIR, f), join(root, 'content', f));
  // The converter replaces content/policies/ as a whole: documents removed from the fixtures go too.
  execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(outDir, { recursive: true, force: true });
  buildSite({ outDir, contentDir: join(root, 'content') });
}
