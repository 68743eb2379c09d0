/** Derived values of the model (src/model/derive.ts) and document ids (src/convert/doc-id.ts). */
import { describe, expect, test } from 'vitest';
import { DOCUMENT_ID_RE, documentId } from '../../src/convert/doc-id.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import {
  knownDocNumber, chapterLabel, chapterOf, citedTitle, departmentIds, departmentOrder, headlineTitle, leadId, labelInChapter, provisionsOf, ownText,
  citedLabel, sharedWithOthers,
} from '../../src/model/derive.ts';
import type { Department } from '../../src/model/types.ts';
import { provisionLinesFromSeed, provisions, policy, registry, seedAttributions, seedText } from '../helpers/model.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const seedLines = provisionLinesFromSeed();
const slugOf = (abbr: string) => registry.find((d) => d.abbr === abbr)!.id;
/** Departments of each provision straight from the seed lines, as registry ids. */
const seedDepartments = (id: string) => seedAttributions().filter((a) => a.id === id).map((a) => slugOf(a.abbr));

describe('labels', () => {
  test('chapter, provision and provision labels in Chinese numerals', () => {
    expect(chapterLabel(1)).toBe('第一部分');
    expect(chapterLabel(12)).toBe('第十二部分');
    expect(labelInChapter(3)).toBe('第（三）项');
    expect(labelInChapter(20)).toBe('第（二十）项');
    expect(citedLabel({ chapter: 2, number: 1 })).toBe('第二部分第（一）项');
  });

  test('every provision label repeats the numbering as the seed writes it', () => {
    for (const m of provisions) {
      const chapterMarker = policy.chapters.find((c) => c.number === m.chapter)!.marker;
      expect(citedLabel(m)).toBe(`第${chapterMarker.slice(0, -1)}部分第${seedLines.get(m.id)!.match(/^（[^）]+）/)![0]}项`);
    }
  });

  test('headlineTitle drops one closing full stop (。．.) and nothing else', () => {
    expect(headlineTitle('加强组织领导。')).toBe('加强组织领导');
    expect(headlineTitle('示例标题．')).toBe('示例标题');
    expect(headlineTitle('Example.')).toBe('Example');
    expect(headlineTitle('两句。。')).toBe('两句。');
    expect(headlineTitle('中间。句号')).toBe('中间。句号');
  });
});

describe('provisions of a document', () => {
  test('provisionsOf lists every provision of the seed in reading order', () => {
    expect(provisionsOf(policy).map((m) => m.id)).toEqual([...seedLines.keys()]);
    expect(provisionsOf(makeDoc())).toEqual([]);
  });

  test('chapterOf finds the chapter that holds the provision, and fails for a missing chapter', () => {
    for (const m of provisions) {
      const c = chapterOf(policy, m);
      expect(c.number).toBe(m.chapter);
      expect(c.provisions).toContain(m);
    }
    expect(() => chapterOf(policy, { chapter: policy.chapters.length + 1 })).toThrow(/no chapter 6/);
  });

  test('departmentIds, leadId and sharedWithOthers read the attribution as the seed writes it', () => {
    for (const m of provisions) {
      const line = seedLines.get(m.id)!;
      const ids = seedDepartments(m.id);
      expect(departmentIds(m), m.id).toEqual(ids);
      expect(leadId(m), m.id).toBe(ids[0]);
      expect(sharedWithOthers(m), m.id).toBe(line.endsWith('等部门按职责分工）'));
    }
    // Chapter five names no department.
    expect(policy.chapters[4]!.provisions.map(leadId)).toEqual([undefined, undefined, undefined]);
  });

  test('ownText is the provision text without its closing attribution', () => {
    for (const m of provisions) {
      const line = seedLines.get(m.id)!;
      const closing = m.attribution ? /（[^（）]*）$/u.exec(line)![0] : '';
      expect(m.marker + ownText(m) + closing, m.id).toBe(line);
      if (m.attribution) expect(ownText(m).endsWith('）'), m.id).toBe(false);
    }
    const made = makeProvision('1-1', ['a'], [{ id: 'a', abbr: '市甲局', name: '甲', nameEn: 'A', kind: 'government' }], { body: '正文（括注）。' });
    expect(ownText(made)).toBe('示例标题。正文（括注）。');
    // An attribution that is not at the end of the text is left alone.
    expect(ownText({ ...made, text: '示例标题。' })).toBe('示例标题。');
  });

  test('citedTitle: the provisions title when there is one, else the notice title', () => {
    expect(citedTitle(policy)).toBe(seedText.match(/《([^》]+)》/u)![1]);
    expect(citedTitle({ title: '示例通知', provisionsTitle: '' })).toBe('示例通知');
  });
});

describe('departmentOrder', () => {
  const reg: Department[] = [
    { id: 'a', abbr: '市甲局', name: '甲', nameEn: 'A', kind: 'government' },
    { id: 'b', abbr: '市乙委', name: '乙', nameEn: 'B', kind: 'government' },
    { id: 'c', abbr: '市丙办', name: '丙', nameEn: 'C', kind: 'party' },
    { id: 'd', abbr: '市丁局', name: '丁', nameEn: 'D', kind: 'government' },
    { id: 'e', abbr: '市戊局', name: '戊', nameEn: 'E', kind: 'government' },
  ];
  const first = makeDoc({ chapters: [makeChapter(1, [makeProvision('1-1', ['c', 'a'], reg), makeProvision('1-2', [], reg)])] });
  const second = makeDoc({ id: 'sl-2024-2', chapters: [makeChapter(1, [makeProvision('1-1', ['d', 'c'], reg)])] });

  test('departments in the order the documents first name them, then the rest in registry order', () => {
    expect(departmentOrder(reg, [first]).map((d) => d.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(departmentOrder(reg, [first, second]).map((d) => d.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
    expect(departmentOrder(reg, [second, first]).map((d) => d.id)).toEqual(['d', 'c', 'a', 'b', 'e']);
    expect(departmentOrder(reg, []).map((d) => d.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('the order of the named departments does not depend on the order of the registry', () => {
    const named = [...new Set(seedAttributions().map((a) => slugOf(a.abbr)))];
    expect(departmentOrder(registry, [policy]).map((d) => d.id).slice(0, named.length)).toEqual(named);
    expect(departmentOrder([...registry].reverse(), [policy]).map((d) => d.id).slice(0, named.length)).toEqual(named);
    expect(departmentOrder(registry, [policy])).toHaveLength(registry.length);
  });
});

describe('document ids from the 发文字号', () => {
  test('pinyin initials of the issuer code, the year and the number', () => {
    expect(documentId('津就组字〔2020〕5号')).toBe('jjzz-2020-5');
    expect(documentId('厅字〔2019〕56号')).toBe('tz-2019-56');
    expect(documentId('国办发〔2024〕3号')).toBe('gbf-2024-3');
    expect(documentId(policy.docNumber!)).toBe(policy.id);
  });

  test('Latin letters are kept, lower-cased', () => {
    expect(documentId('津A字〔2021〕12号')).toBe('jaz-2021-12');
    expect(documentId('ABC〔2021〕3号')).toBe('abc-2021-3');
  });

  test('a number that does not fit the pattern gives undefined', () => {
    for (const bad of ['', '津就组字', '津就组字〔20〕5号', '津就组字〔2020〕5', '〔2020〕5号', '津就组字〔2020〕第5号', '见津就组字〔2020〕5号文'])
      expect(documentId(bad), bad).toBeUndefined();
  });

  test('the year in [] () ［］ as published copies write it, and an order\'s number (令第N号), give the same kind of id', () => {
    for (const written of ['津就组字[2020]5号', '津就组字(2020)5号', '津就组字［2020］5号', '津就组字【2020】5号']) expect(documentId(written), written).toBe('jjzz-2020-5');
    expect(documentId('劳社部发[2004]22号')).toBe('lsbf-2004-22');
    expect(documentId('国务院令第706号')).toBe('gwyl-706');
  });

  test('every derived id is a valid ASCII id', () => {
    for (const n of ['津就组字〔2020〕5号', '测字〔2024〕2号', '津A字〔2021〕12号'])
      expect(documentId(n)).toMatch(DOCUMENT_ID_RE);
    for (const bad of ['Jjzz-2020-5', '2020-5', 'jjzz--5', 'jjzz-2020-', 'jj zz', 'jjzz_2020']) expect(bad).not.toMatch(DOCUMENT_ID_RE);
  });

  test('parseSeed derives the id, or takes the declared one', () => {
    expect(parseSeed('seeds/x.txt', seedText, registry).id).toBe('jjzz-2020-5');
    expect(parseSeed('seeds/x.txt', seedText, registry, 'shili-declared').id).toBe('shili-declared');
  });
});

describe('knownDocNumber: the library’s 发文字号 at the end of a run of text', () => {
  const library = new Map([['津就组字〔2020〕5号', 'jjzz-2020-5'], ['组字〔2020〕5号', 'shorter']]);
  test('the longest known suffix is the number; what precedes it is text', () => {
    expect(knownDocNumber('参照津就组字〔2020〕5号', (n) => library.get(n))).toEqual({ before: '参照', number: '津就组字〔2020〕5号', match: 'jjzz-2020-5' });
    expect(knownDocNumber('津就组字〔2020〕5号', (n) => library.get(n))).toEqual({ before: '', number: '津就组字〔2020〕5号', match: 'jjzz-2020-5' });
  });
  test('none known: undefined', () => {
    expect(knownDocNumber('根据国办发〔2020〕1号', (n) => library.get(n))).toBeUndefined();
  });
});
