/**
 * Matching beyond Ctrl-F (src/views/search-match.ts): a text that answers every word through its
 * alternatives, how a partial match relates to each word (never by a lone character), and the
 * traditional → simplified folding the search page loads (src/scripts/t2s.ts).
 */
import { describe, expect, test } from 'vitest';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { loadSimplifier } from '../../src/scripts/t2s.ts';
import { matchAlternatives, relates, relation, relationMarks } from '../../src/views/search-match.ts';
import { provisions } from '../helpers/model.ts';
import { libraryText } from '../helpers/vocabulary.ts';

const text = (id: string) => provisions.find((m) => m.id === id)!.text;
/** A provision whose text has the string, and one whose text does not. */
const withWord = (w: string) => provisions.find((m) => m.text.includes(w))!;

describe('matchAlternatives', () => {
  test('each word as typed, or else the alternatives the text holds, with their occurrences', () => {
    const m = provisions.find((x) => x.text.includes('户籍') && !x.text.includes('户口'))!;
    const met = matchAlternatives(m.text, ['户口'], [['户籍', '落户']])!;
    const has = ['户籍', '落户'].filter((t) => m.text.includes(t));
    expect(met).toEqual([{ word: '户口', found: has, via: true, count: has.reduce((n, t) => n + m.text.split(t).length - 1, 0) }]);
    // A second word present as typed.
    const both = matchAlternatives(m.text, ['户口', '社会保险'], [['户籍'], []]);
    if (m.text.includes('社会保险')) expect(both![1]).toEqual({ word: '社会保险', found: ['社会保险'], via: false, count: m.text.split('社会保险').length - 1 });
  });

  test('null when some word is met neither way', () => {
    const m = provisions.find((x) => !x.text.includes('户籍') && !x.text.includes('落户'))!;
    expect(matchAlternatives(m.text, ['户口'], [['户籍', '落户']])).toBeNull();
    expect(matchAlternatives(withWord('档案').text, ['档案', '户口'], [[], ['户籍']])).toEqual(withWord('档案').text.includes('户籍') ? expect.anything() : null);
  });

  test('whitespace and full-width ASCII do not matter', () => {
    expect(matchAlternatives('完善 户 籍 制度', ['户口'], [['户籍']])![0]!.found).toEqual(['户籍']);
    expect(matchAlternatives('ＡＢ计划', ['x'], [['ab']])![0]!.found).toEqual(['ab']);
  });
});

describe('relation (the partial-match list)', () => {
  test('a word held whole; else its longest pieces of two or more characters, in the word’s order', () => {
    const t = '推进人才和劳动力流动，支持海河英才计划';
    expect(relation(t, ['劳动力'])).toEqual([{ word: '劳动力', whole: true, pieces: [] }]);
    expect(relation(t, ['人才流动'])).toEqual([{ word: '人才流动', whole: false, pieces: ['人才', '流动'] }]);
    expect(relation(t, ['海河人才'])).toEqual([{ word: '海河人才', whole: false, pieces: ['海河', '人才'] }]);
    // 海河英 is a piece; 海河 and 河英 inside it are not listed again.
    expect(relation(t, ['海河英雄'])).toEqual([{ word: '海河英雄', whole: false, pieces: ['海河英'] }]);
  });

  test('never a lone character: 户 in 个体工商户 says nothing about 户口', () => {
    const m = withWord('个体工商户');
    const rel = relation(m.text, ['户口']);
    expect(m.text.includes('户口')).toBe(false);
    expect(rel).toEqual([{ word: '户口', whole: false, pieces: [] }]);
    expect(relates(rel)).toBe(false);
    expect(relationMarks(rel)).toEqual([]);
  });

  test('what is marked is always a whole word or a piece of two or more characters of one', () => {
    const queries = [['户口'], ['人才流动'], ['退伍军人'], ['个体户口'], ['海河人才', '落户'], ['基层公务员'], ['城乡户口', '职称']];
    for (const m of provisions) {
      for (const words of queries) {
        const marks = relationMarks(relation(m.text, words));
        for (const mark of marks) {
          expect([...mark].length, `${words.join(' ')} @${m.id}: ${mark}`).toBeGreaterThanOrEqual(2);
          expect(words.some((w) => w.includes(mark)), mark).toBe(true);
          expect(m.text.includes(mark)).toBe(true);
        }
      }
    }
  });

  test('several words: whole, pieces and missing each said', () => {
    const t = text('2-1');
    const rel = relation(t, ['落户', '户口', '海河人才']);
    expect(rel[0]).toEqual({ word: '落户', whole: t.includes('落户'), pieces: [] });
    expect(rel[1]!.whole).toBe(false);
    expect(rel[1]!.pieces).toEqual([]);
    expect(rel[2]!.pieces).toEqual(['海河'].filter((p) => t.includes(p)).concat(t.includes('人才') ? ['人才'] : []));
  });
});

describe('traditional characters (opencc-js, t2s)', async () => {
  const toSimplified = await loadSimplifier();
  test('fold to the simplified forms the documents use', () => {
    const pairs: [string, string][] = [['戶籍', '户籍'], ['職稱', '职称'], ['社會保險', '社会保险'], ['醫療保險', '医疗保险'], ['農業轉移人口', '农业转移人口'],
      ['退役軍人', '退役军人'], ['隨遷子女', '随迁子女'], ['檔案', '档案'], ['勞動力和人才社會性流動', '劳动力和人才社会性流动'], ['津就組字〔2020〕5號', '津就组字〔2020〕5号']];
    for (const [tc, sc] of pairs) {
      expect(toSimplified(tc)).toBe(sc);
      expect(libraryText.some((t) => t.includes(sc)), sc).toBe(true);
    }
  });

  test('leave the library’s simplified text as it is (so folding a simplified query changes nothing)', () => {
    for (const t of libraryText) expect(toSimplified(t)).toBe(t);
  });

  test('the same conversion as opencc-js’s own converter, built at once, on every entry of both tables', () => {
    const reference = ConverterFactory([[TSPhrases, TSCharacters]]);
    const sources = [...TSPhrases.split('|'), ...TSCharacters.split('|')].map((e) => e.split(' ')[0]!);
    const text = sources.join('，');
    expect(toSimplified(text)).toBe(reference(text));
    for (const s of sources.slice(0, 5000)) expect(toSimplified(s)).toBe(reference(s));
  });
});
