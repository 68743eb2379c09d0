/** The library's lists (src/views/library.ts): by year, by issuer, and pages — on small made-up documents. */
import { describe, expect, test } from 'vitest';
import { LIBRARY_SORTS, PAGE_SIZE, byIssuer, byYear, issuerSlug, paginate, paginateGroups, sortDocuments, yearOf } from '../../src/views/library.ts';
import type { PolicyDocument } from '../../src/model/types.ts';
import { makeDoc } from './make-doc.ts';
import { registry } from '../helpers/model.ts';

const doc = (id: string, dateISO: string, issuer: string): PolicyDocument =>
  makeDoc({ id, dateISO, issuer, signature: issuer, title: `关于印发《示例${id}》的通知`, provisionsTitle: `示例${id}` });

const a = doc('a', '2021-03-01', '测试领导小组');
const b = doc('b', '2019-12-31', '示例委员会');
const c = doc('c', '2021-11-20', '测试领导小组');
const d = doc('d', '2020-01-01', '测试领导小组');
const e = doc('e', '2020-06-30', '示例委员会');
const f = doc('f', '2022-02-02', '示例办公室');
const all = [a, b, c, d, e, f];
const ids = (docs: readonly PolicyDocument[]) => docs.map((x) => x.id);

describe('byYear', () => {
  test('one facet per year of the 成文日期, newest year first, documents kept in the given order', () => {
    const years = byYear(all);
    expect(years.map((y) => y.label)).toEqual(['2022', '2021', '2020', '2019']);
    expect(years.map((y) => y.slug)).toEqual(['2022', '2021', '2020', '2019']);
    expect(years.map((y) => ids(y.documents))).toEqual([['f'], ['a', 'c'], ['d', 'e'], ['b']]);
    expect(byYear([c, a]).map((y) => ids(y.documents))).toEqual([['c', 'a']]);
  });

  test('every document is in exactly one year, its own', () => {
    const years = byYear(all);
    expect(years.flatMap((y) => ids(y.documents)).sort()).toEqual(ids(all).sort());
    for (const y of years) for (const x of y.documents) expect(x.dateISO!.startsWith(`${y.label}-`)).toBe(true);
    expect(yearOf(e)).toBe('2020');
  });

  test('no documents, no years', () => {
    expect(byYear([])).toEqual([]);
  });
});

describe('issuerSlug', () => {
  test('the pinyin initials of the issuer, in ASCII', () => {
    expect(issuerSlug('市就业工作领导小组')).toBe('sjygzldxz');
    expect(issuerSlug('测试领导小组')).toBe('csldxz');
    expect(issuerSlug('示例委员会')).toBe('slwyh');
  });

  test('digits and Latin letters stay, punctuation goes, and a name with nothing left still has a slug', () => {
    expect(issuerSlug('2024示例')).toBe('2024sl');
    expect(issuerSlug('示例（测试）')).toBe('slcs');
    expect(issuerSlug('——')).toBe('issuer');
    for (const name of ['测试领导小组', '示例A组', '示例（测试）', '——']) expect(issuerSlug(name)).toMatch(/^[a-z0-9]+$/);
  });
});

describe('byIssuer', () => {
  test('one facet per issuer, most documents first, then by name', () => {
    const issuers = byIssuer(all);
    expect(issuers.map((i) => i.label)).toEqual(['测试领导小组', '示例委员会', '示例办公室']);
    expect(issuers.map((i) => i.slug)).toEqual(['csldxz', 'slwyh', 'slbgs']);
    expect(issuers.map((i) => ids(i.documents))).toEqual([['a', 'c', 'd'], ['b', 'e'], ['f']]);
  });

  test('equal counts are ordered by name (pinyin order: 财 cái before 测 cè)', () => {
    const issuers = byIssuer([doc('x', '2020-01-01', '测试局'), doc('y', '2020-01-01', '财税局')]);
    expect(issuers.map((i) => i.label)).toEqual(['财税局', '测试局']);
  });

  test('issuers whose slugs collide get -2, -3… in name order, whatever their document counts', () => {
    // 财税局 (cái shuì jú), 测试局 (cè shì jú) and 村社局 (cūn shè jú) all give csj.
    const docs = [
      doc('x1', '2020-01-01', '测试局'), doc('x2', '2020-01-01', '测试局'), doc('x3', '2020-01-01', '测试局'),
      doc('y1', '2020-01-01', '财税局'), doc('z1', '2020-01-01', '村社局'), doc('z2', '2020-01-01', '村社局'),
    ];
    const issuers = byIssuer(docs);
    expect(issuers.map((i) => [i.label, i.slug, i.documents.length])).toEqual([
      ['测试局', 'csj-2', 3], ['村社局', 'csj-3', 2], ['财税局', 'csj', 1],
    ]);
    expect(new Set(issuers.map((i) => i.slug)).size).toBe(3);
  });

  test('the slugs do not depend on the order of the documents', () => {
    const slugs = (docs: PolicyDocument[]) => Object.fromEntries(byIssuer(docs).map((i) => [i.label, i.slug]));
    const docs = [doc('x', '2020-01-01', '测试局'), doc('y', '2020-01-01', '财税局'), ...all];
    expect(slugs([...docs].reverse())).toEqual(slugs(docs));
  });
});

describe('byIssuer through the registry (content/departments.yaml)', () => {
  test('one issuer written two ways is one facet, labelled and addressed by its registry entry; each document keeps its issuer as written', () => {
    const docs = [doc('s', '2020-07-30', '市就业工作领导小组'), doc('t', '2021-01-01', '天津市就业工作领导小组'), doc('u', '2021-01-01', '示例委员会')];
    const body = registry.find((d) => d.abbr === '市就业工作领导小组')!;
    expect(body, 'the registry lists the issuer of 津就组字〔2020〕5号, with its level and source').toMatchObject({ name: '天津市就业工作领导小组', level: 'municipal' });
    expect(body.source).toContain('津就组字〔2020〕5号');
    const issuers = byIssuer(docs, registry);
    expect(issuers.map((i) => [i.label, i.slug, ids(i.documents)])).toEqual([
      ['天津市就业工作领导小组', body.id, ['s', 't']],
      ['示例委员会', 'slwyh', ['u']],
    ]);
    expect(issuers[0]!.documents.map((d) => d.issuer)).toEqual(['市就业工作领导小组', '天津市就业工作领导小组']);
    // Without the registry they stay two.
    expect(byIssuer(docs).map((i) => i.label).sort()).toEqual(['天津市就业工作领导小组', '市就业工作领导小组', '示例委员会'].sort());
  });

  test('a name the registry knows under its full name or an alias resolves too; a name of no body stays as written', () => {
    const docs = [doc('m', '2004-09-06', '中华人民共和国劳动和社会保障部'), doc('n', '2005-01-01', '劳动和社会保障部'), doc('o', '2005-01-01', '劳动保障部'), doc('p', '2006-01-01', '某某委员会')];
    const issuers = byIssuer(docs, registry);
    expect(issuers.map((i) => [i.label, i.slug, ids(i.documents)])).toEqual([
      ['中华人民共和国劳动和社会保障部', 'molss', ['m', 'n', 'o']],
      ['某某委员会', issuerSlug('某某委员会'), ['p']],
    ]);
  });
});

describe('paginate', () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  test('pages of the given size, the last one holding the rest, nothing lost or repeated', () => {
    expect(paginate(range(5), 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(paginate(range(4), 2)).toEqual([[0, 1], [2, 3]]);
    expect(paginate(range(1), 2)).toEqual([[0]]);
    expect(paginate(range(123), 10).flat()).toEqual(range(123));
  });

  test('an empty list has one empty page', () => {
    expect(paginate([], 2)).toEqual([[]]);
    expect(paginate([])).toEqual([[]]);
  });

  test('the default page size is PAGE_SIZE', () => {
    expect(PAGE_SIZE).toBeGreaterThan(1);
    expect(paginate(range(PAGE_SIZE)).map((p) => p.length)).toEqual([PAGE_SIZE]);
    expect(paginate(range(2 * PAGE_SIZE + 1)).map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
  });

  test('pages of documents', () => {
    expect(paginate(all, 4).map(ids)).toEqual([['a', 'b', 'c', 'd'], ['e', 'f']]);
  });
});

describe('paginateGroups: pages of at most n items, groups kept together where they fit', () => {
  const groups = [{ id: 'a', n: 5 }, { id: 'b', n: 0 }, { id: 'c', n: 4 }, { id: 'd', n: 9 }, { id: 'e', n: 25 }];
  const items = (g: { id: string; n: number }) => Array.from({ length: g.n }, (_, i) => `${g.id}${i + 1}`);
  const pages = paginateGroups(groups, items, 10);
  const shape = pages.map((p) => p.map((x) => `${x.group.id}${x.continued ? '+' : ''}:${x.items.length}`));

  test('every item once, in order; no page over the limit', () => {
    expect(pages.flat().flatMap((x) => x.items)).toEqual(groups.flatMap(items));
    for (const p of pages) expect(p.reduce((n, x) => n + x.items.length, 0)).toBeLessThanOrEqual(10);
  });
  test('a group that fits on the next page starts there; one larger than a page continues, marked', () => {
    expect(shape).toEqual([['a:5', 'b:0', 'c:4'], ['d:9'], ['e:10'], ['e+:10'], ['e+:5']]);
  });
  test('no groups: one empty page', () => {
    expect(paginateGroups([], items, 10)).toEqual([[]]);
  });
});

describe('sortDocuments: the library list in each order', () => {
  const docs = [
    makeDoc({ id: 'b', title: '关于印发《乙示例办法》的通知', provisionsTitle: '乙示例办法', dateISO: '2021-05-01', docNumber: '测字〔2021〕2号' }),
    makeDoc({ id: 'a', title: '关于印发《甲示例办法》的通知', provisionsTitle: '甲示例办法', dateISO: '2022-01-01', docNumber: '测字〔2022〕1号' }),
    makeDoc({ id: 'c', title: '关于印发《丙示例办法》的通知', provisionsTitle: '丙示例办法', dateISO: '2021-05-01', docNumber: '测字〔2021〕1号' }),
  ];
  test('newest first (the same day by 发文字号), oldest first, by title in pinyin', () => {
    expect(sortDocuments(docs, 'newest').map((d) => d.id)).toEqual(['a', 'c', 'b']);
    expect(sortDocuments(docs, 'oldest').map((d) => d.id)).toEqual(['c', 'b', 'a']);
    // 丙 bǐng, 甲 jiǎ, 乙 yǐ
    expect(sortDocuments(docs, 'title').map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(Object.keys(LIBRARY_SORTS)).toEqual(['newest', 'oldest', 'title']);
  });
});
