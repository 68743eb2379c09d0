/** The Ctrl-F layer over Pagefind: query words, folding, matching, candidate queries, excerpts, ranking. */
import { describe, expect, test } from 'vitest';
import { candidateQueries, compareRanked, excerpt, fold, matchCounts, occurrences, splitWords, squash } from '../../src/views/search-query.ts';
import { provisions } from '../helpers/model.ts';

describe('splitWords', () => {
  test('spaces (ASCII or ideographic) separate words; quotes keep a phrase together', () => {
    expect(splitWords(' 就业  创业 ')).toEqual(['就业', '创业']);
    expect(splitWords('就业\u3000创业')).toEqual(['就业', '创业']);
    expect(splitWords('"海河 英才" 落户')).toEqual(['海河英才', '落户']);
    expect(splitWords('“海河英才”')).toEqual(['“海河英才”']);
    expect(splitWords('落户 落户')).toEqual(['落户']);
    expect(splitWords('   ')).toEqual([]);
  });
});

describe('fold and squash', () => {
  test('full-width ASCII and case fold without changing length', () => {
    expect(fold('６５％')).toBe('65%');
    expect(fold('ＡＢc')).toBe('abc');
    expect(fold('（厅字〔2019〕56号）')).toBe('(厅字〔2019〕56号)');
    expect(fold('“六稳”、“六保”')).toBe('“六稳”、“六保”');
    for (const m of provisions) expect(fold(m.text)).toHaveLength(m.text.length);
  });
  test('squash drops whitespace and the zero-width spaces Pagefind stores between words', () => {
    expect(squash('就业\u200b优先 政策\n')).toBe('就业优先政策');
  });
});

describe('matching', () => {
  const text = '（一）实施就业优先政策创造流动机会。坚持把稳定和扩大就业摆在更加突出位置';
  test('occurrences are non-overlapping substring positions', () => {
    expect(occurrences('就业就业业', '就业')).toEqual([0, 2]);
    expect(occurrences('aaaa', 'aa')).toEqual([0, 2]);
    expect(occurrences('abc', '')).toEqual([]);
  });
  test('a text matches when it contains every word, across word boundaries, ignoring spaces', () => {
    expect(matchCounts(text, ['业优先'])).toEqual([1]);
    expect(matchCounts(text, ['就业', '机会'])).toEqual([2, 1]);
    expect(matchCounts(text, ['就业', '档案'])).toBeNull();
    expect(matchCounts('实施\u200b就业\u200b优先', ['施就'])).toEqual([1]);
    expect(matchCounts('比例为65%', ['６５％'])).toEqual([1]);
  });
  test('every provision matches its own headline and attribution', () => {
    for (const m of provisions) {
      expect(matchCounts(m.text, [m.headline])).not.toBeNull();
      if (m.attribution) expect(matchCounts(m.text, [m.attribution.text])).not.toBeNull();
    }
  });
});

describe('candidateQueries', () => {
  test('the words as typed, and the character pairs of each Han run', () => {
    expect(candidateQueries(['业优先'])).toEqual(['业优先', '业优 优先']);
    expect(candidateQueries(['就业', '创业'])).toEqual(['就业 创业']);
    expect(candidateQueries(['厅字〔2019〕56号'])).toEqual(['厅字〔2019〕56号', '厅字 2019 56']);
    expect(candidateQueries(['3%-5%'])).toEqual(['3%-5%', '3 5']);
  });
  test('a single character stays a term on its own', () => {
    expect(candidateQueries(['委'])).toEqual(['委']);
  });
});

describe('excerpt', () => {
  const text = provisions.find((m) => m.id === '2-3')!.text;
  const render = (segs: { text: string; mark: boolean }[]) => segs.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
  test('marks every occurrence inside the window and cuts with …', () => {
    const out = render(excerpt(text, ['档案']));
    expect(out).toContain('[档案]');
    expect(out.endsWith('…')).toBe(true);
    expect(out.replace(/[[\]…]/g, '')).toSatisfy((s: string) => squash(text).includes(s));
  });
  test('shows each word of a multi-word query, even far apart', () => {
    const out = render(excerpt(text, ['档案', '公安']));
    expect(out).toContain('[档案]');
    expect(out).toContain('[公安]');
  });
  test('the window starts at context before the first match and never cuts a match in two', () => {
    expect(render(excerpt('甲乙丙丁戊己庚辛壬癸', ['丁戊'], { length: 4, context: 0 }))).toBe('…[丁戊]己庚…');
    expect(render(excerpt('甲乙丙丁戊己庚辛壬癸', ['丁戊'], { length: 4, context: 1 }))).toBe('…丙[丁戊]己…');
    expect(render(excerpt('丁戊己庚丁戊辛', ['丁戊'], { length: 5, context: 0 }))).toBe('[丁戊]己庚[丁戊]…');
  });
});

describe('compareRanked', () => {
  test('exact matches first, then more occurrences, then score, then reading order', () => {
    const items = [
      { name: 'scattered, high score', counts: null, score: 9, order: 1 },
      { name: 'exact once', counts: [1], score: 1, order: 3 },
      { name: 'exact twice', counts: [2], score: 1, order: 4 },
      { name: 'exact once, better score', counts: [1], score: 2, order: 5 },
      { name: 'exact once, earlier', counts: [1], score: 1, order: 2 },
    ];
    expect(items.sort(compareRanked).map((i) => i.name)).toEqual([
      'exact twice', 'exact once, better score', 'exact once, earlier', 'exact once', 'scattered, high score',
    ]);
  });
});
