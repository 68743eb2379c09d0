/**
 * Ctrl-F semantics on top of Pagefind, as pure functions (used by the search page and the
 * highlight script, unit-tested in tests/unit/search-query.test.ts).
 *
 * Pagefind finds candidate pages; these functions decide which candidates contain every word
 * of the query as an exact substring, count occurrences, rank, and cut excerpts.
 */

/**
 * The longest query searched, in characters (code points): a longer one is cut to its first
 * MAX_QUERY_LENGTH characters, and the search page says so. Enough for a document's title with
 * its 发文字号 and a provision's label, or a copied sentence; every step a query takes (Pagefind's
 * terms, the exact pass, pieces of words, excerpts, highlights) grows with its length.
 */
export const MAX_QUERY_LENGTH = 100;

/** A query cut to its first `max` characters (never inside a surrogate pair); `cut` when it was longer. */
export function limitQuery(query: string, max = MAX_QUERY_LENGTH): { q: string; cut: boolean } {
  const q = query.trim();
  // At most 2 UTF-16 units a character: a string this short is within the limit.
  if (q.length <= max) return { q, cut: false };
  let end = 0;
  for (let n = 0; n < max && end < q.length; n++) end += (q.codePointAt(end)! > 0xffff ? 2 : 1);
  return end >= q.length ? { q, cut: false } : { q: q.slice(0, end).trim(), cut: true };
}

/** A query split into words: spaces separate words; a "quoted phrase" is one word. */
export function splitWords(query: string): string[] {
  const words = new Set<string>();
  const re = /"([^"]*)"|(\S+)/gu;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    const w = (m[1] ?? m[2] ?? '').replace(/\s+/gu, '').replace(/"/g, '');
    if (w) words.add(w);
  }
  return [...words];
}

/**
 * Folds a string for matching, one output character per input UTF-16 unit, so indexes in the
 * folded string are indexes in the original: full-width ASCII to half-width (６５％ → 65%,
 * （ → (), letters to lower case. Other CJK punctuation such as 〔〕“”、 is left as it is.
 */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = c.charCodeAt(0);
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : c;
    const lower = half.toLowerCase();
    out += lower.length === 1 ? lower : half;
  }
  return out;
}

const BLANK_RE = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

/**
 * Text without whitespace or zero-width characters: the seed's text has no meaningful spaces,
 * pages add some, and Pagefind's stored content puts U+200B between the words jieba found.
 */
export function squash(s: string): string {
  return s.replace(BLANK_RE, '');
}

/** Whether a character is one squash() removes (whitespace or zero-width). */
export function isBlank(ch: string): boolean {
  return squash(ch) === '';
}

/** Start offsets of every occurrence of `word` in `text` (both already folded), non-overlapping. */
export function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  if (!word) return out;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) out.push(i);
  return out;
}

/** How often each word occurs in a text; null when some word is missing (not an exact match). */
export function matchCounts(text: string, words: readonly string[]): number[] | null {
  const t = fold(squash(text));
  const counts = words.map((w) => occurrences(t, fold(w)).length);
  return counts.every((n) => n > 0) ? counts : null;
}

const HAN_RUN = /\p{Script=Han}+|[\p{N}\p{Script=Latin}]+/gu;

/**
 * The Pagefind queries that gather candidates for a list of words. Pagefind requires every
 * term of a query, so each query below can only narrow, never widen, what the words demand:
 *  - the words as typed (Pagefind segments them with Intl.Segmenter);
 *  - the overlapping character pairs of every Han run, plus Latin/digit runs whole. A page
 *    that contains a string contains each of its pairs, whatever jieba made of the words around
 *    them at index time, so this query still finds strings that cross jieba's word boundaries.
 */
export function candidateQueries(words: readonly string[]): string[] {
  const typed = words.join(' ');
  const terms = new Set<string>();
  for (const word of words) {
    const runs = word.match(HAN_RUN) ?? [];
    for (const run of runs) {
      const chars = [...run];
      if (!/\p{Script=Han}/u.test(run)) terms.add(run);
      else if (chars.length === 1) { if (runs.length === 1) terms.add(run); }
      else for (let i = 0; i + 2 <= chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
    }
  }
  const pairs = [...terms].join(' ');
  return pairs && pairs !== typed ? [typed, pairs] : [typed];
}

export interface MarkedRun {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of `text` with every occurrence of every word marked: a window around the first
 * occurrence of each word (so each word of a multi-word query shows), windows that overlap
 * merged, gaps shown as …. Whitespace is dropped first, as in matching. `find` gives the
 * occurrences to mark (the search page leaves out those inside a department's name: outsideNames()).
 */
export function excerpt(text: string, words: readonly string[], { length = 110, context = 24, find = occurrences } = {}): MarkedRun[] {
  const plain = squash(text);
  const folded = fold(plain);
  const marks: [number, number][] = [];
  const firsts: [number, number][] = [];
  for (const w of words) {
    const at = find(folded, fold(w));
    for (const i of at) marks.push([i, i + w.length]);
    if (at.length) firsts.push([at[0]!, at[0]! + w.length]);
  }
  const merge = (rs: [number, number][]) => rs.sort((a, b) => a[0] - b[0]).reduce<[number, number][]>((acc, r) => {
    const last = acc[acc.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else acc.push([r[0], r[1]]);
    return acc;
  }, []);
  // Each window gets an equal share of the length; a lone window is the whole length.
  const share = Math.max(context * 2, Math.floor(length / Math.max(1, firsts.length)));
  const windows = merge((firsts.length ? firsts : [[0, 0] as [number, number]]).map(([a, b]) => {
    const start = Math.max(0, Math.min(a - context, plain.length - share));
    return [start, Math.min(plain.length, Math.max(b, start + share))];
  }));
  const merged = merge(marks);
  // The first merged mark that ends after x (marks are disjoint and sorted): a binary search.
  const after = (x: number) => {
    let lo = 0;
    let hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid]![1] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // A window never cuts a match in two: widen it to whole matches at both ends.
  for (const w of windows) {
    for (const end of [0, 1] as const) {
      const m = merged[after(w[end])];
      if (m && m[0] < w[end]) w[end] = end === 0 ? m[0] : m[1];
    }
  }
  const out: MarkedRun[] = [];
  for (const [start, end] of windows) {
    if (start > 0) out.push({ text: '…', mark: false });
    let pos = start;
    for (let k = after(start); k < merged.length && merged[k]![0] < end; k++) {
      const [a, b] = merged[k]!;
      const s = Math.max(a, start);
      const e = Math.min(b, end);
      if (s > pos) out.push({ text: plain.slice(pos, s), mark: false });
      out.push({ text: plain.slice(s, e), mark: true });
      pos = e;
    }
    if (pos < end) out.push({ text: plain.slice(pos, end), mark: false });
  }
  const lastEnd = windows[windows.length - 1]![1];
  if (lastEnd < plain.length) out.push({ text: '…', mark: false });
  // Two windows back to back would print …… between them: keep one.
  return out.filter((seg, i) => !(seg.text === '…' && !seg.mark && out[i - 1]?.text === '…' && !out[i - 1]!.mark));
}

export interface Ranked {
  /** Occurrences of each word, or null when the text lacks some word. */
  counts: number[] | null;
  /** Pagefind's relevance score (0 when unknown). */
  score: number;
  /** Reading order, for ties and for filter-only listings. */
  order: number;
}

/** Exact matches first; among them more occurrences first; then Pagefind's score; then reading order. */
export function compareRanked(a: Ranked, b: Ranked): number {
  const ea = a.counts ? 1 : 0;
  const eb = b.counts ? 1 : 0;
  if (ea !== eb) return eb - ea;
  const sum = (r: Ranked) => (r.counts ?? []).reduce((x, y) => x + y, 0);
  return sum(b) - sum(a) || b.score - a.score || a.order - b.order;
}

