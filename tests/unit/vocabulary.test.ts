/**
 * 您是不是要找 and the words apart (src/views/vocabulary.ts), the pinyin table the browser rebuilds
 * from GB2312 (src/site/vocabulary.ts makes it with pinyin-pro), and what excerpts leave unmarked
 * (a word inside a department's name) or show as a space (Pagefind's paragraph joints).
 */
import { pinyin } from 'pinyin-pro';
import { describe, expect, test } from 'vitest';
import { pinyinData } from '../../src/views/pinyin.ts';
import { outsideNames, PARAGRAPH, paragraphs } from '../../src/views/search-match.ts';
import { excerpt } from '../../src/views/search-query.ts';
import { apartWords, distance, level1Characters, libraryWords, pinyinTable, segmenter, suggestions } from '../../src/views/vocabulary.ts';
import { provisions } from '../helpers/model.ts';

const data = pinyinData();
const table = pinyinTable(data);
const segment = segmenter();
const seedWords = libraryWords(provisions.map((m) => m.text), segment, 3000);

describe('the pinyin table', () => {
  test('the browser’s GB2312 level 1 with the shipped runs gives pinyin-pro’s readings for every character', () => {
    const chars = level1Characters();
    expect(chars).toHaveLength(3755);
    for (const c of chars) {
      const readings = [...new Set(pinyin(c, { toneType: 'none', multiple: true, type: 'array' }))];
      expect(table.get(c), c).toEqual(readings);
    }
    expect(table.get('藉')).toEqual(['jie', 'ji']);
  });

  test('small: under 9 KB of JSON', () => {
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(9000);
  });
});

describe('您是不是要找', () => {
  const vocabulary = [...seedWords, '社保', '户口'];
  test('the issue’s typos find the word meant, homophones only', () => {
    expect(seedWords).toEqual(expect.arrayContaining(['户籍', '落户']));
    expect(suggestions('户藉', vocabulary, table)).toEqual(['户籍']);
    expect(suggestions('社宝', vocabulary, table)).toEqual(['社保']);
    expect(suggestions('落护', vocabulary, table)).toEqual(['落户']);
  });

  test('one character away when no homophone; never the word itself, a single character, or two characters changed', () => {
    expect(distance([...'人事档按'], [...'人事档案'], table)).toBe(0);
    expect(distance([...'人事档X'], [...'人事档案'], table)).toBe(1);
    expect(distance([...'人事档'], [...'人事档案'], table)).toBe(2);
    expect(distance([...'社宝'], [...'设保'], table)).toBeNull();
    expect(distance([...'户口'], [...'户口'], table)).toBeNull();
    expect(distance([...'户口本子'], [...'户口'], table)).toBeNull();
    expect(suggestions('人事档X', [...vocabulary, '人事档案'], table)).toContain('人事档案');
    expect(suggestions('档按', vocabulary, table)).toEqual(['档案']);
    expect(suggestions('户', vocabulary, table)).toEqual([]);
  });

  test('linear: one pass over a vocabulary of 3,000 words for a 100-character word', () => {
    const long = provisions.map((m) => m.text).join('').slice(0, 100);
    const started = performance.now();
    for (let i = 0; i < 20; i++) suggestions(long, [...seedWords, ...seedWords, ...seedWords].slice(0, 3000), table);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('words apart', () => {
  test('a compound the text does not hold splits into its words', () => {
    expect(apartWords('农村户口', segment)).toEqual(['农村', '户口']);
    expect(apartWords('打零工', segment)).toEqual(['零工']);
    expect(apartWords('落户', segment)).toBeNull();
    expect(apartWords('2-1', segment)).toBeNull();
  });

  test('the library’s words: Han words of two or more characters, most used first, capped', () => {
    expect(seedWords.every((w) => /^\p{Script=Han}{2,}$/u.test(w))).toBe(true);
    expect(seedWords.length).toBeGreaterThan(300);
    expect(libraryWords(['人才人才', '人才流动', '流动'], segment, 1)).toEqual(['人才']);
  });
});

describe('excerpts', () => {
  test('a word inside a department’s name is not marked; the name typed whole is', () => {
    const text = '定向招聘退役军人。（市退役军人局、市人社局）';
    const marked = (words: string[]) => excerpt(text, words, { find: (t, w) => outsideNames(t, w, ['市退役军人局', '天津市退役军人事务局']) }).filter((s) => s.mark).map((s) => s.text);
    expect(marked(['退役军人'])).toEqual(['退役军人']);
    expect(marked(['市退役军人局'])).toEqual(['市退役军人局']);
    expect(outsideNames('市退役军人局市退役军人局退役军人', '退役军人', ['市退役军人局'])).toEqual([12]);
    expect(excerpt(text, ['退役军人'])).toEqual(excerpt(text, ['退役军人'], { find: (t, w) => outsideNames(t, w, []) }));
  });

  test('Pagefind’s paragraph joints become a separator no word matches across', () => {
    const stored = '的\u200b通知\u200b. \u200b津\u200b就\u200b组\u200b字. 3.5%';
    expect(paragraphs(stored)).toBe(`的\u200b通知\u200b${PARAGRAPH}\u200b津\u200b就\u200b组\u200b字${PARAGRAPH}3.5%`);
    const shown = excerpt(paragraphs(stored), ['通知']).map((s) => s.text).join('');
    expect(shown).toBe(`的通知${PARAGRAPH}津就组字${PARAGRAPH}3.5%`);
    expect(excerpt(paragraphs(stored), ['通知津']).some((s) => s.mark)).toBe(false);
  });
});
