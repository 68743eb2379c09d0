/** Search records of the pages (src/views/search-fields.ts): metadata and filters, per document of the library. */
import { describe, expect, test } from 'vitest';
import {
  chapterFilterValue, chapterTitle, documentFilterValue, documentLabel, provisionSearchFields, numberTerms, parseChapterFilter, parseDocumentFilter,
  searchDocument, searchFields,
} from '../../src/views/search-fields.ts';
import { provisionLinesFromSeed, provisions, policy, registry, seedAttributions } from '../helpers/model.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const seedLines = [...provisionLinesFromSeed()];

describe('provision records of the seed', () => {
  test('document, order, label, headline, chapter and departments of every provision', () => {
    provisions.forEach((m, i) => {
      const f = provisionSearchFields(policy, 3, m, registry);
      const [id, line] = seedLines[i]!;
      const chapter = policy.chapters.find((c) => c.number === m.chapter)!;
      expect(f.kind).toBe('provision');
      expect(f.id).toBe(id);
      // The date of the 日期 order: the 成文日期 (the seed has no declared 发布日期).
      expect(f.document).toEqual({ id: 'jjzz-2020-5', title: policy.provisionsTitle, docNumber: '津就组字〔2020〕5号', rank: 3, date: policy.dateISO });
      expect(f.order).toBe(i + 1);
      expect(f.label).toBe(`第${chapter.marker.slice(0, -1)}部分第${m.marker}项`);
      expect(line.startsWith(`${m.marker}${f.headline}。`)).toBe(true);
      expect(f.chapter).toEqual({ number: chapter.number, title: `第${chapter.marker.slice(0, -1)}部分 ${chapter.title}` });
      expect(f.departments).toEqual(seedAttributions().filter((a) => a.id === id).map((a) => a.abbr));
      expect(f.text).toBeUndefined();
    });
  });

  test('Pagefind metadata and filters name the document', () => {
    const m = provisions.find((x) => x.id === '2-1')!;
    const { meta, filters } = searchFields(provisionSearchFields(policy, 2, m, registry, '<p>2019年</p>'));
    const order = seedLines.findIndex(([id]) => id === '2-1') + 1;
    expect(meta).toMatchObject({
      kind: 'provision', id: '2-1', document: 'jjzz-2020-5', documentTitle: policy.provisionsTitle, docNumber: '津就组字〔2020〕5号',
      order: String(2 * 100_000 + order), label: '第二部分第（一）项', title: `第二部分第（一）项 ${meta.headline}`,
    });
    expect(meta.departments).toBe(seedAttributions().filter((a) => a.id === '2-1').map((a) => a.abbr).join('、'));
    expect(meta.terms).toBe('019 19 9');
    // Filtered by the id and the number the address uses; named (for the choices) by id or number and label.
    expect(filters.doc).toEqual(['jjzz-2020-5']);
    expect(filters.docName).toEqual([`jjzz-2020-5 ${policy.provisionsTitle}（津就组字〔2020〕5号）`]);
    expect(filters.chapter).toEqual(['2']);
    expect(filters.chapterName).toEqual([`2 第二部分 ${policy.chapters[1]!.title}`]);
    expect(meta.chapter).toBe(`第二部分 ${policy.chapters[1]!.title}`);
    expect(filters.department).toEqual(meta.departments!.split('、'));
    // A provision answers to its number path (2-1), which its label 第二部分第（一）项 and 二（一） also name.
    expect(filters.provision).toEqual(['2-1']);
  });

  test('reading order across the library: every record of a newer document comes before those of an older one', () => {
    const orders = (rank: number) => provisions.map((m) => Number(searchFields(provisionSearchFields(policy, rank, m, registry)).meta.order));
    const [newest, older] = [orders(0), orders(1)];
    expect(newest).toEqual(provisions.map((_, i) => i + 1));
    expect(Math.max(...newest)).toBeLessThan(Math.min(...older));
    expect(older).toEqual([...older].sort((a, b) => a - b));
  });
});

describe('a made-up document', () => {
  const doc = makeDoc({
    id: 'sl-2024-7', provisionsTitle: '示例措施', docNumber: '示字〔2024〕7号',
    chapters: [
      makeChapter(1, [makeProvision('1-1', ['finance', 'education'], registry, { headline: '示例一。' })], '测试部分'),
      makeChapter(2, [makeProvision('2-1', [], registry, { headline: '示例二。' })]),
    ],
  });

  test('a provision without departments has no department metadata or filter', () => {
    const f = provisionSearchFields(doc, 0, doc.chapters[1]!.provisions[0]!, registry);
    expect(f.departments).toEqual([]);
    const { meta, filters } = searchFields(f);
    expect(meta.departments).toBeUndefined();
    expect(filters.department).toBeUndefined();
    expect(meta.order).toBe('2');
    expect(filters.doc).toEqual(['sl-2024-7']);
    expect(filters.chapter).toEqual(['2']);
  });

  test('departments as the text writes them, lead first', () => {
    const f = provisionSearchFields(doc, 0, doc.chapters[0]!.provisions[0]!, registry);
    expect(f.departments).toEqual(['市财政局', '市教委']);
    expect(f.chapter).toEqual({ number: 1, title: '第一部分 测试部分' });
    expect(f.headline).toBe('示例一');
  });

  test('the document of a record, and the filter value', () => {
    expect(searchDocument(doc, 4)).toEqual({ id: 'sl-2024-7', title: '示例措施', docNumber: '示字〔2024〕7号', rank: 4, date: doc.dateISO });
    expect(searchDocument({ ...doc, provisionsTitle: '' }, 0).title).toBe(doc.title);
    expect(documentLabel({ title: '示例措施', docNumber: '示字〔2024〕7号' })).toBe('示例措施（示字〔2024〕7号）');
    expect(documentLabel({ title: '示例措施', docNumber: null })).toBe('示例措施');
    expect(documentFilterValue({ id: 'sl-2024-7', title: '示例措施 第二版', docNumber: '示字〔2024〕7号' })).toBe('sl-2024-7 示例措施 第二版（示字〔2024〕7号）');
    expect(parseDocumentFilter('sl-2024-7 示例措施 第二版（示字〔2024〕7号）')).toEqual({ id: 'sl-2024-7', label: '示例措施 第二版（示字〔2024〕7号）' });
    expect(parseDocumentFilter('sl-2024-7')).toBeNull();
    expect(chapterTitle({ number: 12, title: '测试' })).toBe('第十二部分 测试');
    expect(chapterTitle({ number: 3, title: '附则', kind: 'chapter' })).toBe('第三章 附则');
    expect(chapterFilterValue({ number: 12, title: '第十二部分 测试' })).toBe('12 第十二部分 测试');
    expect(parseChapterFilter('12 第十二部分 测试')).toEqual({ number: 12, title: '第十二部分 测试' });
    expect(parseChapterFilter('第十二部分 测试')).toBeNull();
  });

  test('a notice record: no chapter, no departments, still filtered by document', () => {
    const { meta, filters } = searchFields({ kind: 'document', id: 'document', document: searchDocument(doc, 1), order: 0, label: '通知', headline: doc.title });
    expect(meta).toMatchObject({ kind: 'document', id: 'document', document: 'sl-2024-7', order: '100000' });
    expect(meta.chapter).toBeUndefined();
    // The document answers to its title and its 发文字号, whole, without the issuer's code, and as a bare number.
    expect(filters).toEqual({ doc: ['sl-2024-7'], docName: ['sl-2024-7 示例措施（示字〔2024〕7号）'], place: ['t:示例措施', 'n:示字〔2024〕7号', 'n:〔2024〕7号', 'n:7号'] });
  });
});

test('number terms: every suffix of every run of digits and Latin letters, markup ignored', () => {
  expect(numberTerms('津就组字〔2020〕5号')).toBe('020 20 0');
  expect(numberTerms('<a href="x123">厅字〔2019〕56号</a>')).toBe('019 19 9 6');
  expect(numberTerms('无数字')).toBe('');
});

describe('the library filters and the 日期 order of a record', () => {
  const made = policy;
  test('facet slugs become Pagefind filters; the date is the sort key (0000-00-00 when undated)', () => {
    const facets = { kind: ['tongzhi', 'fangan'], issuer: ['sjygzldxz'], status: ['in-force'], year: ['2024'], topic: ['laodong-renshi', 'laodong-jiuye'] };
    const f = provisionSearchFields(made, 0, provisions[0]!, registry, undefined, undefined, facets);
    const { filters, sort, meta } = searchFields(f);
    expect(filters.kind).toEqual(facets.kind);
    expect(filters.issuer).toEqual(facets.issuer);
    expect(filters.year).toEqual(facets.year);
    expect(filters.topic).toEqual(facets.topic);
    // 时效性 keeps its own filter, by name (the form names it in data-filter, src/scripts/search/controls.ts, and the search session filters by it).
    expect(filters.status).toBeUndefined();
    expect(sort).toEqual({ date: made.dateISO });
    expect(meta.date).toBe(made.dateISO);
    const published = searchFields(provisionSearchFields({ ...made, meta: { published: '2024-02-01' } }, 0, provisions[0]!, registry));
    expect(published.sort).toEqual({ date: '2024-02-01' });
    const undated = searchFields(provisionSearchFields({ ...made, dateISO: null }, 0, provisions[0]!, registry));
    expect(undated.sort).toEqual({ date: '0000-00-00' });
    expect(undated.meta.date).toBeUndefined();
    expect(undated.filters.kind).toBeUndefined();
  });
});
