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
import { readBody } from './body.ts';
import { documentId, titleDocumentId } from './doc-id.ts';
import { SourceError } from './errors.ts';
import { checkBrackets, toLines } from './lines.ts';
import { classify, describe, type Classified, type Kind } from './rules.ts';
import { readNumbering } from '../model/numbering.ts';

/** A notice that carries the document: 关于印发《天津市…若干措施》的通知 (also 转发, 发布, 颁布). */
const NOTICE_TITLE_RE = /(?:印发|转发|发布|颁布)[^《》]*《([^《》]+)》.*通知$/u;
/**
 * A signature line: short, with no sentence punctuation (it may carry a seal note in brackets),
 * and not a closing formula written without its 。 (特此通知, 此复).
 */
const SIGNATURE_RE = /^(?!特此|此复)[^。，；：！？、,;:!?]{2,40}$/u;
/** 主送: a list of bodies ending in ：. */
const ADDRESSEES_RE = /^[^。]+[：:]$/u;
/** Kinds of line that end the body: what comes after the last provision. */
const AFTER_BODY: ReadonlySet<Kind> = new Set(['date', 'attachmentNote', 'attachmentLabel', 'copiedTo', 'printed', 'note', 'rule']);

/** The classified lines of a seed, read in order. */
class Cursor {
  i = 0;
  readonly file: string;
  readonly lines: readonly Classified[];
  /** The number of lines in the file, where "the file ends" is reported. */
  readonly lineCount: number;
  constructor(file: string, lines: readonly Classified[], lineCount: number) {
    this.file = file;
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
  is(kind: Kind): boolean {
    return this.peek()?.kind === kind;
  }
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
function readSignature(cur: Cursor, registry: ReadonlyMap<string, Department>): Signed | null {
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
    const dept = registry.get(abbr);
    if (!dept) throw new SourceError(cur.file, first.no, first.col + [...issuer].length + 1, `unknown department "${abbr}" in the seal note: add it to content/departments.yaml`);
    const department: AttributedDepartment = { abbr, slug: dept.id };
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
      throw new SourceError(cur.file, line.no, line.col, `attachment ${line.numbered.marker} is out of order in the list of attachments: expected ${n + 1}. here`);
    n++;
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
    const number = label.number ?? expected;
    if (number !== expected) throw new SourceError(cur.file, label.no, label.col, `attachment ${label.text} is out of order: expected 附件${expected} here`);
    if (label.number === null && attachments.length > 0) throw new SourceError(cur.file, label.no, label.col, `a second attachment needs its number: write 附件${expected}`);
    if (!cur.is('text') && !cur.is('numbered')) cur.expected(`the title of ${label.text}`);
    const title = cur.take().text;
    const body: string[] = [];
    while (!cur.done && !cur.is('attachmentLabel') && !colophonAhead(cur)) body.push(cur.take().text);
    attachments.push({ number, label: label.text, title, text: body.join('\n'), line: label.no });
  }
  if (attachments.length > 1 && attachments[0]!.label.match(/^附件[：:]?$/u))
    throw new SourceError(cur.file, attachments[0]!.line, 1, 'the first of several attachments needs its number: write 附件1');
  return attachments;
}

/** Whether the 版记 starts here: 抄送：…, …印发, or a rule above them. */
function colophonAhead(cur: Cursor): boolean {
  if (cur.is('copiedTo') || cur.is('printed')) return true;
  return cur.is('rule') && (['copiedTo', 'printed'] as (Kind | undefined)[]).includes(cur.peek(1)?.kind);
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
  measuresTitle: string;
  docNumber: Classified | null;
  signed: Signed | null;
  addressees: string | null;
}

function readHead(cur: Cursor, registry: ReadonlyMap<string, Department>): Head {
  const title = cur.peek()!;
  if (title.kind !== 'text') cur.expected('the title on the first line');
  cur.take();
  const carried = NOTICE_TITLE_RE.exec(title.text);
  const form: DocumentForm = carried ? 'notice' : 'direct';
  const docNumber = cur.is('docNumber') ? cur.take() : null;
  // A document issued directly may put its signature and date under the title.
  const signed = form === 'direct' ? readSignature(cur, registry) : null;
  const next = cur.peek();
  const addressees = next?.kind === 'text' && ADDRESSEES_RE.test(next.text) && !next.text.includes('如下') ? cur.take().text : null;
  return { title, form, measuresTitle: carried ? carried[1]! : title.text, docNumber, signed, addressees };
}

/** The notice that carries the document: its text, 附件说明, signature, date, 附注, and the carried title if repeated. */
function readNotice(cur: Cursor, head: Head, registry: ReadonlyMap<string, Department>) {
  const notice: string[] = [];
  const start = cur.i;
  while (!cur.done && cur.signatureAhead() === null && !cur.is('attachmentNote')) {
    if (!cur.is('text') && !cur.is('numbered') && !cur.is('duty') && !cur.is('docNumber'))
      cur.expected('the notice text, then the signature and the date (成文日期, like 2020年7月30日)');
    notice.push(cur.take().text);
  }
  if (notice.length === 0) cur.expected(`the notice text after ${head.addressees ? 'the addressees (主送)' : 'the title'}`);
  const attachmentNote = readAttachmentNote(cur);
  const signed = readSignature(cur, registry);
  if (!signed) {
    // No date closed the notice: point at the first heading of the carried document, if the notice ran into one.
    const heading = cur.lines.slice(start, cur.i).findIndex((l) => l.kind === 'numbered' && ['chapter', 'article', 'part'].includes(l.numbered.numbering.kind));
    if (heading >= 0) cur.i = start + heading;
    cur.expected('the signature (发文机关署名) and the date (成文日期, like 2020年7月30日) that close the notice');
  }
  const notes = readNotes(cur);
  const repeated = cur.peek();
  const carriedTitle = repeated?.kind === 'text' && [head.measuresTitle, `《${head.measuresTitle}》`].includes(repeated.text) ? cur.take().text : null;
  return { notice, attachmentNote, signed, notes, carriedTitle };
}

/**
 * Parses one seed file against the department registry. The document's id is `id` when given
 * (declared in content/documents.yaml), else derived from its 发文字号, else from its title and year.
 */
export function parseSeed(file: string, text: string, registryList: readonly Department[], id?: string): PolicyDocument {
  const registry = new Map(registryList.map((d) => [d.abbr, d]));
  const all = toLines(file, text);
  // Line by line, in order: what the line is (a near miss is refused here), then its brackets.
  const lines = all.filter((l) => l.text !== '').map((l) => {
    const classified = classify(file, l);
    checkBrackets(file, l);
    return classified;
  });
  if (lines.length === 0) throw new SourceError(file, 1, 1, 'the file is empty');
  const cur = new Cursor(file, lines, all.length);

  const head = readHead(cur, registry);
  const notice = head.form === 'notice' ? readNotice(cur, head, registry) : null;

  const start = cur.i;
  while (!cur.done && !AFTER_BODY.has(cur.peek()!.kind) && cur.signatureAhead() === null) cur.i++;
  const bodyEnd = cur.peek()?.no ?? all.length;
  const body = readBody(file, lines.slice(start, cur.i), bodyEnd, registry);

  // After the provisions: the closing of a document issued directly (a notice closed before them).
  let signed = notice?.signed ?? head.signed;
  let signaturePlace: PolicyDocument['signaturePlace'] = notice ? 'notice' : 'start';
  const attachmentNote = notice ? notice.attachmentNote : readAttachmentNote(cur);
  if (!signed) {
    signed = readSignature(cur, registry) ?? cur.expected('the signature (发文机关署名) and the date (成文日期, like 2020年7月30日) after the last provision');
    signaturePlace = 'end';
  }
  const again = cur.signatureAhead();
  if (again !== null) {
    const extra = cur.peek(again)!;
    throw new SourceError(file, extra.no, extra.col, `a second date: the document is already dated on line ${signed.line}`);
  }
  const notes = notice ? notice.notes : readNotes(cur);
  const attachments = readAttachments(cur);
  const colophon = readColophon(cur);
  if (!cur.done) cur.expected(attachments.length || colophon ? 'the end of the file' : 'an attachment (附件1), the 版记 (抄送：…) or the end of the file');

  const issuer = signed.issuer ?? /^(.+?)关于/u.exec(head.title.text)?.[1];
  if (!issuer)
    throw new SourceError(file, head.title.no, head.title.col, 'no issuer (发文机关): the document needs a signature line above its date, or a title that names it (…关于…)');
  const docNumber = head.docNumber?.text ?? null;
  const docId = id ?? (docNumber !== null ? documentId(docNumber) : titleDocumentId(head.measuresTitle, signed.dateISO.slice(0, 4)));
  if (!docId) {
    const at = head.docNumber ?? head.title;
    throw new SourceError(file, at.no, at.col, docNumber !== null
      ? `no id can be derived from the document number "${docNumber}": declare one for this seed in content/documents.yaml`
      : 'no id can be derived from the title: declare one for this seed in content/documents.yaml');
  }
  const implMatch = /《([^》]+)》（([^（）]+〔\d{4}〕\d+号)）/u.exec(body.preamble.join(''));

  return {
    id: docId,
    source: file.split('/').at(-1)!,
    title: head.title.text,
    measuresTitle: head.measuresTitle,
    docNumber,
    addressees: head.addressees,
    notice: notice?.notice ?? [],
    signature: signed.signature,
    issuer,
    seal: signed.seal,
    date: signed.date,
    dateISO: signed.dateISO,
    preamble: body.preamble,
    implements: implMatch ? { title: implMatch[1]!, number: implMatch[2]! } : null,
    chapters: body.chapters,
    form: head.form,
    carriedTitle: notice?.carriedTitle ?? null,
    signaturePlace,
    attachmentNote,
    notes,
    attachments,
    colophon,
  };
}
