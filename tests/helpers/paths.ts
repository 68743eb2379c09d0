import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const SEED_FILE = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!);
export const CONTENT_DIR = join(ROOT, 'content');
export const REGISTRY_FILE = join(CONTENT_DIR, 'departments.yaml');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
/** Built sites: the normal one, and one under a sub-path (see tests/setup.ts). */
export const DIST = join(ROOT, 'dist');
export const DIST_SUB = join(ROOT, 'dist-sub');
export const SUB_PATH = '/sub-path/';
/** The library build: the seed plus the fictional documents of tests/fixtures/library/ (see tests/setup.ts). */
export const DIST_LIBRARY = join(ROOT, 'dist-library');
/** Fictional seeds (*.txt) and extra registry entries (departments.yaml) for the library build. */
export const LIBRARY_FIXTURES = join(FIXTURES, 'library');
/** Screenshots and PDFs the tests write, for people to look at (not committed). */
export const ARTIFACTS = join(ROOT, 'tests', '.artifacts');
/** The real corpus: six published documents, copied as stored (tests/fixtures/real/SOURCES.md). */
export const REAL_FIXTURES = join(FIXTURES, 'real');
/** The real-corpus build: the seed plus the six real documents (see tests/setup.ts). */
export const DIST_REAL = join(ROOT, 'dist-real');
