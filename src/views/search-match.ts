/**
 * The search page's matching beyond Ctrl-F, as pure functions (unit-tested in
 * tests/unit/search-match.test.ts): a text that answers the words through their alternatives
 * (thesaurus terms, a department's abbreviation), and how a partial match relates to each word.
 * Kept apart from search-query.ts, which reading pages load (highlight.ts): only /search/ needs these.
 */
import { fold, occurrences, squash } from './search-query.ts';

/**
 * Where a paragraph ends in Pagefind's stored text: it joins an element's paragraphs with ". ",
 * which the excerpts showed as a stray "." between 通知 and 津就组字. The search page puts this
 * separator there instead (not whitespace, so no word matches across it, as in Ctrl-F) and shows
 * it as a space.
 */
export const PARAGRAPH = '\u2063';

/** Pagefind's stored text with its paragraph joints (". " after a Han character or a word separator) as PARAGRAPH. */
export function paragraphs(content: string): string {
  return content.replace(/(?<=[^\x00-\x7f])\. +/gu, PARAGRAPH);
}

/**
 * Occurrences of `word` in `text` (both folded) that do not lie inside one of `names`, longer
 * strings that contain the word: 退役军人 inside 市退役军人局 is a department's name, not the
 * word. Linear: each name that holds the word is searched once, and both lists are walked once.
 */
export function outsideNames(text: string, word: string, names: readonly string[]): number[] {
  const at = occurrences(text, word);
  const covers: [number, number][] = [];
  for (const n of names.map(fold)) {
    if (n.length <= word.length || !n.includes(word)) continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) covers.push([i, i + n.length]);
  }
  if (!covers.length) return at;
  covers.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let k = 0;
  let reach = -1;
  for (const i of at) {
    // The furthest end of the names that start at or before i.
    while (k < covers.length && covers[k]![0] <= i) reach = Math.max(reach, covers[k++]![1]);
    if (i + word.length > reach) out.push(i);
  }
  return out;
}

/** How one word of a query was met in a text through its alternatives (thesaurus terms, a department's abbreviation). */
export interface WordMatch {
  word: string;
  /** What the text holds for it: the word itself when present, else the alternatives present. */
  found: string[];
  /** True when the word itself is absent and `found` are alternatives. */
  via: boolean;
  /** Occurrences of what was found. */
  count: number;
}

/**
 * Whether a text answers every word either as typed or through one of its alternatives, and
 * with what; null when some word is met neither way. A text that holds every word as typed is
 * an exact match (matchCounts()), not this.
 */
export function matchAlternatives(text: string, words: readonly string[], alternatives: readonly (readonly string[])[]): WordMatch[] | null {
  const t = fold(squash(text));
  const out: WordMatch[] = [];
  const count = (xs: string[]) => xs.reduce((n, x) => n + occurrences(t, fold(x)).length, 0);
  for (const [i, word] of words.entries()) {
    if (t.includes(fold(word))) { out.push({ word, found: [word], via: false, count: count([word]) }); continue; }
    const found = (alternatives[i] ?? []).filter((a) => a && t.includes(fold(a)));
    if (!found.length) return null;
    out.push({ word, found, via: true, count: count(found) });
  }
  return out;
}

/** How a text relates to one word of a query it does not match exactly. */
export interface WordRelation {
  word: string;
  /** The text holds the whole word. */
  whole: boolean;
  /** Otherwise, the longest pieces of the word (two or more characters) that it holds, in the word's order. */
  pieces: string[];
}

/**
 * The longest pieces (two or more characters, shorter than the word) of a word that `has` says a
 * text holds, none inside another, in the word's order. Linear in the word's length: at most two
 * calls of `has` per character. From each start, a piece extends as far as the text holds it; a
 * piece that starts later and ends no further lies inside the one before, and a window that
 * slides forward finds every maximal piece (the end never moves back). Pieces that repeat another
 * (a piece inside a longer one elsewhere in the word) are dropped, longest kept.
 */
export function maximalPieces(word: string, has: (piece: string) => boolean): string[] {
  const chars = [...word];
  const n = chars.length;
  // Prefix offsets in UTF-16 units, so a piece is one slice of the word.
  const at = [0];
  for (const c of chars) at.push(at[at.length - 1]! + c.length);
  const piece = (i: number, j: number) => word.slice(at[i], at[j]);
  const spans: [number, number][] = [];
  let end = 0;
  for (let i = 0; i < n; i++) {
    // The piece from i can reach at least where the piece from i - 1 reached (a part of it).
    if (end < i + 1) end = i + 1;
    while (end < n && end + 1 - i < n && has(piece(i, end + 1))) end++;
    const last = spans[spans.length - 1];
    if (end - i >= 2 && (!last || end > last[1])) spans.push([i, end]);
  }
  // Longest first, then in the word's order: a piece another holds is a repeat.
  const kept: { at: number; text: string }[] = [];
  for (const [i, j] of [...spans].sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0])) {
    const text = piece(i, j);
    if (!kept.some((k) => k.text.includes(text))) kept.push({ at: i, text });
  }
  return kept.sort((a, b) => a.at - b.at).map((k) => k.text);
}

/**
 * For the partial-match list: per word, whether the text holds it whole, or which of its pieces
 * of two or more characters (the longest ones, none inside another). A lone character never
 * counts as a piece: 户 in 个体工商户 says nothing about 户口.
 */
export function relation(text: string, words: readonly string[]): WordRelation[] {
  const t = fold(squash(text));
  return words.map((word) => {
    if (t.includes(fold(word))) return { word, whole: true, pieces: [] };
    return { word, whole: false, pieces: maximalPieces(word, (piece) => t.includes(fold(piece))) };
  });
}

/** Whether a partial match has anything to show: some word whole, or some piece of two or more characters. */
export function relates(rel: readonly WordRelation[]): boolean {
  return rel.some((r) => r.whole || r.pieces.length > 0);
}

/** The strings to mark in a partial match's excerpt: whole words and pieces, never a lone character of a longer word. */
export function relationMarks(rel: readonly WordRelation[]): string[] {
  return rel.flatMap((r) => (r.whole ? [r.word] : r.pieces));
}
