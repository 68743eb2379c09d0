/**
 * The body of a document: the preamble, then divisions, provisions and the paragraphs between
 * them. Which numbering is the provision (the unit people cite, with its own page) follows from
 * the numberings the body uses: 第一条 when there are articles; else （一） (grouped by 一、 or 第一章
 * when there are such headings, else directly under the title), unless the 一、 lines read as
 * articles (they run on as sentences: a 办法 numbered 一、…十九、), then 一、 with （一） inside; else
 * 一、. Higher numberings group provisions (chapters 一、/第一章, sections 第一节); lower ones (1.
 * （1）, and （一） inside an article) are sub-items that stay inside their provision, a line each.
 *
 * Read tolerantly: numbers are kept as published. Items may restart under each 一、 or run straight
 * through the document; a gap, a repeat or an order the converter does not expect is noted in the
 * report, never renumbered. Text that is no provision (prose under a heading, a paragraph between
 * provisions or after the last one, a line whose numbering has no place) is kept where it stands
 * as a paragraph of its chapter (or of the preamble), never merged into a neighbouring provision.
 */
import type { Attribution, Chapter, ChapterKind, ChapterParagraph, Provision, ProvisionKind } from '../model/types.ts';
import { NUMBERING, type Numbering, type NumberingKind } from '../model/numbering.ts';
import { readAttributionLines, readParentheticalAttribution, type AttributionContext } from './attribution.ts';
import { SourceError } from '../model/source-error.ts';
import { colAt, quote, type Line } from './lines.ts';
import { Report } from './report.ts';
import type { Classified } from './rules.ts';
import { chapterHeading } from '../model/derive.ts';

export interface Body {
  preamble: string[];
  chapters: Chapter[];
}

/** What reading a body needs: the file (for refusals), the report, the bodies attributions name. */
export interface BodyContext extends AttributionContext {
  file: string;
}

type Numbered = Classified & { kind: 'numbered' };
type Role = 'chapter' | 'section' | 'provision' | 'sub';

/** The outline a body's numberings give: what groups, what is cited, what stays inside. */
interface Outline {
  provision: ProvisionKind;
  chapter: ChapterKind;
  role: (kind: NumberingKind) => Role | null;
}

/** A 一、 line that reads as an article, not a heading: its text runs on as sentences. */
const isProse = (rest: string) => /[。；]/u.test(rest) || [...rest].length > 40;

function outline(ctx: BodyContext, lines: readonly Classified[]): Outline | null {
  const numbered = lines.filter((l): l is Numbered => l.kind === 'numbered');
  const kinds = new Set(numbered.map((l) => l.numbered.numbering.kind));
  let provision: ProvisionKind | undefined = kinds.has('article') ? 'article' : kinds.has('item') ? 'item' : kinds.has('part') ? 'part' : undefined;
  if (!provision) return null;
  if (provision === 'item' && kinds.has('part') && !kinds.has('chapter')) {
    const parts = numbered.filter((l) => l.numbered.numbering.kind === 'part');
    if (parts.filter((l) => isProse(l.numbered.rest)).length * 2 > parts.length) {
      provision = 'part';
      ctx.report.add(parts[0]!.no, parts[0]!.col,
        `the 一、 lines read as articles, not headings (most run on as sentences): each 一、 is a provision, and （一）… inside one are its sub-items`);
    }
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
  through: boolean;
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

export function readBody(ctx: BodyContext, lines: readonly Classified[], endLine: number): Body {
  const { report } = ctx;
  const shape = outline(ctx, lines);
  const preamble: string[] = [];
  const chapters: Chapter[] = [];
  if (!shape) {
    const first = lines[0];
    report.add(first?.no ?? endLine, first?.col ?? 1, 'no numbered provisions (第一条…, 一、…, （一）…): the whole body is read as paragraphs');
    return { preamble: lines.map((l) => l.text), chapters };
  }
  const root: Node = { kind: 'root', rank: -1, marker: '', role: 'root', last: new Map() };
  const stack: Node[] = [root];
  const throughout = new Map<NumberingKind, number>();
  /** Items under headings: numbered afresh under each heading, or straight through the document. */
  let itemNumbering: 'restart' | 'through' | undefined;
  let lastItem = 0;
  let draft: Draft | null = null;
  let section: number | null = null;
  const ids = new Set<string>();

  const finish = () => {
    if (draft) draft.chapter.provisions.push(provision(ctx, draft, shape, ids));
    draft = null;
  };
  const implicitChapter = (line: Line): Chapter => {
    if (chapters.length === 0) chapters.push({ number: 1, marker: '', title: '', line: line.no, provisions: [], kind: 'none', sections: [] });
    return chapters[0]!;
  };
  /** Text that is no provision: a paragraph of the current chapter, or of the preamble before the first. */
  const paragraph = (line: Line, why?: string) => {
    const chapter = chapters.at(-1);
    if (why) report.add(line.no, line.col, `${why}: kept as a paragraph of its own ${chapter ? `in ${chapter.marker ? chapterHeading(chapter) : 'the body'}` : 'in the preamble'}`);
    if (!chapter) return void preamble.push(line.text);
    const paragraphs: ChapterParagraph[] = (chapter.paragraphs ??= []);
    paragraphs.push({ text: line.text, line: line.no, after: chapter.provisions.length });
  };
  const closedByAttribution = (d: Draft) => d.duty.length > 0 || readParentheticalAttribution({ ...ctx, report: quiet(ctx) }, d.lines.at(-1)!) !== null;

  for (const line of lines) {
    if (line.kind === 'numbered') {
      const { numbering, number, marker } = line.numbered;
      const role = shape.role(numbering.kind);
      const place = role && placeOf(role, stack, numbering, shape, draft);
      if (!role || place) {
        finishIfClosed();
        paragraph(line, place ?? `the ${numbering.name} line ${quote(line.text)} has no place in this document's numbering (its provisions are ${NUMBERING[shape.provision].marker(1)}…)`);
        continue;
      }
      while (stack.at(-1)!.rank >= numbering.rank) stack.pop();
      const parent = stack.at(-1)!;
      let through = false;
      if (role === 'provision' && shape.provision === 'item' && shape.chapter !== 'none') {
        const underHeading = parent.role === 'chapter';
        if (underHeading && !parent.last.has('item') && chapters.length > 1 && itemNumbering === undefined) {
          itemNumbering = number === lastItem + 1 && number !== 1 ? 'through' : 'restart';
          if (itemNumbering === 'through')
            report.add(line.no, line.col, `${marker} continues the numbering of the previous part: the items are numbered straight through the document, and kept so`);
        }
        through = itemNumbering === 'through';
        checkNumber(ctx, line, numbering, number!, through ? lastItem : (parent.last.get(numbering.kind) ?? 0), parent, role);
        parent.last.set(numbering.kind, number!);
        lastItem = number!;
      } else {
        const last = numbering.continuous ? throughout : parent.last;
        checkNumber(ctx, line, numbering, number!, last.get(numbering.kind) ?? 0, parent, role);
        last.set(numbering.kind, number!);
      }
      stack.push({ kind: numbering.kind, rank: numbering.rank, marker, role, last: new Map() });
      if (role === 'chapter') {
        finish();
        section = null;
        const title = line.numbered.rest;
        if (!title) report.add(line.no, line.col, `chapter ${marker} has no title`);
        const taken = chapters.some((c) => c.number === number);
        const internal = taken ? Math.max(...chapters.map((c) => c.number)) + 1 : number!;
        if (taken) report.add(line.no, line.col, `chapter number ${marker} is used twice: this one is kept as written and addressed as chapter ${internal}`);
        chapters.push({ number: internal, marker, title, line: line.no, provisions: [], kind: shape.chapter, sections: [] });
      } else if (role === 'section') {
        finish();
        section = number!;
        if (!line.numbered.rest) report.add(line.no, line.col, `section ${marker} has no title`);
        chapters.at(-1)!.sections!.push({ number: number!, marker, title: line.numbered.rest, line: line.no });
      } else if (role === 'provision') {
        finish();
        const chapter = shape.chapter === 'none' ? implicitChapter(line) : chapters.at(-1)!;
        const restCol = line.col + line.numbered.restOffset;
        draft = { first: line, chapter, section, lines: [{ no: line.no, col: restCol, text: line.numbered.rest }], duty: [], through };
      } else draft!.lines.push(line);
    } else if (line.kind === 'duty') {
      if (!draft) paragraph(line, `an attribution line ${quote(line.text)} follows no provision`);
      else draft.duty.push(line);
    } else if (draft) {
      const d: Draft = draft;
      if (closedByAttribution(d)) {
        finish();
        paragraph(line, `a paragraph after the attribution that closes ${d.chapter.marker}${d.first.numbered.marker}`);
      } else d.lines.push(line);
    } else if (chapters.length > 0) {
      const chapter = chapters.at(-1)!;
      paragraph(line, chapter.provisions.length ? `a paragraph between the provisions of ${chapterHeading(chapter)}` : `prose directly under the heading ${chapterHeading(chapter)}`);
    } else preamble.push(line.text);
  }
  finish();
  // The first part's items are known to be numbered through only once the second part continues them.
  if (itemNumbering === 'through') for (const m of chapters.flatMap((c) => c.provisions)) m.through = true;
  for (const chapter of chapters)
    if (chapter.provisions.length === 0 && !chapter.paragraphs?.length) report.add(chapter.line, 1, `chapter ${chapter.marker} has neither provisions nor text`);
  for (const chapter of chapters)
    for (const s of chapter.sections ?? [])
      if (!chapter.provisions.some((m) => m.section === s.number)) report.add(s.line, 1, `section ${s.marker} has no provisions`);
  return { preamble, chapters };

  /** A sub-item or a line after an attribution line closes the provision when its attribution did. */
  function finishIfClosed() {
    if (draft && closedByAttribution(draft)) finish();
  }
}

/** A report that is thrown away: for looking ahead at a line that is read (and noted) later. */
function quiet(ctx: BodyContext): Report {
  return new Report(ctx.file);
}

/** Why a numbered line with a role cannot stand where it is (it is then kept as a paragraph), or null. */
function placeOf(role: Role, stack: readonly Node[], numbering: Numbering, shape: Outline, draft: Draft | null): string | null {
  const parents = stack.filter((n) => n.rank < numbering.rank);
  if (role === 'section' && !parents.some((n) => n.role === 'chapter')) return 'a section (第…节) outside any chapter (第一章…)';
  if (role === 'provision' && shape.chapter !== 'none' && !stack.some((n) => n.role === 'chapter'))
    return `a numbered provision before the first heading (${NUMBERING[shape.chapter].marker(1)}…)`;
  if (role === 'sub' && !draft) return `the ${numbering.name} line stands outside any provision`;
  if (role === 'sub' && draft!.duty.length > 0) return `a sub-item after the attribution line (责任单位：…) of ${draft!.first.numbered.marker}, which closes the provision`;
  return null;
}

/** Notes a number that does not follow the last of its kind under the same parent (or through the document). Numbers are kept as written. */
function checkNumber(ctx: BodyContext, line: Numbered, numbering: Numbering, number: number, previous: number, parent: Node, role: Role): void {
  const expected = previous + 1;
  if (number === expected) return;
  const written = line.numbered.marker;
  const want = numbering.marker(expected);
  const noun = role === 'provision' ? (numbering.kind === 'article' ? 'article' : 'provision') : numbering.name.split(' ')[0];
  const where = parent.role === 'root' || numbering.continuous ? '' : ` ${parent.role === 'chapter' ? 'in chapter' : 'under'} ${parent.marker}`;
  const message =
    role === 'chapter'
      ? `chapter heading ${written} is out of order: expected ${want} (chapter ${expected}) here; kept as written`
      : `${noun} ${written} is ${number <= previous ? 'repeated' : 'out of order'}${where}: expected ${want} here${number > expected ? ' (a number was skipped?)' : ''}; kept as written`;
  ctx.report.add(line.no, line.col, message);
}

/** A provision from its lines: text, attribution, headline. */
function provision(ctx: BodyContext, d: Draft, shape: Outline, ids: Set<string>): Provision {
  const { file, report } = ctx;
  const { first } = d;
  const label = `${d.chapter.marker}${first.numbered.marker}`;
  const opening = d.lines[0]!;
  if (!opening.text) throw new SourceError(file, first.no, opening.col, `provision ${label} is empty: it has a number but no text`);
  const last = d.lines.at(-1)!;
  let attribution: Attribution | null;
  if (d.duty.length > 0) {
    if (readParentheticalAttribution({ ...ctx, report: quiet(ctx) }, last))
      report.add(last.no, last.col, `${label} has two attributions, a closing parenthetical and the line ${quote(d.duty[0]!.text)}: the line is read`);
    attribution = readAttributionLines(ctx, d.duty);
  } else attribution = readParentheticalAttribution(ctx, last);
  for (const line of d.lines.slice(0, -1)) {
    const inner = readParentheticalAttribution({ ...ctx, report: quiet(ctx) }, line);
    if (inner)
      report.add(line.no, colAt(line, line.text.length - inner.text.length),
        `an attribution ${quote(inner.text)} closes a line inside ${label}: a provision has one attribution, at its end; this one is kept as text`);
  }
  const own = d.lines.length === 1 && attribution?.form === 'parenthetical' ? opening.text.slice(0, -attribution.text.length).trimEnd() : opening.text;
  if (!own) throw new SourceError(file, first.no, opening.col, `provision ${label} is empty: it has a number and an attribution but no text`);
  const headline = cutHeadline(own);
  if (/^[。．.\s]*$/u.test(headline)) throw new SourceError(file, first.no, opening.col, `the headline of ${label} is empty: its text starts with 。`);
  const text = [...d.lines, ...d.duty].map((l) => l.text).join('\n');
  const number = first.numbered.number!;
  let id = `${d.chapter.number}-${number}`;
  if (ids.has(id)) {
    let k = 2;
    while (ids.has(`${id}-${k}`)) k++;
    report.add(first.no, first.col, `${label} repeats a number already used in this chapter: addressed as ${id}-${k}`);
    id = `${id}-${k}`;
  }
  ids.add(id);
  return {
    id,
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
    ...(d.through ? { through: true } : {}),
  };
}
