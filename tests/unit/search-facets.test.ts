/** The search page's document and chapter choices, from Pagefind's filter counts (src/views/search-facets.ts). */
import { describe, expect, test } from 'vitest';
import { chapterChoices, documentChoices, mergeCounts } from '../../src/views/search-facets.ts';
import { chapterFilterValue, documentFilterValue } from '../../src/views/search-fields.ts';

const a = documentFilterValue({ id: 'sl-2024-7', title: '示例措施', docNumber: '示字〔2024〕7号' });
const b = documentFilterValue({ id: 'sl-2023-2', title: '示例办法', docNumber: null });
const c = documentFilterValue({ id: 'sl-2022-1', title: '另一示例', docNumber: '示字〔2022〕1号' });
/** Pagefind counts every value of a loaded filter, 0 included. */
const counts = { [a]: 3, [b]: 12, [c]: 0 };

describe('documents', () => {
  test('the union of several queries counts each value at its largest', () => {
    expect(mergeCounts([{ [a]: 3, [b]: 1 }, undefined, { [a]: 2, [b]: 5, [c]: 0 }])).toEqual({ [a]: 3, [b]: 5, [c]: 0 });
  });

  test('the documents with results, most first, each with its id, filter value, label and count', () => {
    expect(documentChoices(counts)).toEqual([
      { value: 'sl-2023-2', label: '示例办法', count: 12 },
      { value: 'sl-2024-7', label: '示例措施（示字〔2024〕7号）', count: 3 },
    ]);
  });

  test('the chosen document stays offered without results; ties go by label', () => {
    expect(documentChoices({ [a]: 2, [b]: 2, [c]: 0 }, 'sl-2022-1').map((x) => [x.value, x.count])).toEqual([
      ['sl-2023-2', 2], ['sl-2024-7', 2], ['sl-2022-1', 0],
    ]);
  });

  test('exact counts, once known, replace the candidates’ and drop documents without an exact match', () => {
    expect(documentChoices(counts, '', new Map([['sl-2024-7', 2]]))).toEqual([{ value: 'sl-2024-7', label: '示例措施（示字〔2024〕7号）', count: 2 }]);
  });
});

describe('chapters', () => {
  const one = chapterFilterValue({ number: 1, title: '第一部分 总体要求' });
  const two = chapterFilterValue({ number: 2, title: '第二部分 主要措施' });
  const ten = chapterFilterValue({ number: 10, title: '第十部分 附则' });
  /** A filter-only search in one document: its chapters have provisions, other documents' chapters count 0. */
  const all = { [ten]: 1, [two]: 5, [one]: 3, '3 第三部分 别的文件': 0 };

  test('every chapter of the document, in order, uncounted without a query', () => {
    expect(chapterChoices(all)).toEqual([
      { value: '1', label: '第一部分 总体要求', count: null },
      { value: '2', label: '第二部分 主要措施', count: null },
      { value: '10', label: '第十部分 附则', count: null },
    ]);
  });

  test('with a query, each chapter with its results, 0 included', () => {
    expect(chapterChoices(all, { [two]: 4, [one]: 0 }).map((x) => [x.value, x.count])).toEqual([['1', 0], ['2', 4], ['10', 0]]);
  });
});
