/**
 * npm run convert: every seeds/*.txt → content/policies/<id>/ (MDX with the model as
 * frontmatter), checked against the department registry content/departments.yaml. A seed may be
 * given another id in content/documents.yaml (a list of { source: file name, id }).
 *
 * Usage: node src/convert/cli.ts [--root DIR]   (DIR holds seeds/ and content/; default: cwd)
 *
 * On bad input in any document or content/*.yaml it prints FILE:LINE:COL: message, exits 1 and
 * leaves content/ untouched: everything is written to a temporary folder first and swapped in at
 * the end (src/convert/write.ts: a lock against a second convert, SIGINT/SIGTERM clean up).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PolicyDocument } from '../model/types.ts';
import { checkRelations, documentIdProblem } from '../model/document-meta.ts';
import { parseRegistry } from '../model/registry.ts';
import { SourceError } from '../model/source-error.ts';
import { checkLexicon, checkLineLengths, listSeeds, readDocumentMeta, readSeedBytes } from './inputs.ts';
import { decodeUtf8 } from './lines.ts';
import { libraryIndex, renderContent } from './mdx.ts';
import { readSeed } from './parse.ts';
import { formatNote, reportText, type Note } from './report.ts';
import { UNLISTED_FILE, bodiesYaml, unlistedBodies } from './bodies.ts';
import { interruptible, recoverLeftovers, stage, takeLock, yieldToSignals } from './write.ts';

/** Line and column (1-based) of the first line of `text` holding `needle` (1:1 without one). */
function positionIn(text: string, needle: string | null | undefined): { line: number; col: number } {
  if (!needle) return { line: 1, col: 1 };
  const lines = text.split(/\r\n|\n|\r/);
  const at = Math.max(0, lines.findIndex((l) => l.includes(needle)));
  return { line: at + 1, col: [...lines[at]!.slice(0, Math.max(0, lines[at]!.indexOf(needle)))].length + 1 };
}

/** Checks across the library: unique ids, ids the site can use, unique 发文字号. */
function checkLibrary(doc: PolicyDocument, text: string, shown: string, docs: readonly PolicyDocument[]): void {
  const at = positionIn(text, doc.docNumber);
  const idProblem = documentIdProblem(doc.id);
  if (idProblem) throw new SourceError(shown, at.line, at.col, `document ${idProblem}; declare another id in content/documents.yaml`);
  const clash = docs.find((d) => d.id === doc.id);
  if (clash)
    throw new SourceError(shown, at.line, at.col, `document id "${doc.id}" is already used by seeds/${clash.source}: declare another id for one of them in content/documents.yaml`);
  const twin = doc.docNumber ? docs.find((d) => d.docNumber === doc.docNumber) : undefined;
  if (twin)
    throw new SourceError(shown, at.line, at.col, `the 发文字号 ${doc.docNumber} is also the number of seeds/${twin.source}: two documents of the library cannot share one (a citation of it could not say which)`);
}

/** Each document's conversion report, beside its content; none when nothing was guessed. */
const REPORT_FILE = 'conversion-report.txt';
function reportFile(doc: PolicyDocument, notes: readonly Note[]): [string, string][] {
  return notes.length ? [[REPORT_FILE, reportText(doc.source, notes)]] : [];
}

async function main(root: string): Promise<string> {
  const seedsDir = join(root, 'seeds');
  const contentDir = join(root, 'content');
  const registryFile = join(contentDir, 'departments.yaml');
  const metaFile = join(contentDir, 'documents.yaml');
  const rel = (p: string) => relative(process.cwd(), p) || p;

  const seeds = listSeeds(seedsDir, rel(seedsDir));
  if (!existsSync(registryFile)) throw new SourceError(rel(registryFile), 1, 1, 'the department registry is missing');
  const registry = parseRegistry(rel(registryFile), readFileSync(registryFile, 'utf8'));
  const today = new Date().toISOString().slice(0, 10);
  const meta = readDocumentMeta(metaFile, rel(metaFile), seeds, today);
  const ids = new Map(meta.entries.flatMap((e) => (e.id ? [[e.source, e.id] as const] : [])));
  checkLexicon(contentDir, rel(contentDir));

  const docs: PolicyDocument[] = [];
  const reports = new Map<string, Note[]>();
  for (const seed of seeds) {
    const seedFile = join(seedsDir, seed);
    if (/[\p{C}\u0085\u2028\u2029]/u.test(seed))
      throw new SourceError(rel(seedsDir), 1, 1, `the seed file name ${JSON.stringify(seed)} contains a control or invisible character: rename it`);
    const text = decodeUtf8(rel(seedFile), readSeedBytes(seedFile, rel(seedFile)));
    checkLineLengths(rel(seedFile), text);
    const { doc, notes } = readSeed(rel(seedFile), text, registry, ids.get(seed));
    const declared = meta.entries.find((e) => e.source === seed);
    if (declared?.issuer !== undefined) {
      // content/documents.yaml may name the issuer of a copy whose text does not (a partial copy of a 办法).
      if (doc.issuer !== null)
        meta.file!.fail([declared.index, 'issuer'], `the text of ${seed} names its issuer (${doc.issuer}): "issuer" is only for a copy that does not`);
      doc.issuer = declared.issuer;
      notes.push({ file: rel(seedFile), line: 1, col: 1, message: `the issuer (发文机关) ${declared.issuer} is taken from content/documents.yaml: the text does not name it` });
    }
    checkLibrary(doc, text, rel(seedFile), docs);
    docs.push({ ...doc, source: seed });
    reports.set(doc.id, notes);
    await yieldToSignals();
  }
  if (meta.file) checkRelations(meta.file, meta.entries, new Map(docs.map((d) => [d.source, d.id])));
  const bodies = unlistedBodies(docs, registry);

  const release = takeLock(contentDir, rel(join(contentDir, '.convert.lock')));
  let staging: ReturnType<typeof stage> | undefined;
  const files = await interruptible(async () => {
    recoverLeftovers(contentDir);
    staging = stage(contentDir);
    const library = libraryIndex(docs);
    let count = 0;
    for (const doc of docs) {
      for (const [path, body] of [...renderContent(doc, registry, library), ...reportFile(doc, reports.get(doc.id)!)]) {
        staging.write(join(doc.id, path), body);
        count++;
      }
      await yieldToSignals();
    }
    if (bodies.length > 0) {
      staging.write(UNLISTED_FILE, bodiesYaml(bodies));
      count++;
    }
    staging.commit();
    return count;
  }, () => { staging?.discard(); release(); }).catch((error: unknown) => {
    staging?.discard();
    throw error;
  }).finally(release);
  // The single-document layout of earlier versions.
  rmSync(join(contentDir, 'policy'), { recursive: true, force: true });
  const target = join(contentDir, 'policies');
  const provisions = docs.reduce((n, d) => n + d.chapters.reduce((k, c) => k + c.provisions.length, 0), 0);
  const listed = docs.length <= 12 ? docs.map((d) => d.id).join(', ') : `${docs.slice(0, 10).map((d) => d.id).join(', ')} … ${docs.at(-1)!.id}`;
  const noted = docs.filter((d) => reports.get(d.id)!.length > 0);
  const summary = noted.length === 0
    ? 'conversion report: nothing guessed'
    : [`conversion report: ${noted.reduce((n, d) => n + reports.get(d.id)!.length, 0)} note(s) in ${noted.length} document(s)${bodies.length ? `, ${bodies.length} bod${bodies.length === 1 ? 'y' : 'ies'} not in the registry` : ''}:`,
      ...noted.map((d) => `  ${rel(join(target, d.id, REPORT_FILE))}: ${reports.get(d.id)!.length} note(s), first ${formatNote(reports.get(d.id)![0]!)}`)].join('\n');
  return `${seeds.length} seed(s) → ${rel(target)}/: ${listed}; ${provisions} provisions, ${files} files\n${summary}`;
}

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? args[rootFlag + 1]! : process.cwd();
try {
  console.log(await main(root));
} catch (error) {
  // A problem with an input file names its position; any other (a file system error) its path: never a stack trace.
  const fsError = error as NodeJS.ErrnoException;
  if (error instanceof SourceError) console.error(error.message);
  else if (error instanceof RangeError && /call stack/i.test(error.message)) console.error('convert failed: a seed is nested or repeated too deeply for the converter to read (Maximum call stack size exceeded): is every seed a document\'s text?');
  else if (fsError.code && fsError.path) console.error(`${relative(process.cwd(), fsError.path) || fsError.path}: ${fsError.code}: ${fsError.message.replace(/^[A-Z]+: /, '')}`);
  else console.error(`convert failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
