/**
 * The numbering vocabulary of Chinese official documents, in one place: every kind of numbered
 * line (第一章, 第一节, 第一条, 一、, （一）, 1., （1）), how it is read, how it is written and how
 * people cite it. The converter reads lines with it (src/convert/rules.ts); labels and citations
 * are written with it (derive.ts). GB/T 9704-2012 7.3.3 gives the order 一、（一）1.（1）; 办法,
 * 规定, 条例 and 细则 number their articles 第一条… through the whole text, optionally grouped in
 * 第一章 and 第一节.
 */
import { fromChineseNumeral, HAN_DIGITS, numeralOrDigits } from './numerals.ts';

/** A kind of numbered line, from the outermost to the innermost. */
export type NumberingKind = 'chapter' | 'section' | 'article' | 'part' | 'item' | 'point' | 'subpoint';

export interface Numbering {
  kind: NumberingKind;
  /** Depth: a line of lower rank contains the lines of higher rank that follow it. */
  rank: number;
  /** What it is called in messages: 第一条 (article). */
  name: string;
  /**
   * Reads the start of a line: group 1 the number as written (or group 2, for the second
   * bracket style), the last group the text after the marker and its separating spaces.
   */
  pattern: RegExp;
  /** How the number is written: Chinese numerals or Arabic digits. */
  digits: 'han' | 'arabic';
  /** Numbers run on through the whole document (第N条) instead of restarting under each parent. */
  continuous: boolean;
  /** The canonical marker of number n: 第五条, （一）, 1. */
  marker: (n: number) => string;
  /** How people cite number n: 第五条, 第（一）项, 第二部分. */
  label: (n: number) => string;
}

const HAN = `[${HAN_DIGITS}]+`;
const ARABIC = '[0-9]{1,3}';
const SPACE = '[\\s\\u3000]*';
const han = (n: number) => numeralOrDigits(n);

/** Every kind, outermost first. */
export const NUMBERINGS: readonly Numbering[] = [
  { kind: 'chapter', rank: 0, name: 'chapter 第一章', pattern: new RegExp(`^第(${HAN})章${SPACE}(.*)$`, 'u'), digits: 'han', continuous: false,
    marker: (n) => `第${han(n)}章`, label: (n) => `第${han(n)}章` },
  { kind: 'section', rank: 1, name: 'section 第一节', pattern: new RegExp(`^第(${HAN})节${SPACE}(.*)$`, 'u'), digits: 'han', continuous: false,
    marker: (n) => `第${han(n)}节`, label: (n) => `第${han(n)}节` },
  { kind: 'article', rank: 2, name: 'article 第一条', pattern: new RegExp(`^第(${HAN})条${SPACE}(.*)$`, 'u'), digits: 'han', continuous: true,
    marker: (n) => `第${han(n)}条`, label: (n) => `第${han(n)}条` },
  { kind: 'part', rank: 3, name: 'heading 一、', pattern: new RegExp(`^(${HAN})、${SPACE}(.*)$`, 'u'), digits: 'han', continuous: false,
    marker: (n) => `${han(n)}、`, label: (n) => `第${han(n)}部分` },
  { kind: 'item', rank: 4, name: 'item （一）', pattern: new RegExp(`^(?:[（(](${HAN})[）)])${SPACE}(.*)$`, 'u'), digits: 'han', continuous: false,
    marker: (n) => `（${han(n)}）`, label: (n) => `第（${han(n)}）项` },
  { kind: 'point', rank: 5, name: 'point 1.', pattern: new RegExp(`^(${ARABIC})[.．、](?![0-9])${SPACE}(.*)$`, 'u'), digits: 'arabic', continuous: false,
    marker: (n) => `${n}.`, label: (n) => `第${n}点` },
  { kind: 'subpoint', rank: 6, name: 'sub-point （1）', pattern: new RegExp(`^(?:[（(](${ARABIC})[）)])${SPACE}(.*)$`, 'u'), digits: 'arabic', continuous: false,
    marker: (n) => `（${n}）`, label: (n) => `第（${n}）目` },
];

export const NUMBERING: Readonly<Record<NumberingKind, Numbering>> = Object.fromEntries(NUMBERINGS.map((n) => [n.kind, n])) as Record<NumberingKind, Numbering>;

/** A provision's marker as the model stores it: （一） (or (一), 一）), 第十二条, 三、 (or 三，三.). */
export const PROVISION_MARKER_RE = new RegExp(`^(?:[（(]${HAN}[）)]|${HAN}[)）]|第${HAN}条|${HAN}[、，,.．])$`, 'u');
/** A chapter's marker as the model stores it: 一、 (or 一，一.), 第二章; '' for the implicit chapter of a document without chapters. */
export const CHAPTER_MARKER_RE = new RegExp(`^(?:${HAN}[、，,.．]|第${HAN}章|)$`, 'u');
/** A section's marker: 第一节. */
export const SECTION_MARKER_RE = new RegExp(`^第${HAN}节$`, 'u');
/** A provision's id: chapter-number (2-1), with a third part where a number repeats in its chapter (2-1-2). */
export const PROVISION_ID_RE = /^\d+-\d+(?:-\d+)?$/;

/** A numbered line, read. */
export interface NumberedLine {
  numbering: Numbering;
  /** The number's value; undefined when the numeral is not one (一十, 0). */
  number: number | undefined;
  /** The number as written: 十二, 3. */
  written: string;
  /** The marker as written, without the spaces after it: 第十二条, （一）, 3． */
  marker: string;
  /** The text after the marker and its spaces. */
  rest: string;
  /** Offset (in code points) of `rest` in the line. */
  restOffset: number;
}

/** Which numbering a line starts with, if any. */
export function readNumbering(text: string): NumberedLine | null {
  for (const numbering of NUMBERINGS) {
    const m = numbering.pattern.exec(text);
    if (!m) continue;
    const written = m[1] ?? m[2]!;
    const rest = m.at(-1)!;
    const number = numbering.digits === 'han' ? fromChineseNumeral(written) : Number(written) || undefined;
    const head = [...text].slice(0, [...text].length - [...rest].length).join('');
    return { numbering, number, written, marker: head.replace(/[\s\u3000]+$/u, ''), rest, restOffset: [...head].length };
  }
  return null;
}

/**
 * Line starts that look like numbering but are none of the above, as published copies write them:
 * 六， or 一. for 六、, 一） for （一）, 1) for （1）. `normalise` replaces the one character that
 * differs, so the marker keeps its length and the text its columns.
 */
export const LOOKALIKES: readonly { pattern: RegExp; expected: string; normalise: (text: string) => string }[] = [
  { pattern: new RegExp(`^${HAN}[.．,，]`, 'u'), expected: '一、 (a heading) or （一） (an item)', normalise: (t) => t.replace(new RegExp(`^(${HAN})[.．,，]`, 'u'), '$1、') },
  { pattern: new RegExp(`^${HAN}[)）]`, 'u'), expected: '（一） with both brackets', normalise: (t) => t.replace(new RegExp(`^(${HAN})[)）]`, 'u'), '（$1）') },
  { pattern: new RegExp(`^${ARABIC}[)）]`, 'u'), expected: '（1） with both brackets, or 1.', normalise: (t) => t.replace(new RegExp(`^(${ARABIC})[)）]`, 'u'), '（$1）') },
];
