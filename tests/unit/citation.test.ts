import { expect, test } from 'vitest';
import { chapterLabel, headlineTitle, measureLabel } from '../../src/model/derive.ts';
import { citeChapter, citeMeasure } from '../../src/views/citation.ts';
import { measures, policy } from '../helpers/model.ts';

test('citation of a measure', () => {
  expect(citeMeasure(policy.measuresTitle, 2, 1)).toBe('《天津市关于促进劳动力和人才社会性流动体制机制改革的若干措施》第二部分第（一）项');
  expect(citeChapter('某办法', 5)).toBe('《某办法》第五部分');
  expect(chapterLabel(10)).toBe('第十部分');
  expect(measureLabel(4)).toBe('第（四）项');
});

test('the citation numbering matches the text numbering of every measure', () => {
  for (const m of measures) {
    const chapter = policy.chapters[m.chapter - 1]!;
    expect(citeMeasure('T', m.chapter, m.number)).toBe(`《T》第${chapter.marker.slice(0, -1)}部分第${m.marker}项`);
    expect(citeChapter('T', m.chapter)).toBe(`《T》第${chapter.marker.slice(0, -1)}部分`);
  }
});

test('headline as a title drops the closing 。', () => {
  expect(headlineTitle('加强组织领导。')).toBe('加强组织领导');
  expect(headlineTitle('无句号')).toBe('无句号');
});
