/**
 * Parses a seed (the plain text of a Chinese policy document) into the policy model. The grammar
 * is a sequence of parts, each read by a small function over classified lines (rules.ts):
 *
 *   head         title, [发文字号], [signature and date, when they stand at the start], [主送：]
 *   notice       (only under a title 关于印发《…》的通知) the notice text, [附件：…], signature,
 *                date, [附注], [the carried document's title, repeated]
 *   body         preamble, divisions and provisions (body.ts)
 *   closing      [附件：1.… 2.…], signature and date (unless already read), [附注 （此件公开发布）]
 *   attachments  附件1 / 附件, its title line, its body
 *   colophon     版记: 抄送：…, …印发 with its date, separator rules
 *
 * A line no part can take is an error FILE:LINE:COL naming what was expected there and what was
 * found; nothing is ever merged silently into a neighbour.
 */
import type { AttributedDepartment, Attachment, Colophon, Department, DocumentForm, PolicyDocument } from '../model/types.ts';
import { Bodies, unlistedSlug } from './attribution.ts';
import { readBody } from './body.ts';
import { documentId, titleDocumentId } from './doc-id.ts';
import { SourceError } from '../model/source-error.ts';
import { checkBrackets, toLines } from './lines.ts';
import { Report, type Note } from './report.ts';
import { classify, describe, type Classified, type LineKindName } from './rules.ts';
import { readNumbering } from '../model/numbering.ts';
import { bookTitle } from '../model/derive.ts';

/** A notice that carries the document: 关于印发《天津市…若干措施》的通知 (also 转发, 发布, 颁布). */
const NOTICE_TITLE_RE = /(?:印发|转发|发布|颁布)[^《》]*《([^《》]+)》.*通知$/u;
/** The same without 《》, as the State Council writes it: 国务院关于印发国家职业教育改革实施方案的通知. */
const NOTICE_PLAIN_RE = /关于(?:印发|转发|发布|颁布)([^《》]+?)的通知$/u;
/** An order (令) that publishes a regulation: 中华人民共和国国务院令, then 第706号 on the next line. */
const ORDER_TITLE_RE = /^(?:中华人民共和国)?(.+?)令$/u;
const ORDER_NUMBER_RE = /^第[0-9０-９]+号$/u;
/**
 * A signature line: short, with no sentence punctuation (it may carry a seal note in brackets),
 * and not a closing formula written without its 。 (特此通知, 此复).
 */
const SIGNATURE_RE = /^(?!特此|此复)[^。，；：！？、,;:!?]{2,40}$/u;
/** 主送: a list of bodies ending in ：. */
const ADDRESSEES_RE = /^[^。]+[：:]$/u;
/** Kinds of line that end the body: what comes after the last provision. */
const AFTER_BODY: ReadonlySet<LineKindName> = new Set(['date', 'attachmentNote', 'attachmentLabel', 'copiedTo', 'printed', 'note', 'rule']);

/** The classified lines of a seed, read in order. */
class Cursor {
  i = 0;
  readonly file: string;
  readonly lines: readonly Classified[];
  /** The number of lines in the file, where "the file ends" is reported. */
  readonly lineCount: number;
  constructor(file: string, lines: readonly Classified[], lineCount: number, report: Report) {
    this.file = file;
    this.report = report;
    this.lines = lines;
    this.lineCount = lineCount;
  }

  get done(): boolean {
    return this.i >= this.lines.length;
  }
  peek(k = 0): Classified | undefined {
    return this.lines[this.i + k];
  }
  take(): Classified {
    return this.lines[this.i++]!;
  }
  is(kind: LineKindName): boolean {
    return this.peek()?.kind === kind;
  }
  readonly report: Report;
  /** Fails at the current line: expected …, found …; or at the end of the file. */
  expected(what: string): never {
    const line = this.peek();
    if (!line) throw new SourceError(this.file, this.lineCount, 1, `the file ends where ${what} should be`);
    throw new SourceError(this.file, line.no, line.col, `expected ${what}, found ${describe(line)}`);
  }
  /**
   * How many signature lines stand here before a date line: 0 when the date itself is here,
   * null when no date follows within a signature's reach.
   */
  signatureAhead(): number | null {
    for (let k = 0; k < 4; k++) {
      const line = this.peek(k);
      if (!line) return null;
      if (line.kind === 'date') return k;
      if (line.kind !== 'text' || !SIGNATURE_RE.test(line.text)) return null;
    }
    return null;
  }
}

interface Signed {
  signature: string | null;
  issuer: string | null;
  seal: PolicyDocument['seal'];
  date: string;
  dateISO: string;
  line: number;
}

/** Signature lines (if any) and the date under them, when they stand here. */
function readSignature(cur: Cursor, bodies: Bodies): Signed | null {
  const count = cur.signatureAhead();
  if (count === null) return null;
  const lines = Array.from({ length: count }, () => cur.take());
  const date = cur.take() as Classified & { kind: 'date' };
  const first = lines[0];
  let issuer = first?.text ?? null;
  let seal: PolicyDocument['seal'] = null;
  const sealMatch = first && /^(.+?)（([^（）]+代章)）$/u.exec(first.text);
  if (first && sealMatch) {
    issuer = sealMatch[1]!;
    const abbr = sealMatch[2]!.replace(/代章$/u, '');
    const dept = bodies.lookup(abbr);
    const slug = dept?.id ?? unlistedSlug(abbr);
    if (!dept) cur.report.add(first.no, first.col + [...issuer].length + 1, `"${abbr}" in the seal note is not in content/departments.yaml: read as a body of its own (/departments/${slug}/)`);
    const department: AttributedDepartment = { abbr, slug };
    seal = { text: sealMatch[2]!, department };
  }
  return { signature: lines.length ? lines.map((l) => l.text).join('\n') : null, issuer, seal, date: date.text, dateISO: date.iso, line: date.no };
}

/** 附注 after the date: （此件公开发布）, and other lines wholly in brackets (（联系人：…）). */
function readNotes(cur: Cursor): string[] {
  const notes: string[] = [];
  while (cur.is('note') || (cur.is('text') && /^（[^（）]*）$/u.test(cur.peek()!.text))) notes.push(cur.take().text);
  return notes;
}

/** 附件说明: 附件：1.…, then 2.… 3.… on lines of their own. */
function readAttachmentNote(cur: Cursor): string[] {
  if (!cur.is('attachmentNote')) return [];
  const first = cur.take();
  const lines = [first.text];
  let n = readNumbering(first.text.replace(/^附件[：:]\s*/u, ''))?.number ?? 1;
  for (let line = cur.peek(); line?.kind === 'numbered' && line.numbered.numbering.kind === 'point'; line = cur.peek()) {
    if (line.numbered.number !== n + 1)
      cur.report.add(line.no, line.col, `attachment ${line.numbered.marker} is out of order in the list of attachments: expected ${n + 1}. here; kept as written`);
    n = line.numbered.number!;
    lines.push(cur.take().text);
  }
  return lines;
}

/** The attachments after the main text: a label line (附件1), a title line, a body. */
function readAttachments(cur: Cursor): Attachment[] {
  const attachments: Attachment[] = [];
  while (cur.is('attachmentLabel')) {
    const label = cur.take() as Classified & { kind: 'attachmentLabel' };
    const expected = attachments.length + 1;
    if (label.number !== null && label.number !== expected) cur.report.add(label.no, label.col, `attachment ${label.text} is out of order: expected 附件${expected} here; addressed as attachment ${expected}`);
    if (label.number === null && attachments.length > 0) cur.report.add(label.no, label.col, `a second attachment without its number: addressed as attachment ${expected}`);
    const title = !cur.done && !cur.is('attachmentLabel') && !colophonAhead(cur) ? cur.take().text : '';
    if (!title) cur.report.add(label.no, label.col, `${label.text} has no title line`);
    const body: string[] = [];
    while (!cur.done && !cur.is('attachmentLabel') && !colophonAhead(cur)) body.push(cur.take().text);
    attachments.push({ number: expected, label: label.text, title, text: body.join('\n'), line: label.no });
  }
  if (attachments.length > 1 && attachments[0]!.label.match(/^附件[：:]?$/u))
    cur.report.add(attachments[0]!.line, 1, 'the first of several attachments has no number: addressed as attachment 1');
  return attachments;
}

/** Whether the 版记 starts here: 抄送：…, …印发, or a rule above them. */
function colophonAhead(cur: Cursor): boolean {
  if (cur.is('copiedTo') || cur.is('printed')) return true;
  return cur.is('rule') && (['copiedTo', 'printed'] as (LineKindName | undefined)[]).includes(cur.peek(1)?.kind);
}

/** 版记: 抄送：… (wrapped lines included), …印发 with its date, and separator rules. */
function readColophon(cur: Cursor): Colophon | null {
  if (!colophonAhead(cur)) return null;
  const colophon: Colophon = { lines: [], copiedTo: null, printedBy: null, printed: null, printedISO: null };
  let copied: string[] | null = null;
  while (!cur.done) {
    const line = cur.peek()!;
    if (line.kind === 'copiedTo') copied = [line.text.replace(/^抄送[：:]\s*/u, '')];
    else if (line.kind === 'printed') {
      if (colophon.printed) break;
      Object.assign(colophon, { printedBy: line.by, printed: line.date, printedISO: line.iso });
      copied = null;
    } else if (line.kind === 'text' && copied && !colophon.printed) copied.push(line.text);
    else if (line.kind !== 'rule') break;
    if (copied) colophon.copiedTo = copied.join('');
    colophon.lines.push(cur.take().text);
  }
  return colophon;
}

interface Head {
  title: Classified;
  form: DocumentForm;
  /** The carried document's title, when the head names it ('' when the notice text will: a 令). */
  provisionsTitle: string;
  docNumber: { text: string; line: Classified } | null;
  /** The body that issues an order (令): 国务院 for 中华人民共和国国务院令. */
  orderIssuer: string | null;
  signed: Signed | null;
  addressees: string | null;
}

function readHead(cur: Cursor, bodies: Bodies): Head {
  const title = cur.peek()!;
  if (title.kind !== 'text') cur.expected('the title on the first line');
  cur.take();
  const order = ORDER_TITLE_RE.exec(title.text);
  if (order && ORDER_NUMBER_RE.test(cur.peek()?.text ?? '')) {
    // 中华人民共和国国务院令 / 第706号: the order publishes the regulation that follows its text, signature and date.
    const number = cur.take();
    const issuer = order[1]!;
    cur.report.add(number.no, number.col, `an order (令): its number is read as the document number ${issuer}令${number.text}, its text as the notice, the regulation after its date as the document it publishes`);
    return { title, form: 'notice', provisionsTitle: '', docNumber: { text: `${issuer}令${number.text}`, line: number }, orderIssuer: issuer, signed: null, addressees: null };
  }
  const carried = NOTICE_TITLE_RE.exec(title.text)?.[1] ?? NOTICE_PLAIN_RE.exec(title.text)?.[1];
  if (carried && !NOTICE_TITLE_RE.test(title.text))
    cur.report.add(title.no, title.col, `a notice whose title names the document it carries without 《》: read as carrying "${carried}"`);
  const form: DocumentForm = carried ? 'notice' : 'direct';
  const numberLine = cur.is('docNumber') ? cur.take() : null;
  // A document issued directly may put its signature and date under the title.
  const signed = form === 'direct' ? readSignature(cur, bodies) : null;
  const next = cur.peek();
  const addressees = next?.kind === 'text' && ADDRESSEES_RE.test(next.text) && !next.text.includes('如下') ? cur.take().text : null;
  return { title, form, provisionsTitle: carried ?? title.text, docNumber: numberLine && { text: numberLine.text, line: numberLine }, orderIssuer: null, signed, addressees };
}

/** Whether a line may be the carried document's own title: short, with no sentence punctuation. */
const TITLE_LINE_RE = /^[^。，；：！？,;:!?]{2,60}$/u;

/** The notice that carries the document: its text, 附件说明, signature, date, 附注, and the carried title if repeated. */
function readNotice(cur: Cursor, head: Head, bodies: Bodies) {
  const notice: string[] = [];
  const start = cur.i;
  while (!cur.done && cur.signatureAhead() === null && !cur.is('attachmentNote')) notice.push(cur.take().text);
  const attachmentNote = readAttachmentNote(cur);
  let signed = readSignature(cur, bodies);
  if (!signed) {
    // No date closed the notice: it ends where the carried document starts (its title repeated, or its first heading).
    cur.i = start;
    notice.length = 0;
    while (!cur.done && !(cur.is('numbered') && ['chapter', 'article', 'part'].includes((cur.peek() as Classified & { kind: 'numbered' }).numbered.numbering.kind))
      && !(head.provisionsTitle && [head.provisionsTitle, bookTitle(head.provisionsTitle)].includes(cur.peek()!.text)))
      notice.push(cur.take().text);
    const at = cur.peek() ?? cur.lines.at(-1)!;
    cur.report.add(at.no, at.col, 'no signature or date closes the notice: the notice is read up to here');
  }
  if (notice.length === 0) {
    const at = cur.lines[start] ?? cur.lines.at(-1)!;
    cur.report.add(at.no, at.col, `no notice text after ${head.addressees ? 'the addressees (主送)' : 'the title'}`);
  }
  const notes = readNotes(cur);
  const provisionsTitle = head.provisionsTitle || /《([^《》]+)》/u.exec(notice.join(''))?.[1] || '';
  const repeated = cur.peek();
  let carriedTitle: string | null = null;
  if (repeated?.kind === 'text' && (provisionsTitle ? [provisionsTitle, bookTitle(provisionsTitle)].includes(repeated.text) : TITLE_LINE_RE.test(repeated.text))) carriedTitle = cur.take().text;
  return { notice, attachmentNote, signed, notes, carriedTitle, provisionsTitle: provisionsTitle || carriedTitle || head.title.text };
}

/**
 * Parses one seed file against the department registry. The document's id is `id` when given
 * (declared in content/documents.yaml), else derived from its 发文字号, else from its title and year.
 */
export function parseSeed(file: string, text: string, registryList: readonly Department[], id?: string): PolicyDocument {
  return readSeed(file, text, registryList, id).doc;
}

/** parseSeed, with the conversion report: every guess made and every oddity read past, with its place. */
export function readSeed(file: string, text: string, registryList: readonly Department[], id?: string): { doc: PolicyDocument; notes: Note[] } {
  const report = new Report(file);
  const bodies = new Bodies(registryList);
  const all = toLines(file, text);
  // Line by line, in order: what the line is (a near miss is read and noted), then its brackets.
  const lines = all.filter((l) => l.text !== '').map((l) => {
    const classified = classify(report, l);
    checkBrackets(report, l);
    return classified;
  });
  if (lines.length === 0) throw new SourceError(file, 1, 1, 'the file is empty');
  const cur = new Cursor(file, lines, all.length, report);

  const head = readHead(cur, bodies);
  const notice = head.form === 'notice' ? readNotice(cur, head, bodies) : null;
  const provisionsTitle = notice?.provisionsTitle ?? head.provisionsTitle;

  const start = cur.i;
  while (!cur.done && !AFTER_BODY.has(cur.peek()!.kind) && cur.signatureAhead() === null) cur.i++;
  const bodyEnd = cur.peek()?.no ?? all.length;
  const body = readBody({ file, report, bodies }, lines.slice(start, cur.i), bodyEnd);

  // After the provisions: the closing of a document issued directly (a notice closed before them).
  let signed: Signed | null = notice ? notice.signed : head.signed;
  let signaturePlace: PolicyDocument['signaturePlace'] = notice ? 'notice' : 'start';
  const attachmentNote = notice ? notice.attachmentNote : readAttachmentNote(cur);
  if (!signed && !notice) {
    signed = readSignature(cur, bodies);
    signaturePlace = 'end';
    if (!signed) {
      const at = cur.peek() ?? lines.at(-1)!;
      report.add(cur.peek() ? at.no : all.length, 1, 'no signature (发文机关署名) or date (成文日期) after the last provision: the copy may be partial; the document is read as undated');
    }
  }
  const trailing: string[] = [];
  for (let again = cur.signatureAhead(); again !== null; again = cur.signatureAhead()) {
    const extra = cur.peek(again)!;
    report.add(extra.no, extra.col, `a second date${signed ? `: the document is already dated on line ${signed.line}` : ''}; kept as a note after the text`);
    for (let k = 0; k <= again; k++) trailing.push(cur.take().text);
  }
  const notes = [...(notice ? notice.notes : readNotes(cur)), ...trailing];
  const attachments = readAttachments(cur);
  const colophon = readColophon(cur);
  while (!cur.done) {
    const line = cur.take();
    report.add(line.no, line.col, `${describe(line)} after the ${colophon ? '版记' : attachments.length ? 'attachments' : 'end of the document'}: kept as a note after the text`);
    if (colophon) colophon.lines.push(line.text);
    else if (attachments.length) attachments.at(-1)!.text += (attachments.at(-1)!.text ? '\n' : '') + line.text;
    else notes.push(line.text);
  }

  const issuer = head.orderIssuer ?? signed?.issuer ?? /^(.+?)关于/u.exec(head.title.text)?.[1] ?? null;
  if (!issuer) report.add(head.title.no, head.title.col, 'no issuer (发文机关): the document has no signature line and its title does not name it (…关于…)');
  const docNumber = head.docNumber?.text ?? null;
  const year = signed?.dateISO.slice(0, 4);
  const docId = id ?? ((docNumber !== null ? documentId(docNumber) : undefined) ?? titleDocumentId(provisionsTitle, year));
  if (!docId) {
    const at = head.docNumber?.line ?? head.title;
    throw new SourceError(file, at.no, at.col, docNumber !== null
      ? `no id can be derived from the document number "${docNumber}": declare one for this seed in content/documents.yaml`
      : 'no id can be derived from the title: declare one for this seed in content/documents.yaml');
  }
  if (docNumber !== null && !documentId(docNumber) && !id) report.add(head.docNumber!.line.no, head.docNumber!.line.col, `no id can be derived from the document number "${docNumber}": the id ${docId} comes from the title`);
  const implMatch = /《([^》]+)》（([^（）]+〔\d{4}〕\d+号)）/u.exec(body.preamble.join(''));

  const doc: PolicyDocument = {
    id: docId,
    source: file.split('/').at(-1)!,
    title: head.title.text,
    provisionsTitle,
    docNumber,
    addressees: head.addressees,
    notice: notice?.notice ?? [],
    signature: signed?.signature ?? null,
    issuer,
    seal: signed?.seal ?? null,
    date: signed?.date ?? null,
    dateISO: signed?.dateISO ?? null,
    preamble: body.preamble,
    implements: implMatch ? { title: implMatch[1]!, number: implMatch[2]! } : null,
    chapters: body.chapters,
    form: head.form,
    carriedTitle: notice?.carriedTitle ?? null,
    signaturePlace: signed ? signaturePlace : 'end',
    attachmentNote,
    notes,
    attachments,
    colophon,
  };
  return { doc, notes: report.notes };
}
