/**
 * One rule per kind of line. Each rule says what a line of its kind looks like and what it is
 * called in messages; `classify` tries them in order and the first that matches decides. Lines
 * that are almost a kind (a date written 2020-07-30, 一. for 一、, 津政发[2020]1号) are refused
 * here, at their own position, with what to write instead. Where a line may stand (title first,
 * signature before the date…) is the grammar's business (parse.ts, body.ts), not the rules'.
 */
import { DUTY_LINE_RE } from './attribution.ts';
import { quote, type Line } from './lines.ts';
import type { Report } from './report.ts';
import { LOOKALIKES, readNumbering, type NumberedLine } from '../model/numbering.ts';
import { isDateLine, isMalformedDateLine, parseDate } from '../model/numerals.ts';

export type LineKind =
  | { kind: 'numbered'; numbered: NumberedLine }
  | { kind: 'date'; iso: string }
  | { kind: 'docNumber' }
  | { kind: 'duty' }
  | { kind: 'attachmentNote' }
  | { kind: 'attachmentLabel'; number: number | null }
  | { kind: 'copiedTo' }
  | { kind: 'printed'; by: string; date: string; iso: string }
  | { kind: 'note' }
  | { kind: 'rule' }
  | { kind: 'text' };

export type LineKindName = LineKind['kind'];

/** A line with its kind. */
export type Classified = Line & LineKind;

interface Rule {
  kind: LineKindName;
  /** What a line of this kind is, for messages: "a date (成文日期)". */
  name: string;
  /** The line's kind, or null when it is not one; a line that is almost one is read as one (or as text) and noted. */
  read: (line: Line, note: (message: string) => void) => LineKind | null;
}

/** 2020年7月31日 or 二〇二〇年七月三十一日 inside a line. */
const DATE_IN_LINE = '([0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)';
const PRINTED_RE = new RegExp(`^(.+?)[\\s\\u3000]*${DATE_IN_LINE}印发$`, 'u');
export const DOC_NUMBER_LINE_RE = /^[\p{Script=Han}A-Za-z]+〔\d{4}〕\d+号$/u;
const DOC_NUMBER_LOOKALIKE_RE = /^[\p{Script=Han}A-Za-z]+\s*[[［【（(〔]\s*[0-9０-９]{4}\s*[\]］】）)〕]\s*[0-9０-９]+\s*号$/u;

export const RULES: readonly Rule[] = [
  {
    kind: 'date', name: 'a date (成文日期) like 2020年7月30日',
    read: (line, note) => {
      // 二00四年九月十日: a year of Chinese digits written with ASCII or full-width zeros.
      const zeros = /^[〇○零一二三四五六七八九0０OＯ]{4}年/u.test(line.text) && /^[^年]*[0０OＯ]/u.test(line.text) && /[一二三四五六七八九]/u.test(line.text.slice(0, 4));
      const text = zeros ? line.text.replace(/^[^年]+/u, (y) => y.replace(/[0０OＯ]/gu, '〇')) : line.text;
      if (isMalformedDateLine(text)) {
        const digits = /^([0-9０-９]{4})\s*[-－.．/／年]\s*([0-9０-９]{1,2})\s*[-－.．/／月]\s*([0-9０-９]{1,2})/u.exec(text);
        const iso = digits ? parseDate(`${digits[1]}年${digits[2]}月${digits[3]}日`) : null;
        if (!iso) return null;
        note(`the date ${quote(line.text)} is not written like 2020年7月30日: read as ${iso}`);
        return { kind: 'date', iso };
      }
      if (!isDateLine(text)) return null;
      const iso = parseDate(text);
      if (!iso) {
        note(`"${line.text}" is not a real date: kept as text`);
        return null;
      }
      if (zeros) note(`the year in ${quote(line.text)} is written with 0 for 〇: read as ${iso}`);
      return { kind: 'date', iso };
    },
  },
  {
    kind: 'docNumber', name: 'a document number (发文字号) like 津就组字〔2020〕5号',
    read: (line, note) => {
      if (DOC_NUMBER_LINE_RE.test(line.text)) return { kind: 'docNumber' };
      if (!DOC_NUMBER_LOOKALIKE_RE.test(line.text)) return null;
      note(`the document number ${quote(line.text)} is not written with 〔〕 around the year: read as a document number, as written`);
      return { kind: 'docNumber' };
    },
  },
  {
    kind: 'attachmentNote', name: 'the list of attachments (附件：1.…)',
    read: (line) => (/^附件[：:]\s*\S/u.test(line.text) ? { kind: 'attachmentNote' } : null),
  },
  {
    kind: 'attachmentLabel', name: 'an attachment label (附件 or 附件1)',
    read: (line) => {
      const m = /^附件[\s\u3000]*([0-9０-９]{1,2})?[：:]?$/u.exec(line.text);
      return m ? { kind: 'attachmentLabel', number: m[1] ? Number(m[1].replace(/[０-９]/gu, (c) => String(c.charCodeAt(0) - 0xff10))) : null } : null;
    },
  },
  {
    kind: 'copiedTo', name: 'the 版记 line 抄送：…',
    read: (line) => (/^抄送[：:]/u.test(line.text) ? { kind: 'copiedTo' } : null),
  },
  {
    kind: 'printed', name: 'the 版记 line …印发 with its date',
    read: (line) => {
      const m = PRINTED_RE.exec(line.text);
      const iso = m ? parseDate(m[2]!) : null;
      return m && iso ? { kind: 'printed', by: m[1]!, date: m[2]!, iso } : null;
    },
  },
  {
    kind: 'note', name: 'a note (附注) like （此件公开发布）',
    read: (line) => (/^(?:（此件[^（）]*）|\(此件[^()]*\)|此件[\p{Script=Han}]{2,8})$/u.test(line.text) ? { kind: 'note' } : null),
  },
  {
    kind: 'rule', name: 'a separator rule (————)',
    read: (line) => (/^[-—─━_＿=＝]{3,}$/u.test(line.text) ? { kind: 'rule' } : null),
  },
  {
    kind: 'duty', name: 'an attribution line (责任单位：…)',
    read: (line) => (DUTY_LINE_RE.test(line.text) ? { kind: 'duty' } : null),
  },
  {
    kind: 'numbered', name: 'a numbered line',
    read: (line, note) => {
      const numbered = readNumbering(line.text);
      if (numbered) {
        if (numbered.number !== undefined) return { kind: 'numbered', numbered };
        note(`"${numbered.written}" in ${numbered.marker} is not a number this converter reads as a ${numbered.numbering.name} number: kept as text`);
        return null;
      }
      const like = LOOKALIKES.find((l) => l.pattern.test(line.text));
      const normalised = like?.normalise(line.text);
      const read = normalised !== undefined ? readNumbering(normalised) : null;
      if (!read || read.number === undefined) return null;
      // 一） → （一）: the normalised text may be longer than the line by a bracket.
      const delta = [...normalised!].length - [...line.text].length;
      const marker = [...line.text].slice(0, [...read.marker].length - delta).join('');
      note(`${quote(marker)} is not one of 第一章 第一节 第一条 一、 （一） 1. （1）: read as ${read.marker}, kept as written`);
      return { kind: 'numbered', numbered: { ...read, marker, restOffset: read.restOffset - delta } };
    },
  },
  { kind: 'text', name: 'text', read: () => ({ kind: 'text' }) },
];

const NAMES = new Map(RULES.map((r) => [r.kind, r.name]));

/** What a line is; near misses are read as the kind they are almost, and noted. */
export function classify(report: Report, line: Line): Classified {
  const note = (message: string) => report.add(line.no, line.col, message);
  for (const rule of RULES) {
    const kind = rule.read(line, note);
    if (kind) return { ...line, ...kind };
  }
  throw new Error('unreachable: the text rule matches every line');
}

/** How a classified line is described in messages: a （一） item "加强组织领导。", a date (成文日期)… */
export function describe(line: Classified): string {
  if (line.kind === 'numbered') return `the ${line.numbered.numbering.name} line ${quote(line.text)}`;
  if (line.kind === 'text') return `the text ${quote(line.text)}`;
  return `${NAMES.get(line.kind)} ${quote(line.text)}`;
}

/** The name of a kind, for "expected …" in messages. */
export function kindName(kind: LineKindName): string {
  return NAMES.get(kind)!;
}
