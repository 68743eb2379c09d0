/**
 * npm run convert: seeds/*.txt → content/policy/ (MDX + YAML), checked against the
 * department registry content/departments.yaml.
 *
 * Usage: node src/cli/convert.ts [--root DIR]   (DIR holds seeds/ and content/; default: cwd)
 *
 * On bad input it prints FILE:LINE:COL: message, exits 1 and leaves content/ untouched:
 * everything is written to a temporary folder first and swapped in at the end.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SourceError } from './errors.ts';
import { renderContent } from './mdx.ts';
import { parseSeed } from './parse.ts';
import { parseRegistry } from '../model/registry.ts';

function main(root: string): string {
  const seedsDir = join(root, 'seeds');
  const contentDir = join(root, 'content');
  const registryFile = join(contentDir, 'departments.yaml');
  const rel = (p: string) => relative(process.cwd(), p) || p;

  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (seeds.length !== 1)
    throw new SourceError(rel(seedsDir), 1, 1, seeds.length === 0 ? 'no seed file (*.txt) found' : `found ${seeds.length} seed files; this site presents one document, so keep exactly one *.txt in seeds/`);
  const registry = parseRegistry(rel(registryFile), readFileSync(registryFile, 'utf8'));
  const seedFile = join(seedsDir, seeds[0]!);
  const bytes = readFileSync(seedFile);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const before = text.slice(0, bad).split('\n');
    throw new SourceError(rel(seedFile), before.length, [...before.at(-1)!].length + 1, 'the file is not valid UTF-8 text');
  }
  const doc = parseSeed(rel(seedFile), text, registry);
  const files = renderContent({ ...doc, source: seeds[0]! }, registry);

  const target = join(contentDir, 'policy');
  const staging = join(contentDir, `.policy-${process.pid}.tmp`);
  const old = join(contentDir, `.policy-${process.pid}.old`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, body] of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), body);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
  const measures = doc.chapters.reduce((n, c) => n + c.measures.length, 0);
  return `${rel(seedFile)} → ${rel(target)}/: ${doc.chapters.length} chapters, ${measures} measures, ${files.size} files`;
}

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? args[rootFlag + 1]! : process.cwd();
try {
  console.log(main(root));
} catch (error) {
  if (error instanceof SourceError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
