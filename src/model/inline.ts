/**
 * Inline structure inside a run of policy text: cited documents 《…》, document numbers
 * (厅字〔2019〕56号), quoted programme names “…”, department abbreviations and figures
 * (65%, 3%-5%, 满1年) outside titles and quotes.
 * Segments cover the input exactly: joining their `text` gives the input back.
 */
import type { Department } from './types.ts';
import { readNumbering } from './numbering.ts';
import { DOC_NUMBER_RE } from './numerals.ts';

/**
 * A figure: an Arabic number with what makes it a commitment — a percentage or percentage range,
 * a year range, a time limit (满1年, 1年及以上) — or a bare number.
 */
export const FIGURE_RE = /满?\d+(?:\.\d+)?(?:%(?:\s*[-—–~至]\s*\d+(?:\.\d+)?%)?|(?:\s*[-—–~至]\s*\d+)?年(?:及以上|以上|以内|以下)?|个月|日|天)?/gu;
const FIGURE_AT_RE = new RegExp(`^(?:${FIGURE_RE.source})`, 'u');

/** The figure starting at chars[i], if any: it starts a number (满1年 with its 满), never the middle of a number or of an ASCII word (h1). */
function figureAt(chars: readonly string[], i: number): string | null {
  if (!/[\d满]/u.test(chars[i]!) || /[\dA-Za-z.]/u.test(chars[i - 1] ?? '')) return null;
  const m = FIGURE_AT_RE.exec(chars.slice(i, i + 40).join(''));
  return m && /\d/u.test(m[0]) ? m[0] : null;
}

/** Every figure in a text (e.g. inside a title), with its offset in UTF-16 units. */
export function figuresIn(text: string): { text: string; offset: number }[] {
  const chars = [...text];
  const out: { text: string; offset: number }[] = [];
  for (let i = 0, offset = 0; i < chars.length; ) {
    const fig = figureAt(chars, i);
    const step = fig ? [...fig].length : 1;
    if (fig) out.push({ text: fig, offset });
    offset += chars.slice(i, i + step).join('').length;
    i += step;
  }
  return out;
}
const HAN_RE = /\p{Script=Han}/u;

export type Segment =
  | { kind: 'text'; text: string }
  /** A cited document title, brackets included: 《天津市优化营商环境条例》. */
  | { kind: 'cite'; text: string }
  /** A document number: 厅字〔2019〕56号. */
  | { kind: 'docno'; text: string }
  /** A quoted name, programme or slogan, quotes included: “海河英才”. */
  | { kind: 'term'; text: string }
  /** A department abbreviation from the registry. */
  | { kind: 'dept'; text: string; slug: string }
  /** A figure in running text (not inside a title or quotes): 65%, 3%-5%, 满1年. */
  | { kind: 'fig'; text: string };

/** For every 《 and “ that is closed, the index of its closing 》 or ” (nested pairs counted), in one pass. */
function closers(chars: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  const open: Record<string, number[]> = { '《': [], '“': [] };
  const pairOf: Record<string, string> = { '》': '《', '”': '“' };
  chars.forEach((ch, i) => {
    if (ch in open) open[ch]!.push(i);
    else if (ch in pairOf) {
      const start = open[pairOf[ch]!]!.pop();
      // Only the outermost pair matters: an inner one lies inside a segment already.
      if (start !== undefined) out.set(start, i);
    }
  });
  return out;
}

/**
 * Splits a text into segments, in one pass: the cost is linear in the text's length (each
 * position tries a bounded number of patterns; brackets are paired beforehand). A line that
 * starts with a numbering (1. （1） （一）) keeps its number as plain text, not as a figure.
 */
export function segmentInline(text: string, departments: readonly Department[]): Segment[] {
  const chars = [...text];
  const offsets: number[] = [];
  for (let i = 0, offset = 0; i < chars.length; offset += chars[i]!.length, i++) offsets.push(offset);
  const byFirst = new Map<string, Department[]>();
  for (const d of [...departments].sort((a, b) => b.abbr.length - a.abbr.length)) {
    const first = [...d.abbr][0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), d]);
  }
  const pairs = closers(chars);
  const docNumberAt = new RegExp(DOC_NUMBER_RE.source, 'uy');
  const out: Segment[] = [];
  let plain = '';
  const push = (s: Segment) => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
    out.push(s);
  };
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (i === 0 || chars[i - 1] === '\n') {
      const end = text.indexOf('\n', offsets[i]);
      const numbered = readNumbering(text.slice(offsets[i], end < 0 ? undefined : end));
      if (numbered) {
        const length = [...numbered.marker].length;
        plain += chars.slice(i, i + length).join('');
        i += length;
        continue;
      }
    }
    const kind = ch === '《' ? 'cite' : ch === '“' ? 'term' : undefined;
    const close = kind && pairs.get(i);
    if (kind && close !== undefined) {
      push({ kind, text: chars.slice(i, close + 1).join('') });
      i = close + 1;
      continue;
    }
    // A document number starts a run of Han characters: （厅字〔2019〕56号）, not 根据国办发〔…〕.
    docNumberAt.lastIndex = offsets[i]!;
    const num = i === 0 || !HAN_RE.test(chars[i - 1]!) ? docNumberAt.exec(text) : null;
    if (num) {
      push({ kind: 'docno', text: num[0] });
      i += [...num[0]].length;
      continue;
    }
    const fig = figureAt(chars, i);
    if (fig) {
      push({ kind: 'fig', text: fig });
      i += [...fig].length;
      continue;
    }
    const dept = byFirst.get(ch)?.find((d) => text.startsWith(d.abbr, offsets[i]) && !insideLongerName(chars, i, [...d.abbr].length));
    if (dept) {
      push({ kind: 'dept', text: dept.abbr, slug: dept.id });
      i += [...dept.abbr].length;
      continue;
    }
    plain += ch;
    i++;
  }
  if (plain) out.push({ kind: 'text', text: plain });
  return out;
}

/**
 * Whether an abbreviation found at chars[i…i+length) is part of a longer word, not the body: a
 * 部门 (人力资源社会保障部门, 财政部门), or the tail of a local body's or a longer name (天津市统计局 is
 * not the national 统计局; 住房和城乡建设部 is not 建设部).
 */
function insideLongerName(chars: readonly string[], i: number, length: number): boolean {
  if (chars[i + length] === '门') return true;
  const before = chars[i - 1];
  return before !== undefined && /[市省区县州乡镇村城]/u.test(before);
}
