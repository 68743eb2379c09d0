/**
 * The real-corpus build of the tests: the seed and the six published documents of
 * tests/fixtures/real/ (copied as stored, never edited) converted together, as `npm run convert`
 * would, into a scratch root kept between runs (see library-site.ts for why it is kept), and built
 * into dist-real/. The default site stays the seed alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { join } from 'node:path';
import { buildSite } from './build.ts';
import { CONTENT_DIR, DIST_REAL, REAL_FIXTURES, ROOT, SEEDS_DIR } from './paths.ts';

/** The real documents, by file name (sorted). */
export const realSeedFiles = (): string[] => readdirSync(REAL_FIXTURES).filter((f) => f.endsWith('.txt')).sort();

export const REAL_ROOT = join(ROOT, 'node_modules', '.cache', 'pe-real');

/**
 * A body of the real documents left out of the build's registry, so that the build shows what
 * happens to a body the registry lacks: 医保局 (国发〔2018〕39号, （十）) is read all the same,
 * reported, and gets a department page under a slug made from its name.
 */
export const UNLISTED = '医保局';

/** content/departments.yaml without the entry whose abbreviation is `abbr`. */
function registryWithout(abbr: string): string {
  const doc = parseDocument(readFileSync(join(CONTENT_DIR, 'departments.yaml'), 'utf8'));
  const list = doc.contents as unknown as { items: { get(key: string): unknown }[] };
  const i = list.items.findIndex((item) => item.get('abbr') === abbr);
  if (i < 0) throw new Error(`content/departments.yaml has no ${abbr}`);
  list.items.splice(i, 1);
  return doc.toString();
}

/** Converts seeds/*.txt and the real documents into REAL_ROOT; returns what the converter printed. */
export function convertReal(root = REAL_ROOT, files = realSeedFiles()): string {
  rmSync(join(root, 'seeds'), { recursive: true, force: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const f of readdirSync(SEEDS_DIR).filter((x) => x.endsWith('.txt'))) cpSync(join(SEEDS_DIR, f), join(root, 'seeds', f));
  for (const f of files) cpSync(join(REAL_FIXTURES, f), join(root, 'seeds', f));
  for (const f of ['thesaurus.yaml', 'groups.yaml', 'topics.yaml']) cpSync(join(CONTENT_DIR, f), join(root, 'content', f));
  // Where each was published, and the issuer of the partial copy 09 (tests/fixtures/real/documents.yaml), for the documents converted.
  const meta = readFileSync(join(REAL_FIXTURES, 'documents.yaml'), 'utf8').split(/\n(?=- source: )/u)
    .filter((entry) => !entry.startsWith('- source: ') || files.some((f) => entry.startsWith(`- source: ${f}`)));
  writeFileSync(join(root, 'content', 'documents.yaml'), `${meta.join('\n').trimEnd()}\n`);
  writeFileSync(join(root, 'content', 'departments.yaml'), registryWithout(UNLISTED));
  return execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Converts and builds dist-real/. */
export function buildRealSite(outDir = DIST_REAL): void {
  convertReal();
  rmSync(outDir, { recursive: true, force: true });
  buildSite({ outDir, contentDir: join(REAL_ROOT, 'content') });
}

/** The id the converter gave each real document, by seed file name (read from the converted frontmatter). */
export function realIds(root = REAL_ROOT): Map<string, string> {
  const dir = join(root, 'content', 'policies');
  const ids = new Map<string, string>();
  for (const id of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const source = /^source: "?([^"\n]+)"?$/mu.exec(readFileSync(join(dir, id, 'document.mdx'), 'utf8'))?.[1];
    if (source) ids.set(source, id);
  }
  return ids;
}
