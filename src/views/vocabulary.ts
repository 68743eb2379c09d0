/**
 * The library's own words, for a search that finds nothing (README, Search: 您是不是要找): the build
 * writes /search/words.json (src/site/vocabulary.ts) with the words of two or more Han characters
 * that the documents use, most provisions first, and a pinyin table small enough to ship: the 3,755
 * characters of GB2312 level 1 are not listed, the browser decodes them (TextDecoder('gb2312'), in
 * their code order, which is pinyin order) and the file gives only runs of one reading ("a", 5,
 * "ai", 13, …) and the other readings of polyphonic characters (藉 jie, ji). Pure functions, shared
 * by the build and the browser (unit-tested in tests/unit/vocabulary.test.ts).
 */

export interface Vocabulary {
  /** The library's words, most provisions first, separated by spaces. */
  words: string;
  /** Readings of GB2312 level 1 in code order, as runs: a reading, then how many characters have it first. */
  runs: (string | number)[];
  /** Other readings of polyphonic characters: "藉ji 朝zhao 行hang,heng". */
  readings: string;
}

/** The characters of GB2312 level 1 (rows 16–55: 0xB0A1…0xD7F9), in code order, which is pinyin order. */
export function level1Characters(): string[] {
  const decoder = new TextDecoder('gb2312');
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) for (let cell = 0xa1; cell <= (row === 0xd7 ? 0xf9 : 0xfe); cell++) bytes.push(row, cell);
  return [...decoder.decode(new Uint8Array(bytes))];
}

/** Character → its toneless readings (jie, ji), from the runs and the other readings. */
export type PinyinTable = Map<string, string[]>;

export function pinyinTable(v: Pick<Vocabulary, 'runs' | 'readings'>, characters: readonly string[] = level1Characters()): PinyinTable {
  const table: PinyinTable = new Map();
  let at = 0;
  for (let i = 0; i + 1 < v.runs.length; i += 2) {
    const reading = String(v.runs[i]);
    const n = Number(v.runs[i + 1]);
    for (const c of characters.slice(at, at + n)) table.set(c, [reading]);
    at += n;
  }
  for (const item of v.readings.split(' ')) {
    const [c, ...rest] = [...item];
    if (!c || !rest.length) continue;
    table.set(c, [...(table.get(c) ?? []), ...rest.join('').split(',')]);
  }
  return table;
}

/** Two characters that share a reading (or are the same). */
function sound(a: string, b: string, table: PinyinTable): boolean {
  if (a === b) return true;
  const x = table.get(a);
  const y = table.get(b);
  return Boolean(x && y && x.some((r) => y.includes(r)));
}

/**
 * How far `candidate` is from `typed`, or null when it is too far to suggest:
 * 0 the same readings, character by character (社宝 → 社保, 户藉 → 户籍, 落护 → 落户);
 * 1 one character replaced (户藉 → 户口 would be one);
 * 2 one character added or left out.
 * Linear in the words' length.
 */
export function distance(typed: readonly string[], candidate: readonly string[], table: PinyinTable): number | null {
  const n = typed.length;
  const m = candidate.length;
  if (n === m) {
    let diffs = 0;
    let homophone = true;
    for (let i = 0; i < n; i++) {
      if (typed[i] === candidate[i]) continue;
      diffs++;
      if (!sound(typed[i]!, candidate[i]!, table)) homophone = false;
    }
    if (diffs === 0) return null;
    // A homophone keeps at least one character, so 社宝 does not suggest 设保.
    if (homophone && diffs < n) return 0;
    return diffs === 1 ? 1 : null;
  }
  if (Math.abs(n - m) !== 1) return null;
  const [short, long] = n < m ? [typed, candidate] : [candidate, typed];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  for (let k = i; k < short.length; k++) if (short[k] !== long[k + 1]) return null;
  return 2;
}

/**
 * 您是不是要找: the words of the vocabulary (the library's, most used first, then the thesaurus's and
 * the departments' names) nearest a word that occurs nowhere. Homophones first, and only them when
 * there are some; else words one character away. At most `max`. One pass over the vocabulary,
 * linear in the word's length for each entry.
 */
export function suggestions(word: string, vocabulary: readonly string[], table: PinyinTable, max = 3): string[] {
  const typed = [...word];
  if (typed.length < 2) return [];
  const found: { word: string; d: number; order: number }[] = [];
  const seen = new Set<string>([word]);
  vocabulary.forEach((v, order) => {
    if (seen.has(v)) return;
    seen.add(v);
    const d = distance(typed, [...v], table);
    if (d !== null) found.push({ word: v, d, order });
  });
  found.sort((a, b) => a.d - b.d || a.order - b.order);
  const best = found[0]?.d;
  return found.filter((f) => best !== 0 || f.d === 0).slice(0, max).map((f) => f.word);
}

/**
 * The words of a query word that the text may hold apart (农村户口 → 农村, 户口; 打零工 → 零工): its
 * segments of two or more characters, where they are not the word itself; null when it has none.
 */
export function apartWords(word: string, segment: (s: string) => string[]): string[] | null {
  const pieces = [...new Set(segment(word).filter((s) => [...s].length >= 2 && /^[\p{L}\p{N}]+$/u.test(s)))];
  if (!pieces.length || (pieces.length === 1 && pieces[0] === word)) return null;
  return pieces;
}

/** Segments a string into words with the browser's (or Node's) dictionary, when there is one. */
export function segmenter(): (s: string) => string[] {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return (s) => [s];
  const seg = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return (s) => [...seg.segment(s)].map((x) => x.segment);
}

/** The library's words of two or more Han characters, by the number of texts that use them (then first use), at most `cap`. */
export function libraryWords(texts: readonly string[], segment: (s: string) => string[], cap: number): string[] {
  const uses = new Map<string, number>();
  for (const t of texts) {
    for (const w of new Set(segment(t))) if (/^\p{Script=Han}{2,}$/u.test(w)) uses.set(w, (uses.get(w) ?? 0) + 1);
  }
  // A stable sort: ties keep their first use's order.
  return [...uses].sort((a, b) => b[1] - a[1]).slice(0, cap).map(([w]) => w);
}
