/**
 * Helpers for the tests of the document grammar: the fixtures of each form (tests/fixtures/forms/),
 * parsing with the real registry, errors as { line, col, message }, and the text a converted
 * document gives back once its markup is stripped (to compare with the seed).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SourceError } from '../../src/model/source-error.ts';
import { LINE_BREAK_RE } from '../../src/convert/lines.ts';
import { parseSeed, readSeed } from '../../src/convert/parse.ts';
import type { Note } from '../../src/convert/report.ts';
import { parseRegistry } from '../../src/model/registry.ts';
import type { Department, PolicyDocument } from '../../src/model/types.ts';
import { mdxToText, provisionMdx } from './mdx-text.ts';
import { FIXTURES, REGISTRY_FILE, ROOT } from './paths.ts';

export const FORMS_DIR = join(FIXTURES, 'forms');
export const registry: Department[] = parseRegistry('content/departments.yaml', readFileSync(REGISTRY_FILE, 'utf8'));

/** Every fixture of tests/fixtures/forms/: file name → text. */
export const forms: ReadonlyMap<string, string> = new Map(
  readdirSync(FORMS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(join(FORMS_DIR, f), 'utf8')]),
);

export function form(name: string): string {
  const text = forms.get(name);
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}

export function parse(text: string, file = 'seeds/test.txt', departments: readonly Department[] = registry): PolicyDocument {
  return parseSeed(file, text, departments);
}

export interface Problem {
  line: number;
  col: number;
  message: string;
}

/** The SourceError parsing the text throws (fails the test if it parses, or throws something else). */
/** The conversion report's notes on a text (it must read). */
export function notesOf(text: string, departments: readonly Department[] = registry): Note[] {
  return readSeed('seeds/test.txt', text, departments).notes;
}

export function problemOf(text: string, departments: readonly Department[] = registry): Problem {
  try {
    parse(text, 'seeds/test.txt', departments);
  } catch (error) {
    if (error instanceof SourceError) return { line: error.line, col: error.col, message: error.detail };
    throw error;
  }
  throw new Error('expected an error, but the text parsed');
}

/** Line and column (1-based, code points, every line separator counted) where `target` starts in `text`. */
export function positionOf(text: string, target: string, colOffset = 0): { line: number; col: number } {
  const index = text.indexOf(target);
  if (index < 0) throw new Error(`"${target}" is not in the text`);
  const before = text.slice(0, index).replace(/^\uFEFF/u, '').split(LINE_BREAK_RE);
  return { line: before.length, col: [...before.at(-1)!].length + 1 + colOffset };
}

/** Text without whitespace and invisible format characters, for comparisons that ignore layout. */
export function visible(text: string): string {
  return text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '');
}

/** Splits generated MDX into its frontmatter (as data) and its text without markup. */
function split(mdx: string): { meta: Record<string, unknown>; text: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(mdx)!;
  return { meta: parseYaml(m[1]!) as Record<string, unknown>, text: mdxToText(mdx) };
}

interface Meta {
  signaturePlace: string;
  signature: string | null;
  date: string | null;
  attachmentNote: string[];
  notes: string[];
  attachments: number[];
  colophon: { lines: string[] } | null;
  chapters: { number: number; marker: string; title: string; provisions: string[]; sections: { number: number; marker: string; title: string }[]; paragraphs?: { after: number }[] }[];
}

/**
 * What a reader gets of a converted document, in the order of the source: the document's MDX,
 * each chapter's heading (frontmatter) and its provisions' MDX, with section headings before their
 * first provision; the closing parts after the provisions (frontmatter); the attachments' MDX;
 * the 版记 (frontmatter).
 */
export function convertedText(files: ReadonlyMap<string, string>): string {
  const doc = split(files.get('document.mdx')!);
  const meta = doc.meta as unknown as Meta;
  const out = [doc.text];
  const provisions = split(files.get('provisions.mdx')!).meta.provisions as { id: string; section: number | null }[];
  for (const c of meta.chapters) {
    out.push(c.marker + c.title);
    let section: unknown = null;
    // Paragraphs that are no provision stand after `after` provisions of their chapter (p<chapter>-<k>).
    const paragraphs = (c.paragraphs ?? []).map((p, k) => ({ after: p.after, id: `p${c.number}-${k + 1}` }));
    const paragraphsAfter = (n: number) => { for (const p of paragraphs.filter((x) => x.after === n)) out.push(mdxToText(provisionMdx(files, p.id))); };
    c.provisions.forEach((id, n) => {
      paragraphsAfter(n);
      const m = provisions.find((x) => x.id === id)!;
      if (m.section !== section && m.section !== null) {
        const s = c.sections.find((x) => x.number === m.section)!;
        out.push(s.marker + s.title);
      }
      section = m.section;
      out.push(mdxToText(provisionMdx(files, id)));
    });
    for (const p of paragraphs.filter((x) => x.after >= c.provisions.length)) out.push(mdxToText(provisionMdx(files, p.id)));
  }
  if (meta.signaturePlace !== 'notice') {
    out.push(...meta.attachmentNote);
    if (meta.signaturePlace === 'end') out.push(meta.signature ?? '', meta.date ?? '');
    out.push(...meta.notes);
  }
  for (const n of meta.attachments) out.push(split(files.get(`attachments/${n}.mdx`)!).text);
  out.push(...(meta.colophon?.lines ?? []));
  return out.join('\n');
}

/** A scratch project root: seeds/ with the given files, content/ with the registry (or another registry text). */
export function scratchRoot(seeds: Record<string, string | Uint8Array>, registryText: string | null = readFileSync(REGISTRY_FILE, 'utf8')): string {
  const root = mkdtempSync(join(tmpdir(), 'pe-forms-'));
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content'));
  for (const [name, text] of Object.entries(seeds)) writeFileSync(join(root, 'seeds', name), text);
  if (registryText !== null) writeFileSync(join(root, 'content', 'departments.yaml'), registryText);
  return root;
}

/** Copies every form fixture into a scratch root's seeds/. */
export function copyForms(root: string): void {
  for (const name of forms.keys()) cpSync(join(FORMS_DIR, name), join(root, 'seeds', name));
}

/** Runs `npm run convert` (the CLI) on a root. */
export function convert(root: string) {
  return spawnSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root, encoding: 'utf8' });
}
