/**
 * Long queries (issue 21, item 3): the search page's steps grow linearly with a query's length.
 * A query is cut to MAX_QUERY_LENGTH characters (limitQuery); the pieces of a word that a partial
 * match holds (relation()) take at most two substring searches per character of the word, where
 * they enumerated every substring (a 1,000-character query never answered); excerpts find the
 * marks around each window by binary search. Each is checked against the former algorithm, kept
 * here as the reference, on random inputs (fast-check), and by counting its work.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maximalPieces, relation } from '../../src/views/search-match.ts';
import { excerpt, fold, limitQuery, MAX_QUERY_LENGTH, occurrences, splitWords, squash, type MarkedRun } from '../../src/views/search-query.ts';
import { provisions } from '../helpers/model.ts';

/** relation() as it was: every substring of the word, longest first (cubic in the word's length). */
function relationReference(text: string, words: readonly string[]) {
  const t = fold(squash(text));
  return words.map((word) => {
    const w = fold(word);
    if (t.includes(w)) return { word, whole: true, pieces: [] as string[] };
    const chars = [...word];
    const found: { at: number; piece: string }[] = [];
    for (let n = chars.length - 1; n >= 2; n--) {
      for (let i = 0; i + n <= chars.length; i++) {
        const piece = chars.slice(i, i + n).join('');
        if (!t.includes(fold(piece))) continue;
        if (found.some((f) => f.piece.includes(piece))) continue;
        found.push({ at: i, piece });
      }
    }
    return { word, whole: false, pieces: found.sort((a, b) => a.at - b.at).map((f) => f.piece) };
  });
}

/** excerpt() as it was: every mark compared with every window. */
function excerptReference(text: string, words: readonly string[], { length = 110, context = 24 } = {}): MarkedRun[] {
  const plain = squash(text);
  const folded = fold(plain);
  const marks: [number, number][] = [];
  const firsts: [number, number][] = [];
  for (const w of words) {
    const at = occurrences(folded, fold(w));
    for (const i of at) marks.push([i, i + w.length]);
    if (at.length) firsts.push([at[0]!, at[0]! + w.length]);
  }
  const merge = (rs: [number, number][]) => rs.sort((a, b) => a[0] - b[0]).reduce<[number, number][]>((acc, r) => {
    const last = acc[acc.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else acc.push([r[0], r[1]]);
    return acc;
  }, []);
  const share = Math.max(context * 2, Math.floor(length / Math.max(1, firsts.length)));
  const windows = merge((firsts.length ? firsts : [[0, 0] as [number, number]]).map(([a, b]) => {
    const start = Math.max(0, Math.min(a - context, plain.length - share));
    return [start, Math.min(plain.length, Math.max(b, start + share))];
  }));
  const merged = merge(marks);
  for (const w of windows) {
    for (const [a, b] of merged) {
      if (a < w[0] && b > w[0]) w[0] = a;
      if (a < w[1] && b > w[1]) w[1] = b;
    }
  }
  const out: MarkedRun[] = [];
  for (const [start, end] of windows) {
    if (start > 0) out.push({ text: '…', mark: false });
    let pos = start;
    for (const [a, b] of merged) {
      if (b <= start || a >= end) continue;
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
  return out.filter((seg, i) => !(seg.text === '…' && !seg.mark && out[i - 1]?.text === '…' && !out[i - 1]!.mark));
}

/** Strings over a few characters (Han, full-width and ASCII letters, one outside the BMP), so pieces repeat and overlap. */
const alphabet = ['户', '口', '人', '才', '流', '动', 'Ａ', 'a', 'B', '𠀀', ' '];
const str = (max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((cs) => cs.join(''));
const word = (max: number) => str(max).map((s) => s.replace(/\s/g, '')).filter((s) => s.length > 0);

/** A seed text of about `n` characters: provisions joined, as a reader would copy them. */
const seedText = (n: number) => provisions.map((m) => m.text).join('').repeat(20).slice(0, n);

describe('limitQuery', () => {
  test(`a query longer than ${MAX_QUERY_LENGTH} characters is cut to its first ${MAX_QUERY_LENGTH}, never inside a character`, () => {
    fc.assert(fc.property(str(300), (q) => {
      const { q: out, cut } = limitQuery(q);
      const chars = [...q.trim()];
      expect(cut).toBe(chars.length > MAX_QUERY_LENGTH);
      expect(out).toBe(chars.slice(0, MAX_QUERY_LENGTH).join('').trim());
    }), { numRuns: 500 });
    const long = seedText(1000);
    expect(limitQuery(long)).toEqual({ q: [...long].slice(0, MAX_QUERY_LENGTH).join(''), cut: true });
    expect(limitQuery(` ${long.slice(0, 20)} `)).toEqual({ q: long.slice(0, 20), cut: false });
  });
});

describe('relation (pieces of a word a text holds)', () => {
  test('the same pieces as enumerating every substring, on random words and texts', () => {
    fc.assert(fc.property(str(40), fc.array(word(14), { minLength: 1, maxLength: 3 }), (text, words) => {
      expect(relation(text, words)).toEqual(relationReference(text, words));
    }), { numRuns: 2000 });
  });

  test('the same pieces on the seed: words made of two provisions’ phrases', () => {
    const texts = provisions.map((m) => m.text);
    for (const [i, m] of provisions.entries()) {
      const w = m.text.slice(10, 16) + texts[(i + 3) % texts.length]!.slice(40, 47);
      for (const t of texts.slice(0, 6)) expect(relation(t, [w])).toEqual(relationReference(t, [w]));
    }
  });

  test('at most two substring searches per character of the word, whatever its length', () => {
    const count = (w: string, has: (p: string) => boolean) => {
      let calls = 0;
      maximalPieces(w, (p) => { calls++; return has(p); });
      return calls;
    };
    fc.assert(fc.property(word(60), str(60), (w, text) => {
      expect(count(w, (p) => text.includes(p))).toBeLessThanOrEqual(2 * [...w].length);
    }), { numRuns: 1000 });
    // A 1,000- and a 10,000-character query against a provision's text; and the worst case of
    // the former algorithm, a word every piece of which the text holds but not the word itself.
    const text = provisions[0]!.text;
    for (const n of [1000, 10_000]) {
      const w = seedText(n);
      expect(count(w, (p) => text.includes(p))).toBeLessThanOrEqual(2 * n);
      expect(count(w, () => true)).toBeLessThanOrEqual(2 * n);
    }
  });
});

describe('excerpt', () => {
  test('the same segments as comparing every mark with every window, on random texts and words', () => {
    fc.assert(fc.property(str(200), fc.array(word(4), { minLength: 1, maxLength: 5 }), fc.integer({ min: 10, max: 120 }), fc.integer({ min: 0, max: 30 }),
      (text, words, length, context) => {
        expect(excerpt(text, words, { length, context })).toEqual(excerptReference(text, words, { length, context }));
      }), { numRuns: 2000 });
  });

  test('the same segments on the seed, for the words of a long copied passage', () => {
    const words = splitWords(seedText(600).replace(/[，。；、]/g, ' '));
    for (const m of provisions) expect(excerpt(m.text, words)).toEqual(excerptReference(m.text, words));
  });
});

describe('splitWords', () => {
  test('each word once, in order, however many', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `词${i % 2500}`);
    expect(splitWords(words.join(' '))).toEqual(words.slice(0, 2500));
  });
});
