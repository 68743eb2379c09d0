/**
 * Inline structure inside a run of policy text: cited documents 《…》, document numbers
 * (厅字〔2019〕56号), quoted programme names “…” and department abbreviations.
 * Segments cover the input exactly: joining their `text` gives the input back.
 */
import type { Department } from './model.ts';
import { DOC_NUMBER_RE } from './numerals.ts';

const DOC_NUMBER_AT_RE = new RegExp(`^${DOC_NUMBER_RE.source}`, 'u');
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
  | { kind: 'dept'; text: string; slug: string };

function closing(chars: string[], from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < chars.length; i++) {
    if (chars[i] === open) depth++;
    else if (chars[i] === close && --depth === 0) return i;
  }
  return -1;
}

export function segmentInline(text: string, departments: readonly Department[]): Segment[] {
  const chars = [...text];
  const abbrs = [...departments].sort((a, b) => b.abbr.length - a.abbr.length);
  const out: Segment[] = [];
  let plain = '';
  const push = (s: Segment) => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
    out.push(s);
  };
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    const pairs: Record<string, [string, 'cite' | 'term']> = { '《': ['》', 'cite'], '“': ['”', 'term'] };
    const pair = pairs[ch];
    if (pair) {
      const end = closing(chars, i, ch, pair[0]);
      if (end > i) {
        push({ kind: pair[1], text: chars.slice(i, end + 1).join('') });
        i = end + 1;
        continue;
      }
    }
    const rest = chars.slice(i).join('');
    // A document number starts a run of Han characters: （厅字〔2019〕56号）, not 根据国办发〔…〕.
    const num = i === 0 || !HAN_RE.test(chars[i - 1]!) ? DOC_NUMBER_AT_RE.exec(rest) : null;
    if (num) {
      push({ kind: 'docno', text: num[0] });
      i += [...num[0]].length;
      continue;
    }
    const dept = abbrs.find((d) => rest.startsWith(d.abbr));
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
