import { expect, test } from 'vitest';
import { chapterLabel, headlineTitle, labelInChapter } from '../../src/model/derive.ts';
import { citeChapter, citeDocument, citeGbt7714, citeProvision } from '../../src/views/citation.ts';
import { provisions, policy, seedText } from '../helpers/model.ts';

/** The seed's title and 发文字号, read off its first two lines. */
const [titleLine, numberLine] = seedText.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
const seedTitle = /《(.+)》/.exec(titleLine!)![1]!;

test('citation of a provision, for a report: 《title》（发文字号）label', () => {
  expect(citeProvision(policy, { chapter: 2, number: 1 })).toBe(`《${seedTitle}》（${numberLine}）第二部分第（一）项`);
  expect(citeProvision(policy, { chapter: 2, number: 1 })).toBe('《天津市关于促进劳动力和人才社会性流动体制机制改革的若干措施》（津就组字〔2020〕5号）第二部分第（一）项');
  expect(citeChapter({ title: '某办法', provisionsTitle: '', docNumber: '测字〔2024〕1号' }, 5)).toBe('《某办法》（测字〔2024〕1号）第五部分');
  expect(citeDocument({ title: '某办法', provisionsTitle: '', docNumber: '' })).toBe('《某办法》');
  expect(chapterLabel(10)).toBe('第十部分');
  expect(labelInChapter(4)).toBe('第（四）项');
});

test('the citation numbering matches the text numbering of every provision', () => {
  for (const m of provisions) {
    const chapter = policy.chapters[m.chapter - 1]!;
    const doc = { title: 'T', provisionsTitle: '', docNumber: 'N' };
    expect(citeProvision(doc, m)).toBe(`《T》（N）第${chapter.marker.slice(0, -1)}部分第${m.marker}项`);
    expect(citeChapter(doc, m.chapter)).toBe(`《T》（N）第${chapter.marker.slice(0, -1)}部分`);
  }
});

test('GB/T 7714-2015 form of an electronic resource: 责任者. 题名: 其他题名信息[EB/OL]. (日期)[引用日期]. 网址.', () => {
  const url = 'https://example.org/policies/jjzz-2020-5/2-1/';
  expect(citeGbt7714(policy, { chapter: 2, number: 1 }, url, '2026-11-26')).toBe(
    `市就业工作领导小组. ${seedTitle}第二部分第（一）项: ${numberLine}[EB/OL]. (2020-07-30)[2026-11-26]. ${url}.`,
  );
  expect(citeGbt7714(policy, null, url, '2026-11-26')).toBe(`市就业工作领导小组. ${seedTitle}: ${numberLine}[EB/OL]. (2020-07-30)[2026-11-26]. ${url}.`);
});

test('headline as a title drops the closing 。', () => {
  expect(headlineTitle('加强组织领导。')).toBe('加强组织领导');
  expect(headlineTitle('无句号')).toBe('无句号');
});
