/**
 * What `npm run convert` reads besides the grammar: the list of seeds and each seed's bytes, and
 * the hand-maintained YAML files of content/, each refused at FILE:LINE:COL with the real cause
 * (a FIFO, a symbolic link loop, a line too long for a document, a typo in documents.yaml…).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocumentMeta, type MetaEntry } from '../model/document-meta.ts';
import { groupsSchema, thesaurusSchema } from '../model/lexicon.ts';
import { checkWithSchema, readYaml, type YamlFile } from '../model/yaml-file.ts';
import { SourceError } from '../model/source-error.ts';
import { LINE_BREAK_RE } from './lines.ts';

/** The longest line a seed may have: a long paragraph is a few thousand characters. */
export const MAX_LINE = 100_000;

/** An fs error as a plain reason. */
function fsReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself (a loop): point it at a real folder or file';
  if (code === 'ENOENT') return 'it is a symbolic link to nothing';
  if (code === 'EACCES') return 'it cannot be read (permission denied)';
  if (code === 'ENAMETOOLONG') return 'its name is too long for the file system';
  return undefined;
}

/** The seed file names of seeds/, sorted: every *.txt; a *.TXT (any other case) is refused by name. */
export function listSeeds(seedsDir: string, shown: string): string[] {
  let names: string[];
  try {
    if (!existsSync(seedsDir) && !isLink(seedsDir)) throw new SourceError(shown, 1, 1, 'no seed file (*.txt) found: the folder seeds/ is missing');
    if (!statSync(seedsDir).isDirectory()) throw new SourceError(shown, 1, 1, 'seeds must be a folder of *.txt files');
    names = readdirSync(seedsDir);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const reason = fsReason(error);
    if (reason) throw new SourceError(shown, 1, 1, `the seeds folder cannot be read: ${reason}`);
    throw error;
  }
  const odd = names.find((f) => /\.txt$/i.test(f) && !f.endsWith('.txt'));
  if (odd) throw new SourceError(`${shown}/${odd}`, 1, 1, `a seed's name must end in .txt (lower case): rename it to ${JSON.stringify(odd.replace(/\.txt$/i, '.txt'))}`);
  const seeds = names.filter((f) => f.endsWith('.txt')).sort();
  if (seeds.length === 0) throw new SourceError(shown, 1, 1, 'no seed file (*.txt) found');
  return seeds;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A seed's bytes: a regular file (a FIFO, socket or device is refused at once, never waited on). */
export function readSeedBytes(file: string, shown: string): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const reason = fsReason(error);
    if (reason) throw new SourceError(shown, 1, 1, `this seed cannot be read: ${reason}`);
    throw error;
  }
  if (stat.isDirectory()) throw new SourceError(shown, 1, 1, 'this is a folder, not a seed file');
  if (!stat.isFile()) {
    const kind = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new SourceError(shown, 1, 1, `this is ${kind}, not a seed file: a seed must be a regular text file`);
  }
  return readFileSync(file);
}

/** Refuses a line longer than MAX_LINE (not a document: a generated or binary file), before the grammar reads it. */
export function checkLineLengths(shown: string, text: string): void {
  if (text.length <= MAX_LINE) return;
  let line = 1;
  for (const raw of text.split(LINE_BREAK_RE)) {
    if (raw.length > MAX_LINE)
      throw new SourceError(shown, line, 1, `line ${line} is ${raw.length.toLocaleString('en')} characters long; a seed's line may have at most ${MAX_LINE.toLocaleString('en')} (is this a document's text?)`);
    line++;
  }
}

/** Reads content/documents.yaml (optional) and checks it: the entries, by source. */
export function readDocumentMeta(path: string, shown: string, seeds: readonly string[], today: string): { file: YamlFile | null; entries: MetaEntry[] } {
  if (!existsSync(path)) return { file: null, entries: [] };
  const file = readYaml(shown, readFileSync(path, 'utf8'));
  return { file, entries: checkDocumentMeta(file, seeds, today) };
}

/** content/thesaurus.yaml and content/groups.yaml (both optional), checked with the schemas the build uses. */
export function checkLexicon(contentDir: string, shownDir: string): void {
  for (const [name, schema, what] of [['thesaurus.yaml', thesaurusSchema, 'thesaurus'], ['groups.yaml', groupsSchema, 'reader groups']] as const) {
    const path = join(contentDir, name);
    if (!existsSync(path)) continue;
    checkWithSchema(readYaml(`${shownDir}/${name}`, readFileSync(path, 'utf8')), schema, what);
  }
}
