/**
 * Parses a seed (plain text of a Chinese policy notice) into the policy model.
 * Every problem is a SourceError with the file, line and column of its cause.
 */
import { documentId } from './doc-id.ts';
import { SourceError } from './errors.ts';
import type { AttributedDepartment, Attribution, Chapter, Department, PolicyDocument } from '../model/types.ts';
import { CHAPTER_RE, DATE_RE, DOC_NUMBER_RE, MEASURE_RE, fromChineseNumeral, toChineseNumeral } from '../model/numerals.ts';

interface Line {
  /** 1-based line number. */
  no: number;
  /** The line without surrounding whitespace. */
  text: string;
  /** 1-based column (in characters) where `text` starts in the raw line. */
  col: number;
}

const PAIRS: Record<string, string> = { '（': '）', '《': '》', '“': '”', '〔': '〕', '【': '】', '(': ')', '「': '」' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const BRACKET_NAMES: Record<string, string> = { '（': 'parenthesis', '《': 'title bracket', '“': 'quotation mark', '〔': 'year bracket', '【': 'square bracket', '(': 'parenthesis', '「': 'corner bracket' };

const ATTRIBUTION_SUFFIX_RE = /(等部门按职责分工|按职责分工|等部门)$/u;
/** What a department abbreviation in an attribution looks like: 市人社局, 市委组织部. */
const DEPT_LIKE_RE = /^市[\p{Script=Han}]{1,14}$/u;

function toLines(text: string): Line[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  return raw.map((line, i) => {
    const chars = [...line];
    let start = 0;
    while (start < chars.length && /\s/u.test(chars[start]!)) start++;
    return { no: i + 1, text: line.trim(), col: start + 1 };
  });
}

/** Checks that every bracket in the line is closed, in order. */
function checkBrackets(file: string, line: Line): void {
  const stack: { ch: string; col: number }[] = [];
  [...line.text].forEach((ch, i) => {
    const col = line.col + i;
    if (PAIRS[ch]) stack.push({ ch, col });
    const open = CLOSERS.get(ch);
    if (open) {
      const top = stack.pop();
      if (!top) throw new SourceError(file, line.no, col, `closing ${ch} has no matching ${open} before it`);
      if (top.ch !== open)
        throw new SourceError(file, line.no, top.col, `${BRACKET_NAMES[top.ch]} ${top.ch} is not closed: expected ${PAIRS[top.ch]} before ${ch} at column ${col}`);
    }
  });
  const open = stack.pop();
  if (open) throw new SourceError(file, line.no, open.col, `${BRACKET_NAMES[open.ch]} ${open.ch} is not closed on this line: add ${PAIRS[open.ch]}`);
}

/** The index (in characters) of the （ that opens the line's final parenthetical, if the line ends in one. */
function trailingParenStart(chars: string[]): number | undefined {
  if (chars.at(-1) !== '）') return undefined;
  let depth = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '）') depth++;
    else if (chars[i] === '（' && --depth === 0) return i;
  }
  return undefined;
}

/**
 * Reads the responsibility attribution at the end of a measure, e.g.
 * （市人社局、市发展改革委等部门按职责分工）. Returns null when the measure has none.
 */
function parseAttribution(file: string, line: Line, textCol: number, text: string, registry: Map<string, Department>): Attribution | null {
  const chars = [...text];
  const start = trailingParenStart(chars);
  if (start === undefined) return null;
  const inner = chars.slice(start + 1, -1).join('');
  const suffix = ATTRIBUTION_SUFFIX_RE.exec(inner)?.[0] ?? '';
  const list = inner.slice(0, inner.length - suffix.length);
  const items = list.split('、');
  // Not an attribution unless it reads like one: a list of 市… bodies, or a 按职责分工 phrase.
  if (!suffix.includes('按职责分工') && !items.every((item) => DEPT_LIKE_RE.test(item))) return null;
  const departments: AttributedDepartment[] = [];
  let offset = start + 1;
  for (const abbr of items) {
    const col = textCol + offset;
    if (abbr === '') throw new SourceError(file, line.no, col, 'empty department name in the responsibility list');
    const dept = registry.get(abbr);
    if (!dept)
      throw new SourceError(file, line.no, col, `unknown department "${abbr}": add it to content/departments.yaml (abbr, id, name, nameEn, kind) or correct the spelling`);
    if (departments.some((d) => d.abbr === abbr)) throw new SourceError(file, line.no, col, `department "${abbr}" is listed twice`);
    departments.push({ abbr, slug: dept.id });
    offset += [...abbr].length + 1;
  }
  return { text: chars.slice(start).join(''), departments, etc: suffix === '等部门按职责分工', suffix };
}

function expectLine(file: string, line: Line | undefined, lastNo: number, what: string): Line {
  if (!line) throw new SourceError(file, lastNo + 1, 1, `the file ends before the ${what}`);
  return line;
}

/**
 * Parses one seed file against the department registry. The document's id is `id` when given
 * (declared in content/documents.yaml), else derived from its 发文字号.
 */
export function parseSeed(file: string, text: string, registryList: readonly Department[], id?: string): PolicyDocument {
  const registry = new Map(registryList.map((d) => [d.abbr, d]));
  const all = toLines(text);
  for (const line of all) checkBrackets(file, line);
  const lines = all.filter((l) => l.text !== '');
  if (lines.length === 0) throw new SourceError(file, 1, 1, 'the file is empty');
  const lastNo = all.length;
  let i = 0;

  // Title: 关于印发《…》的通知
  const titleLine = lines[i++]!;
  const inner = /《([^》]+)》/u.exec(titleLine.text);
  if (!inner) throw new SourceError(file, titleLine.no, titleLine.col, 'the first line should be the title and name the measures in 《…》');

  // 发文字号
  const numberLine = expectLine(file, lines[i++], lastNo, 'document number (发文字号)');
  DOC_NUMBER_RE.lastIndex = 0;
  const numberMatch = DOC_NUMBER_RE.exec(numberLine.text);
  if (!numberMatch || numberMatch[0] !== numberLine.text)
    throw new SourceError(file, numberLine.no, numberLine.col, `the second line should be the document number, like 津就组字〔2020〕5号, but it is "${numberLine.text}"`);
  const docId = id ?? documentId(numberLine.text);
  if (!docId)
    throw new SourceError(file, numberLine.no, numberLine.col, `no id can be derived from the document number "${numberLine.text}": declare one for this seed in content/documents.yaml`);

  // 主送
  const addresseeLine = expectLine(file, lines[i++], lastNo, 'addressees (主送)');
  if (!addresseeLine.text.endsWith('：'))
    throw new SourceError(file, addresseeLine.no, addresseeLine.col + [...addresseeLine.text].length, 'the addressee line (主送) should end with a full-width colon ：');

  // Notice paragraphs, then the signature, then the date.
  const dateIndex = lines.findIndex((l, k) => k >= i && DATE_RE.test(l.text));
  if (dateIndex < 0) throw new SourceError(file, addresseeLine.no + 1, 1, 'no date line (成文日期, like 2020年7月30日) after the notice');
  if (dateIndex < i + 2) throw new SourceError(file, lines[dateIndex]!.no, 1, 'the notice needs a body and a signature line before its date');
  const notice = lines.slice(i, dateIndex - 1).map((l) => l.text);
  const signatureLine = lines[dateIndex - 1]!;
  const dateLine = lines[dateIndex]!;
  i = dateIndex + 1;

  const sealMatch = /^(.+?)（([^（）]+代章)）$/u.exec(signatureLine.text);
  const issuer = sealMatch ? sealMatch[1]! : signatureLine.text;
  let seal: PolicyDocument['seal'] = null;
  if (sealMatch) {
    const sealText = sealMatch[2]!;
    const abbr = sealText.replace(/代章$/u, '');
    const dept = registry.get(abbr);
    if (!dept) throw new SourceError(file, signatureLine.no, signatureLine.col + [...issuer].length + 1, `unknown department "${abbr}" in the seal note: add it to content/departments.yaml`);
    seal = { text: sealText, department: { abbr, slug: dept.id } };
  }
  const [, y, m, d] = DATE_RE.exec(dateLine.text)!;
  const dateISO = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(dateISO)) || new Date(dateISO).toISOString().slice(0, 10) !== dateISO)
    throw new SourceError(file, dateLine.no, dateLine.col, `"${dateLine.text}" is not a real date`);

  // Preamble: everything up to the first chapter heading.
  const preamble: string[] = [];
  while (i < lines.length && !CHAPTER_RE.test(lines[i]!.text)) {
    if (MEASURE_RE.test(lines[i]!.text)) throw new SourceError(file, lines[i]!.no, lines[i]!.col, 'a numbered measure appears before the first chapter heading (一、…)');
    preamble.push(lines[i++]!.text);
  }
  if (i >= lines.length) throw new SourceError(file, lastNo, 1, 'no chapter heading (一、…) found: the measures must be grouped into chapters');

  const implMatch = /《([^》]+)》（([^（）]+〔\d{4}〕\d+号)）/u.exec(preamble.join(''));
  const implementsDoc = implMatch ? { title: implMatch[1]!, number: implMatch[2]! } : null;

  // Chapters and measures.
  const chapters: Chapter[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const ch = CHAPTER_RE.exec(line.text);
    if (ch) {
      const n = fromChineseNumeral(ch[1]!);
      const expected = chapters.length + 1;
      if (n !== expected)
        throw new SourceError(file, line.no, line.col, `chapter heading ${ch[1]}、 is out of order: expected ${toChineseNumeral(expected)}、 (chapter ${expected}) here`);
      const title = ch[2]!.trim();
      if (!title) throw new SourceError(file, line.no, line.col, `chapter ${ch[1]}、 has no title`);
      chapters.push({ number: n, marker: `${ch[1]}、`, title, line: line.no, measures: [] });
      continue;
    }
    const me = MEASURE_RE.exec(line.text);
    if (!me) throw new SourceError(file, line.no, line.col, 'this line is neither a chapter heading (一、…) nor a numbered measure (（一）…)');
    const chapter = chapters.at(-1)!;
    const n = fromChineseNumeral(me[1]!);
    const expected = chapter.measures.length + 1;
    if (n !== expected) {
      const seen = chapter.measures.some((m) => m.number === n);
      throw new SourceError(file, line.no, line.col,
        seen ? `measure （${me[1]}） is repeated in chapter ${chapter.marker}: expected （${toChineseNumeral(expected)}） here`
             : `measure （${me[1]}） is out of order in chapter ${chapter.marker}: expected （${toChineseNumeral(expected)}） here (a number was skipped?)`);
    }
    const marker = `（${me[1]}）`;
    const text = me[2]!;
    const textCol = line.col + [...marker].length;
    const attribution = parseAttribution(file, line, textCol, text, registry);
    const ownText = (attribution ? text.slice(0, text.length - attribution.text.length) : text).trim();
    if (!ownText) throw new SourceError(file, line.no, textCol, `measure ${chapter.marker}${marker} is empty: it has a number but no text`);
    const stop = ownText.indexOf('。');
    const headline = stop < 0 ? ownText : ownText.slice(0, stop + 1);
    chapter.measures.push({ id: `${chapter.number}-${n}`, chapter: chapter.number, number: n!, marker, headline, text, attribution, line: line.no });
  }
  for (const chapter of chapters)
    if (chapter.measures.length === 0) throw new SourceError(file, chapter.line, 1, `chapter ${chapter.marker} has no measures`);

  return {
    id: docId,
    source: file.split('/').at(-1)!,
    title: titleLine.text,
    measuresTitle: inner[1]!,
    docNumber: numberLine.text,
    addressees: addresseeLine.text,
    notice,
    signature: signatureLine.text,
    issuer,
    seal,
    date: dateLine.text,
    dateISO,
    preamble,
    implements: implementsDoc,
    chapters,
  };
}
