/**
 * The seed as lines. Every Unicode line separator is a line break, counted the same way
 * everywhere (CR LF, LF, CR, VT — Word's manual line break —, FF, NEL, U+2028, U+2029), so two
 * lines are never read as one. Control characters are refused with their position; brackets must
 * close on the line that opens them.
 */
import { SourceError } from '../model/source-error.ts';
import type { Report } from './report.ts';

export interface Line {
  /** 1-based line number. */
  no: number;
  /** The line without surrounding whitespace and invisible format characters. */
  text: string;
  /** 1-based column (in code points) where `text` starts in the raw line. */
  col: number;
}

/** Every line separator Unicode knows, CR LF as one. */
export const LINE_BREAK_RE = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/u;
/** Whitespace and invisible format characters (zero-width space, joiners, word joiner, BOM) at either end of a line. */
const EDGE_RE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
/** Control characters other than tab and line breaks: C0, DEL and C1. */
const CONTROL_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/u;

/** U+0007 */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The bytes of a seed as text. Invalid UTF-8 is an error at the line and column of the first bad
 * byte (a literal U+FFFD in the text is a character like any other).
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\uFEFF/u, '').split(LINE_BREAK_RE);
    throw new SourceError(file, before.length, [...before.at(-1)!].length + 1, `the file is not valid UTF-8 text (byte ${bad + 1}): save it as UTF-8`);
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Splits a seed into lines, refusing control characters. */
export function toLines(file: string, text: string): Line[] {
  return text.replace(/^\uFEFF/u, '').split(LINE_BREAK_RE).map((raw, i) => {
    const bad = CONTROL_RE.exec(raw);
    if (bad) {
      const col = [...raw.slice(0, bad.index)].length + 1;
      throw new SourceError(file, i + 1, col, `control character ${codePoint(bad[0])} is not text: remove it`);
    }
    const lead = /^[\s\u200B-\u200D\u2060\uFEFF]*/u.exec(raw)![0];
    return { no: i + 1, text: raw.replace(EDGE_RE, ''), col: [...lead].length + 1 };
  });
}

const PAIRS: Record<string, string> = { '（': '）', '《': '》', '“': '”', '〔': '〕', '【': '】', '(': ')', '「': '」' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const BRACKET_NAMES: Record<string, string> = { '（': 'parenthesis', '《': 'title bracket', '“': 'quotation mark', '〔': 'year bracket', '【': 'square bracket', '(': 'parenthesis', '「': 'corner bracket' };

/** Brackets that are one pair in either width: （…) and (…） are read as a pair, and noted. */
const SAME_PAIR: Record<string, string> = { '（': ')', '(': '）' };

/**
 * Checks that every bracket in the line is closed, in order. Nothing here loses text, so nothing
 * is refused: a mixed pair （…), a bracket left open or a closing bracket without its opener is
 * read as written and noted in the report with its place.
 */
export function checkBrackets(report: Report, line: Line): void {
  const stack: { ch: string; col: number }[] = [];
  let col = line.col;
  for (const ch of line.text) {
    if (PAIRS[ch]) stack.push({ ch, col });
    const open = CLOSERS.get(ch);
    if (open) {
      const top = stack.at(-1);
      if (top && SAME_PAIR[top.ch] === ch) {
        stack.pop();
        report.add(line.no, top.col, `a mixed pair of brackets ${top.ch}…${ch} (full-width and half-width): read as one pair`);
      } else if (!top || !stack.some((s) => s.ch === open && SAME_PAIR[s.ch] !== ch)) {
        report.add(line.no, col, `closing ${ch} has no matching ${open} before it: kept as written`);
      } else {
        while (stack.length && stack.at(-1)!.ch !== open) {
          const unclosed = stack.pop()!;
          report.add(line.no, unclosed.col, `${BRACKET_NAMES[unclosed.ch]} ${unclosed.ch} is not closed: expected ${PAIRS[unclosed.ch]} before ${ch} at column ${col}; kept as written`);
        }
        stack.pop();
      }
    }
    col++;
  }
  for (const open of stack) report.add(line.no, open.col, `${BRACKET_NAMES[open.ch]} ${open.ch} is not closed on this line (${PAIRS[open.ch]} missing): kept as written`);
}

/** The column (1-based, code points) of a UTF-16 offset within a line's text. */
export function colAt(line: Line, offset: number): number {
  return line.col + [...line.text.slice(0, offset)].length;
}

/** A short quotation of a line for messages: its first 16 characters. */
export function quote(text: string): string {
  const chars = [...text];
  return `"${chars.slice(0, 16).join('')}${chars.length > 16 ? '…' : ''}"`;
}
