/**
 * npm run convert: every seeds/*.txt → content/policies/<id>/ (MDX with the model as
 * frontmatter), checked against the department registry content/departments.yaml. A seed may be
 * given another id in content/documents.yaml (a list of { source: file name, id }).
 *
 * Usage: node src/convert/cli.ts [--root DIR]   (DIR holds seeds/ and content/; default: cwd)
 *
 * On bad input in any document it prints FILE:LINE:COL: message, exits 1 and leaves content/
 * untouched: everything is written to a temporary folder first and swapped in at the end.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { PolicyDocument } from '../model/types.ts';
import { parseRegistry } from '../model/registry.ts';
import { DOCUMENT_ID_RE } from './doc-id.ts';
import { SourceError } from './errors.ts';
import { decodeUtf8 } from './lines.ts';
import { libraryIndex, renderContent } from './mdx.ts';
import { readSeed } from './parse.ts';
import { formatNote, reportText, type Note } from './report.ts';
import { UNLISTED_FILE, bodiesYaml, unlistedBodies } from './bodies.ts';

/** content/documents.yaml: ids declared for seeds (optional file). */
function declaredIds(file: string, shown: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
  const fail = (offset: number | undefined, message: string): never => {
    const { line, col } = counter.linePos(offset ?? 0);
    throw new SourceError(shown, line, col, message);
  };
  if (doc.errors.length > 0) fail(doc.errors[0]!.pos[0], `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const list: unknown = doc.toJS() ?? [];
  if (!Array.isArray(list)) return fail(0, 'the document list must be a list of { source, id }');
  const nodes = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items ?? [];
  const ids = new Map<string, string>();
  list.forEach((entry: Record<string, unknown>, i) => {
    const at = nodes[i]?.range?.[0];
    if (typeof entry?.source !== 'string' || !entry.source.endsWith('.txt')) fail(at, `entry ${i + 1} needs "source": the seed's file name (….txt)`);
    if (entry.id !== undefined && (typeof entry.id !== 'string' || !DOCUMENT_ID_RE.test(entry.id)))
      fail(at, `entry ${i + 1}: id "${String(entry.id)}" must be lower-case ASCII letters and digits, joined by hyphens`);
    if (typeof entry.id === 'string') ids.set(entry.source as string, entry.id);
  });
  return ids;
}

/** Each document's conversion report, beside its content; none when nothing was guessed. */
const REPORT_FILE = 'conversion-report.txt';
function reportFile(doc: PolicyDocument, notes: readonly Note[]): [string, string][] {
  return notes.length ? [[REPORT_FILE, reportText(doc.source, notes)]] : [];
}

function main(root: string): string {
  const seedsDir = join(root, 'seeds');
  const contentDir = join(root, 'content');
  const registryFile = join(contentDir, 'departments.yaml');
  const rel = (p: string) => relative(process.cwd(), p) || p;

  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (seeds.length === 0) throw new SourceError(rel(seedsDir), 1, 1, 'no seed file (*.txt) found');
  if (!existsSync(registryFile)) throw new SourceError(rel(registryFile), 1, 1, 'the department registry is missing');
  const registry = parseRegistry(rel(registryFile), readFileSync(registryFile, 'utf8'));
  const ids = declaredIds(join(contentDir, 'documents.yaml'), rel(join(contentDir, 'documents.yaml')));

  const docs: PolicyDocument[] = [];
  const reports = new Map<string, Note[]>();
  for (const seed of seeds) {
    const seedFile = join(seedsDir, seed);
    if (statSync(seedFile).isDirectory()) throw new SourceError(rel(seedFile), 1, 1, 'this is a folder, not a seed file');
    if (/[\p{C}\u0085\u2028\u2029]/u.test(seed))
      throw new SourceError(rel(seedsDir), 1, 1, `the seed file name ${JSON.stringify(seed)} contains a control or invisible character: rename it`);
    const text = decodeUtf8(rel(seedFile), readFileSync(seedFile));
    const { doc, notes } = readSeed(rel(seedFile), text, registry, ids.get(seed));
    const clash = docs.find((d) => d.id === doc.id);
    if (clash) {
      // Point at the 发文字号 the id comes from.
      const lines = text.split(/\r\n|\n|\r/);
      const number = doc.docNumber ?? '';
      const at = number ? Math.max(0, lines.findIndex((l) => l.includes(number))) : 0;
      const col = number ? [...lines[at]!.slice(0, Math.max(0, lines[at]!.indexOf(number)))].length + 1 : 1;
      throw new SourceError(rel(seedFile), at + 1, col, `document id "${doc.id}" is already used by seeds/${clash.source}: declare another id for one of them in content/documents.yaml`);
    }
    docs.push({ ...doc, source: seed });
    reports.set(doc.id, notes);
  }
  const bodies = unlistedBodies(docs, registry);

  const library = libraryIndex(docs);
  const target = join(contentDir, 'policies');
  const staging = join(contentDir, `.policies-${process.pid}.tmp`);
  const old = join(contentDir, `.policies-${process.pid}.old`);
  rmSync(staging, { recursive: true, force: true });
  let files = 0;
  try {
    for (const doc of docs)
      for (const [path, body] of [...renderContent(doc, registry, library), ...reportFile(doc, reports.get(doc.id)!)]) {
        const file = join(staging, doc.id, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, body);
        files++;
      }
    if (bodies.length > 0) {
      mkdirSync(staging, { recursive: true });
      writeFileSync(join(staging, UNLISTED_FILE), bodiesYaml(bodies));
      files++;
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
  // The single-document layout of earlier versions.
  rmSync(join(contentDir, 'policy'), { recursive: true, force: true });
  const measures = docs.reduce((n, d) => n + d.chapters.reduce((k, c) => k + c.measures.length, 0), 0);
  const listed = docs.length <= 12 ? docs.map((d) => d.id).join(', ') : `${docs.slice(0, 10).map((d) => d.id).join(', ')} … ${docs.at(-1)!.id}`;
  const noted = docs.filter((d) => reports.get(d.id)!.length > 0);
  const summary = noted.length === 0
    ? 'conversion report: nothing guessed'
    : [`conversion report: ${noted.reduce((n, d) => n + reports.get(d.id)!.length, 0)} note(s) in ${noted.length} document(s)${bodies.length ? `, ${bodies.length} bod${bodies.length === 1 ? 'y' : 'ies'} not in the registry` : ''}:`,
      ...noted.map((d) => `  ${rel(join(target, d.id, REPORT_FILE))}: ${reports.get(d.id)!.length} note(s), first ${formatNote(reports.get(d.id)![0]!)}`)].join('\n');
  return `${seeds.length} seed(s) → ${rel(target)}/: ${listed}; ${measures} provisions, ${files} files\n${summary}`;
}

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? args[rootFlag + 1]! : process.cwd();
try {
  console.log(main(root));
} catch (error) {
  // A problem with an input file names its position; any other (a file system error) its path: never a stack trace.
  const fsError = error as NodeJS.ErrnoException;
  if (error instanceof SourceError) console.error(error.message);
  else if (fsError.code && fsError.path) console.error(`${relative(process.cwd(), fsError.path) || fsError.path}: ${fsError.code}: ${fsError.message.replace(/^[A-Z]+: /, '')}`);
  else console.error(`convert failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
