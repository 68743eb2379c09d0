/**
 * Queries that name a place (src/views/provision-query.ts): a provision's number or label, a
 * 发文字号, a title, and the citation the site writes. Each form the seed's numbering allows,
 * written from its markers, must name that provision and no other.
 */
import { describe, expect, test } from 'vitest';
import { citeProvision } from '../../src/views/citation.ts';
import { documentKeys, parseQueryTarget, parseProvisionLabel, provisionKeys, readDocNumber } from '../../src/views/provision-query.ts';
import { provisions, policy } from '../helpers/model.ts';

/** The seed's 发文字号 (it has one). */
const docNumber = policy.docNumber!;
const chapterMarker = (n: number) => policy.chapters.find((c) => c.number === n)!.marker.replace(/、$/u, '');
/** The provisions whose keys a query's keys meet. */
const named = (keys: string[] | null) => provisions.filter((m) => provisionKeys(m).some((k) => keys?.includes(k))).map((m) => m.id);

describe('provision labels and numbers', () => {
  test('every form of every provision of the seed names it, and only it', () => {
    for (const m of provisions) {
      const c = chapterMarker(m.chapter);
      const inner = m.marker.replace(/[（）]/gu, '');
      const forms = [
        `${m.chapter}-${m.number}`, `${m.chapter}.${m.number}`, `${m.chapter}－${m.number}`, ` ${m.chapter} - ${m.number} `,
        `${c}${m.marker}`, `${c}、${m.marker}`, `${c}(${inner})`,
        `第${c}部分第${m.marker}项`, `第${c}部分${m.marker}`, `第${c}部分第${inner}项`, `第${c}部分 第${m.marker}项`,
        `第${m.chapter}部分第${m.marker}项`,
      ];
      for (const q of forms) expect(named(parseProvisionLabel(q)), q).toEqual([m.id]);
    }
  });

  test('articles (第五条) count through the document; a chapter may precede them (第三章第十条)', () => {
    const article = { id: '3-10', chapter: 3, number: 10, kind: 'article' as const, chapterKind: 'chapter' as const };
    expect(provisionKeys(article)).toEqual(['3-10', 'a10', 'c3a10']);
    expect(parseProvisionLabel('第十条')).toEqual(['a10']);
    expect(parseProvisionLabel('第10条')).toEqual(['a10']);
    expect(parseProvisionLabel('第五条')).toEqual(['a5']);
    expect(parseProvisionLabel('第三章第十条')).toEqual(['c3a10']);
    expect(parseProvisionLabel('3-10')).toEqual(['3-10']);
    // The seed has no articles: 第五条 names none of its provisions.
    expect(named(parseProvisionLabel('第五条'))).toEqual([]);
  });

  test('items of a document without chapters, and parts without items', () => {
    expect(provisionKeys({ id: '1-2', chapter: 1, number: 2, chapterKind: 'none' })).toEqual(['1-2', 'i2']);
    expect(parseProvisionLabel('（二）')).toEqual(['i2']);
    expect(parseProvisionLabel('第（二）项')).toEqual(['i2']);
    expect(parseProvisionLabel('第二项')).toEqual(['i2']);
    expect(provisionKeys({ id: '3-0', chapter: 3, number: 3, kind: 'part' })).toEqual(['3-0', 'p3']);
    expect(parseProvisionLabel('第三部分')).toEqual(['p3']);
    // A seed chapter is no provision: 第二部分 opens nothing.
    expect(named(parseProvisionLabel('第二部分'))).toEqual([]);
  });

  test('words, figures and years are not labels', () => {
    for (const q of ['落户', '2018-2022年', '3%-5%', '65%', '111', '2020', '第二', '二', '一二三', '第十九大', '1-2-3', '零（一）', '']) expect(parseProvisionLabel(q), q).toBeNull();
  });
});

describe('发文字号 and titles', () => {
  test('read in the brackets people type', () => {
    const expected = { code: '津就组字', year: 2020, number: 5 };
    for (const q of ['津就组字〔2020〕5号', '津就组字[2020]5号', '津就组字［2020］5号', '津就组字（2020）5号', '津就组字(2020)5号', '津就组字【2020】5号', '津就组字〔2020〕第5号', ' 津就组字 〔2020〕 5号 '])
      expect(readDocNumber(q), q).toEqual(expected);
    expect(readDocNumber('〔2019〕56号')).toEqual({ code: '', year: 2019, number: 56 });
    expect(readDocNumber('2019年56号')).toBeNull();
  });

  test('a document answers to its title and its 发文字号 three ways', () => {
    expect(documentKeys({ title: '示例（测试）办法', docNumber: '示字〔2024〕7号' })).toEqual(['t:示例(测试)办法', 'n:示字〔2024〕7号', 'n:〔2024〕7号', 'n:7号']);
    expect(documentKeys({ title: '无文号文件', docNumber: null })).toEqual(['t:无文号文件']);
  });

  test('the seed’s 发文字号 as a query names the seed by the key the seed carries', () => {
    const keys = documentKeys({ title: policy.provisionsTitle, docNumber: docNumber });
    for (const q of [docNumber, docNumber.replace('〔', '[').replace('〕', ']'), `（${docNumber}）`]) {
      const place = parseQueryTarget(q)!;
      expect(keys, q).toContain(place.document!.key);
      expect(place.document!.bare).toBe(false);
      expect(place.provision).toBeUndefined();
    }
    const bare = parseQueryTarget(`${readDocNumber(docNumber)!.number}号`)!;
    expect(keys).toContain(bare.document!.key);
    expect(bare.document!.bare).toBe(true);
    expect(parseQueryTarget(`〔2020〕${readDocNumber(docNumber)!.number}号`)!.document!.key).toBe(`n:〔2020〕5号`);
  });

  test('the citation the site writes for a provision names its document and the provision', () => {
    const keys = documentKeys({ title: policy.provisionsTitle, docNumber: docNumber });
    for (const m of provisions) {
      const place = parseQueryTarget(citeProvision(policy, m))!;
      expect(keys, citeProvision(policy, m)).toContain(place.document!.key);
      expect(named(place.provision!)).toEqual([m.id]);
    }
    const title = parseQueryTarget(`《${policy.provisionsTitle}》`)!;
    expect(title.document!.key).toBe(keys[0]);
    expect(parseQueryTarget(`${docNumber} 2-1`)!.provision).toEqual(['2-1']);
    expect(parseQueryTarget(`《${policy.provisionsTitle}》第四部分第（三）项`)!.provision).toEqual(['4-3']);
  });

  test('anything else is no place', () => {
    for (const q of ['落户', '厅字〔2019〕56号 落户', '《天津市优化营商环境条例》的规定', '5号文件', '', '  '])
      expect(parseQueryTarget(q), q).toBeNull();
    expect(parseQueryTarget('2-1')).toEqual({ document: undefined, provision: ['2-1'] });
  });
});
