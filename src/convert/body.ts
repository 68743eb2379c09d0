/**
 * The body of a document: the preamble, then divisions and provisions. Which numbering is the
 * provision (the unit people cite, with its own page) follows from the numberings the body uses:
 * 第一条 when there are articles; else （一） (grouped by 一、 or 第一章 when there are such
 * headings, else directly under the title); else 一、. Higher numberings group provisions
 * (chapters 一、/第一章, sections 第一节); lower ones (1. （1）, and （一） inside an article) are
 * sub-items that stay inside their provision, each on its own line. Numbers run 1, 2, 3… within
 * each parent (articles through the whole document); a gap or a repeat is an error at its position.
 */
import type { Attribution, Chapter, ChapterKind, Department, Measure, ProvisionKind } from '../model/types.ts';
import { NUMBERING, type Numbering, type NumberingKind } from '../model/numbering.ts';
import { readAttributionLines, readParentheticalAttribution } from './attribution.ts';
import { SourceError } from './errors.ts';
import { colAt, quote, type Line } from './lines.ts';
import type { Classified } from './rules.ts';

export interface Body {
  preamble: string[];
  chapters: Chapter[];
}

type Numbered = Classified & { kind: 'numbered' };
type Role = 'chapter' | 'section' | 'provision' | 'sub';

/** The outline a body's numberings give: what groups, what is cited, what stays inside. */
interface Outline {
  provision: ProvisionKind;
  chapter: ChapterKind;
  role: (kind: NumberingKind) => Role | null;
}

function outline(file: string, lines: readonly Classified[], endLine: number): Outline {
  const numbered = lines.filter((l): l is Numbered => l.kind === 'numbered');
  const kinds = new Set(numbered.map((l) => l.numbered.numbering.kind));
  const provision: ProvisionKind | undefined = kinds.has('article') ? 'article' : kinds.has('item') ? 'item' : kinds.has('part') ? 'part' : undefined;
  if (!provision) {
    const first = numbered[0];
    if (first)
      throw new SourceError(file, first.no, first.col,
        `the ${first.numbered.numbering.name} line ${quote(first.text)} stands outside any provision: expected provisions numbered 第一条, 一、 or （一） first`);
    throw new SourceError(file, endLine, 1, 'no provisions found: expected numbered provisions (第一条…, 一、…, （一）…) after the title and preamble');
  }
  const chapter: ChapterKind = kinds.has('chapter') ? 'chapter' : provision === 'item' && kinds.has('part') ? 'part' : 'none';
  const rank = NUMBERING[provision].rank;
  return {
    provision,
    chapter,
    role: (kind) => {
      if (kind === provision) return 'provision';
      if (chapter !== 'none' && kind === chapter) return 'chapter';
      if (kind === 'section' && chapter === 'chapter') return 'section';
      return NUMBERING[kind].rank > rank ? 'sub' : null;
    },
  };
}

/** An open numbered line and the last number of each kind seen directly under it. */
interface Node {
  kind: NumberingKind | 'root';
  rank: number;
  marker: string;
  role: Role | 'root';
  last: Map<NumberingKind, number>;
}

/** A provision being read. */
interface Draft {
  first: Numbered;
  chapter: Chapter;
  section: number | null;
  /** Its lines: the first line's text after the marker, then sub-items and paragraphs. */
  lines: Line[];
  duty: Line[];
}

/** The headline: up to and including the first 。 outside brackets and quotes, else the whole text. */
export function cutHeadline(text: string): string {
  let depth = 0;
  let offset = 0;
  for (const ch of text) {
    offset += ch.length;
    if ('《“（(「【‘'.includes(ch)) depth++;
    else if ('》”）)」】’'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '。' && depth === 0) return text.slice(0, offset);
  }
  return text;
}

export function readBody(file: string, lines: readonly Classified[], endLine: number, registry: ReadonlyMap<string, Department>): Body {
  const shape = outline(file, lines, endLine);
  const fail = (line: Line, message: string, col = line.col): never => {
    throw new SourceError(file, line.no, col, message);
  };
  const preamble: string[] = [];
  const chapters: Chapter[] = [];
  const root: Node = { kind: 'root', rank: -1, marker: '', role: 'root', last: new Map() };
  const stack: Node[] = [root];
  const throughout = new Map<NumberingKind, number>();
  let draft: Draft | null = null;
  let section: number | null = null;

  const finish = () => {
    if (draft) draft.chapter.measures.push(provision(file, draft, shape, registry));
    draft = null;
  };
  const implicitChapter = (line: Line): Chapter => {
    if (chapters.length === 0) chapters.push({ number: 1, marker: '', title: '', line: line.no, measures: [], kind: 'none', sections: [] });
    return chapters[0]!;
  };

  for (const line of lines) {
    if (line.kind === 'numbered') {
      const { numbering, number, marker } = line.numbered;
      const role = shape.role(numbering.kind);
      if (!role)
        fail(line, `the ${numbering.name} line ${quote(line.text)} has no place in this document: its provisions are numbered ${NUMBERING[shape.provision].marker(1)}…`
          + (shape.chapter === 'none' ? '' : `, grouped under ${NUMBERING[shape.chapter].marker(1)}…`));
      while (stack.at(-1)!.rank >= numbering.rank) stack.pop();
      const parent = stack.at(-1)!;
      if (role === 'section' && parent.role !== 'chapter') fail(line, `the section ${marker} stands outside any chapter (第一章…)`);
      if (role === 'provision' && shape.chapter !== 'none' && !stack.some((n) => n.role === 'chapter'))
        fail(line, `a numbered measure ${marker} appears before the first chapter heading (${NUMBERING[shape.chapter].marker(1)}…)`);
      if (role === 'sub' && !draft) fail(line, `the ${numbering.name} line ${quote(line.text)} stands outside any provision`);
      if (role === 'sub' && draft!.duty.length > 0)
        fail(line, `a sub-item after the attribution line (责任单位：…) of ${draft!.first.numbered.marker}: the attribution line closes the provision`);
      checkNumber(file, line, numbering, number!, numbering.continuous ? throughout : parent.last, parent, role!);
      stack.push({ kind: numbering.kind, rank: numbering.rank, marker, role: role!, last: new Map() });
      if (role === 'chapter') {
        finish();
        section = null;
        const title = line.numbered.rest;
        if (!title) fail(line, `chapter ${marker} has no title`);
        chapters.push({ number: number!, marker, title, line: line.no, measures: [], kind: shape.chapter, sections: [] });
      } else if (role === 'section') {
        finish();
        section = number!;
        if (!line.numbered.rest) fail(line, `section ${marker} has no title`);
        chapters.at(-1)!.sections!.push({ number: number!, marker, title: line.numbered.rest, line: line.no });
      } else if (role === 'provision') {
        finish();
        const chapter = shape.chapter === 'none' ? implicitChapter(line) : chapters.at(-1)!;
        const restCol = line.col + line.numbered.restOffset;
        draft = { first: line, chapter, section, lines: [{ no: line.no, col: restCol, text: line.numbered.rest }], duty: [] };
      } else draft!.lines.push(line);
    } else if (line.kind === 'duty') {
      if (!draft) fail(line, `an attribution line ${quote(line.text)} must follow a provision`);
      draft!.duty.push(line);
    } else if (draft) {
      if (draft.duty.length > 0)
        fail(line, `expected the next provision after the attribution line of ${draft.first.numbered.marker}, found the text ${quote(line.text)}`);
      draft.lines.push(line);
    } else if (chapters.length > 0) {
      const chapter = chapters.at(-1)!;
      fail(line, `expected a provision (${NUMBERING[shape.provision].marker(1)}…) under ${chapter.marker}${chapter.title}, found the text ${quote(line.text)}`);
    } else preamble.push(line.text);
  }
  finish();
  for (const chapter of chapters)
    if (chapter.measures.length === 0) throw new SourceError(file, chapter.line, 1, `chapter ${chapter.marker} has no measures`);
  for (const chapter of chapters)
    for (const s of chapter.sections ?? [])
      if (!chapter.measures.some((m) => m.section === s.number)) throw new SourceError(file, s.line, 1, `section ${s.marker} has no provisions`);
  return { preamble, chapters };
}

/** Checks that a number follows the last of its kind under the same parent (or through the document). */
function checkNumber(file: string, line: Numbered, numbering: Numbering, number: number, last: Map<NumberingKind, number>, parent: Node, role: Role): void {
  const previous = last.get(numbering.kind) ?? 0;
  const expected = previous + 1;
  last.set(numbering.kind, number);
  if (number === expected) return;
  const written = line.numbered.marker;
  const want = numbering.marker(expected);
  const noun = role === 'provision' ? (numbering.kind === 'article' ? 'article' : 'measure') : numbering.name.split(' ')[0];
  const where = parent.role === 'root' || numbering.continuous ? '' : ` ${parent.role === 'chapter' ? 'in chapter' : 'under'} ${parent.marker}`;
  const message =
    role === 'chapter'
      ? `chapter heading ${written} is out of order: expected ${want} (chapter ${expected}) here`
      : `${noun} ${written} is ${number <= previous ? 'repeated' : 'out of order'}${where}: expected ${want} here${number > expected ? ' (a number was skipped?)' : ''}`;
  throw new SourceError(file, line.no, line.col, message);
}

/** A provision from its lines: text, attribution, headline. */
function provision(file: string, d: Draft, shape: Outline, registry: ReadonlyMap<string, Department>): Measure {
  const { first } = d;
  const label = `${d.chapter.marker}${first.numbered.marker}`;
  const opening = d.lines[0]!;
  if (!opening.text) throw new SourceError(file, first.no, opening.col, `measure ${label} is empty: it has a number but no text`);
  const last = d.lines.at(-1)!;
  let attribution: Attribution | null;
  if (d.duty.length > 0) {
    if (readParentheticalAttribution(file, last, registry))
      throw new SourceError(file, last.no, last.col, `${label} has two attributions: a closing parenthetical and the line ${quote(d.duty[0]!.text)}`);
    attribution = readAttributionLines(file, d.duty, registry);
  } else attribution = readParentheticalAttribution(file, last, registry);
  for (const line of d.lines.slice(0, -1)) {
    const inner = readParentheticalAttribution(file, line, registry);
    if (inner)
      throw new SourceError(file, line.no, colAt(line, line.text.length - inner.text.length),
        `an attribution ${quote(inner.text)} closes a line inside ${label}: a provision has one attribution, at its end (or a line 责任单位：… after its sub-items)`);
  }
  const own = d.lines.length === 1 && attribution?.form === 'parenthetical' ? opening.text.slice(0, -attribution.text.length).trimEnd() : opening.text;
  if (!own) throw new SourceError(file, first.no, opening.col, `measure ${label} is empty: it has a number and an attribution but no text`);
  const headline = cutHeadline(own);
  if (/^[。．.\s]*$/u.test(headline)) throw new SourceError(file, first.no, opening.col, `the headline of ${label} is empty: its text starts with 。`);
  const text = [...d.lines, ...d.duty].map((l) => l.text).join('\n');
  const number = first.numbered.number!;
  return {
    id: `${d.chapter.number}-${number}`,
    chapter: d.chapter.number,
    number,
    marker: first.numbered.marker,
    headline,
    text,
    attribution,
    line: first.no,
    kind: shape.provision,
    chapterKind: shape.chapter,
    section: d.section,
  };
}
