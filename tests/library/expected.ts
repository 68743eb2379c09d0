/**
 * What the library build must show, read straight from the seed texts (seeds/*.txt and the
 * fictional documents in tests/fixtures/library/) with a few regular expressions — independent of
 * the converter's parser, so the tests compare the site with the texts, not with itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { documentId } from '../../src/convert/doc-id.ts';
import { libraryRegistryYaml, librarySeedFiles } from '../helpers/library-site.ts';
import { LIBRARY_FIXTURES, SEEDS_DIR } from '../helpers/paths.ts';

export interface RegistryEntry { id: string; abbr: string; name: string; kind: string }

/** content/departments.yaml plus the fixtures' fictional departments, as the library build reads them. */
export const registry: RegistryEntry[] = parse(libraryRegistryYaml());
const byAbbr = new Map(registry.map((d) => [d.abbr, d]));
export const deptByAbbr = (abbr: string): RegistryEntry => {
  const d = byAbbr.get(abbr);
  if (!d) throw new Error(`no department ${abbr} in the registry`);
  return d;
};

export interface ExpectedProvision {
  /** chapter-provision: 2-1. */
  id: string;
  chapter: number;
  /** The seed line, marker included. */
  line: string;
  /** The text after the marker （一）. */
  text: string;
  /** Up to and including the first 。, without the marker. */
  headline: string;
  /** Department abbreviations of the closing attribution, in order (the first leads). */
  abbrs: string[];
}

export interface ExpectedDoc {
  /** Seed file name. */
  file: string;
  /** Whether it is one of the fictional fixtures (else the real seed). */
  fixture: boolean;
  id: string;
  /** 关于印发《…》的通知 */
  noticeTitle: string;
  /** The title inside 《》: how the site names the document. */
  title: string;
  docNumber: string;
  addressees: string;
  notice: string[];
  signature: string;
  /** 发文机关: the signature without a closing （…代章）. */
  issuer: string;
  date: string;
  dateISO: string;
  year: string;
  preamble: string[];
  chapters: { number: number; title: string; provisions: ExpectedProvision[] }[];
  provisions: ExpectedProvision[];
  /** Every line after the 发文字号 (what can cite other documents). */
  body: string;
}

const CHAPTER = /^([一二三四五六七八九十]+)、(.*)$/u;
const MEASURE = /^（[一二三四五六七八九十]+）(.*)$/u;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;

function readDoc(dir: string, file: string, fixture: boolean): ExpectedDoc {
  const lines = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const dateAt = lines.findIndex((l) => DATE.test(l));
  const [, y, m, d] = DATE.exec(lines[dateAt]!)!;
  const firstChapter = lines.findIndex((l, i) => i > dateAt && CHAPTER.test(l));
  const chapters: ExpectedDoc['chapters'] = [];
  for (const line of lines.slice(firstChapter)) {
    const c = CHAPTER.exec(line);
    if (c) { chapters.push({ number: chapters.length + 1, title: c[2]!, provisions: [] }); continue; }
    const chapter = chapters.at(-1)!;
    const text = MEASURE.exec(line)![1]!;
    const attribution = /（([^（）]*?)(?:等部门按职责分工)?）$/u.exec(text);
    const listed = attribution ? attribution[1]!.split('、') : [];
    chapter.provisions.push({
      id: `${chapter.number}-${chapter.provisions.length + 1}`,
      chapter: chapter.number,
      line,
      text,
      headline: text.slice(0, text.indexOf('。') + 1),
      abbrs: listed.every((a) => byAbbr.has(a)) ? listed : [],
    });
  }
  const signature = lines[dateAt - 1]!;
  const id = documentId(lines[1]!);
  if (!id) throw new Error(`${file}: no id from ${lines[1]}`);
  return {
    file,
    fixture,
    id,
    noticeTitle: lines[0]!,
    title: /《([^》]+)》/u.exec(lines[0]!)![1]!,
    docNumber: lines[1]!,
    addressees: lines[2]!,
    notice: lines.slice(3, dateAt - 1),
    signature,
    issuer: signature.replace(/（[^（）]+代章）$/u, ''),
    date: lines[dateAt]!,
    dateISO: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`,
    year: y!,
    preamble: lines.slice(dateAt + 1, firstChapter),
    chapters,
    provisions: chapters.flatMap((c) => c.provisions),
    body: lines.slice(2).join('\n'),
  };
}

const seedFiles = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

/** Every document of the library build, newest first (成文日期; the same day by 发文字号). */
export const docs: ExpectedDoc[] = [
  ...seedFiles.map((f) => readDoc(SEEDS_DIR, f, false)),
  ...librarySeedFiles().map((f) => readDoc(LIBRARY_FIXTURES, f, true)),
].sort((a, b) => b.dateISO.localeCompare(a.dateISO) || a.docNumber.localeCompare(b.docNumber, 'zh'));

export const docById = (id: string): ExpectedDoc => {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
};

/** The real seed, 津就组字〔2020〕5号. */
export const seed = docs.find((d) => d.docNumber === '津就组字〔2020〕5号')!;
export const fixtures = docs.filter((d) => d.fixture);

/** Registry abbreviations that a document's attributions list. */
export const departmentsOf = (d: ExpectedDoc): Set<string> => new Set(d.provisions.flatMap((m) => m.abbrs));

/** One department's tasks in one document: the provisions that list it, and those it leads. */
export function tasksOf(abbr: string, d: ExpectedDoc): { provisions: ExpectedProvision[]; leads: ExpectedProvision[] } {
  const provisions = d.provisions.filter((m) => m.abbrs.includes(abbr));
  return { provisions, leads: provisions.filter((m) => m.abbrs[0] === abbr) };
}

/** Other documents of the library that a document names, by 《title》 (either form) or 发文字号. */
export function citedBy(d: ExpectedDoc): ExpectedDoc[] {
  return docs.filter((o) => o !== d && [`《${o.title}》`, `《${o.noticeTitle}》`, o.docNumber].some((s) => d.body.includes(s)));
}

/** Every provision-department link of the library, in document order (newest first), provision and list order. */
export const links = docs.flatMap((d) => d.provisions.flatMap((m) => m.abbrs.map((abbr, i) => ({ doc: d, provision: m, abbr, position: i + 1 }))));

/** What the document's home page indexes for search: the notice with title, number, signature, date and preamble. */
export const noticeText = (d: ExpectedDoc): string =>
  [d.noticeTitle, d.docNumber, d.addressees, ...d.notice, d.signature, d.date, ...d.preamble].join('\n');

/** The terms content/thesaurus.yaml gives a word readers type (none when it lists no such word). */
export const thesaurusTerms = (word: string): string[] =>
  (parse(readFileSync(join(SEEDS_DIR, '..', 'content', 'thesaurus.yaml'), 'utf8')) as { words: string[]; terms: string[] }[])
    .find((e) => e.words.includes(word))?.terms ?? [];
