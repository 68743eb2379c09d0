/**
 * The search session (src/views/search-session.ts) without a page: a fake Pagefind over a few
 * in-memory provisions (their text, meta and filters, written below) answers as Pagefind does
 * (every term required, filters narrow, { none: [] } counts, date order), and every expectation
 * is read from those texts.
 */
import { describe, expect, test } from 'vitest';
import { checkMore, complete, excerptOf, filtersOf, foundMarks, more, partialMatches, start, type Filters, type Pagefind, type SearchDeps } from '../../src/views/search-session.ts';
import { documentKeys } from '../../src/views/provision-query.ts';
import { MAX_QUERY_LENGTH } from '../../src/views/search-query.ts';
import { EMPTY_STATE, type SearchState } from '../../src/views/search-state.ts';
import type { Lexicon } from '../../src/views/search-lexicon.ts';

interface Doc { id: string; title: string; docNumber: string; date: string; kind: string }
const DOCS: Doc[] = [
  { id: 'doc-a', title: '测试就业方案', docNumber: '津测字〔2020〕5号', date: '2020-05-01', kind: 'fangan' },
  { id: 'doc-b', title: '测试落户办法', docNumber: '津测字〔2021〕8号', date: '2021-03-01', kind: 'banfa' },
];

interface Page { id: string; doc: Doc; label: string; headline: string; content: string; order: number; chapter?: string; departments?: string[] }
const PAGES: Page[] = [
  { id: 'a', doc: DOCS[0]!, label: '通知', headline: '关于印发测试就业方案的通知', content: '关于印发测试就业方案的通知。津测字〔2020〕5号', order: 0 },
  { id: 'a1-1', doc: DOCS[0]!, label: '1-1', headline: '支持高校毕业生就业', content: '支持高校毕业生就业，市人社局负责。', order: 1, chapter: '1', departments: ['市人社局'] },
  { id: 'a1-2', doc: DOCS[0]!, label: '1-2', headline: '退役军人就业服务', content: '市退役军人局做好退役军人就业服务，促进就业。', order: 2, chapter: '1', departments: ['市退役军人局'] },
  { id: 'a2-1', doc: DOCS[0]!, label: '2-1', headline: '牵头落实', content: '由市退役军人局牵头落实。', order: 3, chapter: '2', departments: ['市退役军人局'] },
  { id: 'b', doc: DOCS[1]!, label: '通知', headline: '关于印发测试落户办法的通知', content: '关于印发测试落户办法的通知。津测字〔2021〕8号', order: 10 },
  { id: 'b1-1', doc: DOCS[1]!, label: '1-1', headline: '高校毕业生落户', content: '高校毕业生可以在本市落户，办理户籍登记。', order: 11, chapter: '1', departments: ['市公安局'] },
  { id: 'b1-2', doc: DOCS[1]!, label: '1-2', headline: '见习期间', content: '就业见习期间，落户手续另行规定。', order: 12, chapter: '1' },
  { id: 'b2-1', doc: DOCS[1]!, label: '2-1', headline: '农村劳动力', content: '农村劳动力转移就业，户籍不限。', order: 13, chapter: '2', departments: ['市人社局'] },
];
const byId = (id: string) => PAGES.find((p) => p.id === id)!;
const provisions = PAGES.filter((p) => p.chapter);

const meta = (p: Page): Record<string, string> => ({
  id: p.id, label: p.label, headline: p.headline, title: `${p.label} ${p.headline}`, document: p.doc.id, documentTitle: p.doc.title,
  docNumber: p.doc.docNumber, date: p.doc.date, order: String(p.order), ...(p.chapter ? { chapter: p.chapter } : {}),
  ...(p.departments ? { departments: p.departments.join('、') } : {}),
});
const filtersOfPage = (p: Page): Record<string, string[]> => ({
  doc: [p.doc.id], docName: [`${p.doc.id} ${p.doc.title}（${p.doc.docNumber}）`], kind: [p.doc.kind], department: p.departments ?? [],
  ...(p.chapter ? { chapter: [p.chapter], chapterName: [`${p.chapter} 第${p.chapter}部分`], provision: [p.label] } : { place: documentKeys(p.doc) }),
});

interface Call { q: string | null; filters: Filters; sort?: Record<string, string> | undefined }

/** Pagefind as the session sees it: every term of a query must occur in the text or the headline; filters narrow; { none: [] } counts. */
function fakePagefind(): Pagefind & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    options: async () => undefined,
    init: async () => undefined,
    async search(q, o = {}) {
      calls.push({ q, filters: o.filters ?? {}, sort: o.sort });
      const terms = (q ?? '').split(/\s+/u).filter(Boolean);
      const filters = Object.entries(o.filters ?? {});
      const found = PAGES.filter((p) => {
        const f = filtersOfPage(p);
        return terms.every((t) => (p.content + p.headline).includes(t)) && filters.every(([k, v]) => typeof v !== 'string' || (f[k] ?? []).includes(v));
      });
      if (o.sort?.date) found.sort((a, b) => b.doc.date.localeCompare(a.doc.date));
      const counted: Record<string, Record<string, number>> = {};
      for (const [k, v] of filters) {
        if (typeof v === 'string') continue;
        counted[k] = {};
        for (const p of found) for (const x of filtersOfPage(p)[k] ?? []) counted[k][x] = (counted[k][x] ?? 0) + 1;
      }
      return {
        results: found.map((p) => ({
          id: p.id,
          score: terms.reduce((n, t) => n + (p.content.split(t).length - 1), 0),
          data: async () => ({ url: `/policies/${p.doc.id}/${p.label}/`, content: p.content, excerpt: '', meta: meta(p) }),
        })),
        filters: counted,
        totalFilters: {},
      };
    },
  };
}

const LEXICON: Lexicon = {
  thesaurus: [{ words: ['户口'], terms: ['户籍', '落户'] }],
  departments: [
    { id: 'veterans', abbr: '市退役军人局', names: ['天津市退役军人事务局', '市退役军人事务局', '退役军人事务局', '市退役军人局', '退役军人局'], href: '/departments/veterans/' },
    { id: 'hr', abbr: '市人社局', names: ['天津市人力资源和社会保障局', '市人力资源和社会保障局', '市人社局', '人社局'], href: '/departments/hr/' },
  ],
  groups: [{ id: 'veterans', name: '退役军人', terms: ['退伍军人'], href: '/groups/veterans/', count: 2 }],
};

function depsFor(over: Partial<SearchDeps> = {}): SearchDeps & { pf: ReturnType<typeof fakePagefind> } {
  const pf = fakePagefind();
  return {
    pf,
    pagefind: async () => pf,
    lexicon: async () => LEXICON,
    vocabulary: async () => ({ words: ['户籍', '就业', '见习'], table: new Map() }),
    simplifier: async () => (s: string) => s.replaceAll('戶', '户'),
    singleDocument: false,
    batch: 20,
    ...over,
  };
}

const state = (q: string, s: Partial<SearchState> = {}): SearchState => ({ ...EMPTY_STATE, q, ...s });
/** A whole search: its first results, then what follows them, then every candidate checked. */
async function search(q: string, s: Partial<SearchState> = {}, deps = depsFor(), chosen: Record<string, string> = {}) {
  const session = await start(deps, state(q, s), chosen);
  await more(session);
  while (!complete(session)) await checkMore(session, 10);
  return session;
}
const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id);
const occurrences = (text: string, w: string) => text.split(w).length - 1;
/** Provisions that hold every word, by occurrences (then reading order). */
const holding = (words: string[], pages = PAGES) => pages.filter((p) => words.every((w) => p.content.includes(w)))
  .sort((a, b) => words.reduce((n, w) => n + occurrences(b.content, w), 0) - words.reduce((n, w) => n + occurrences(a.content, w), 0) || a.order - b.order);

describe('the search session', () => {
  test('Ctrl-F: every provision holding the string, most occurrences first; a word inside a department name is not marked', async () => {
    const o = await search('退役军人');
    const expected = holding(['退役军人']);
    expect(ids(o.exact)).toEqual(ids(expected));
    expect(o.exact.map((h) => h.counts)).toEqual(expected.map((p) => [occurrences(p.content, '退役军人')]));
    // 市退役军人局 is a department's name: a2-1 holds the string only there and shows no mark; a1-2 marks its other one.
    const marked = (id: string) => excerptOf(o, o.exact.find((h) => h.id === id)!, o.words).filter((r) => r.mark).map((r) => r.text);
    expect(byId('a2-1').content.replaceAll('市退役军人局', '')).not.toContain('退役军人');
    expect(marked('a2-1')).toEqual([]);
    expect(marked('a1-2')).toEqual(['退役军人']);
    // The word names a reader group: its page opens directly.
    expect(o.direct).toEqual([{ kind: 'group', href: '/groups/veterans/', name: '退役军人', count: 2 }]);
    expect(o.via).toEqual([]);
  });

  test('several words must all occur; a department named by another name opens its task list and finds its abbreviation', async () => {
    const o = await search('高校毕业生 落户');
    expect(ids(o.exact)).toEqual(ids(holding(['高校毕业生', '落户'])));
    const d = await search('人社局');
    expect(d.direct).toEqual([{ kind: 'department', href: '/departments/hr/', abbr: '市人社局', name: LEXICON.departments[1]!.names[0] }]);
    // 人社局 is in 市人社局: an exact match; the department's abbreviation finds nothing more.
    expect(ids(d.exact)).toEqual(ids(holding(['人社局'])));
  });

  test('through the thesaurus: 户口 finds the provisions with 户籍 or 落户, each marked by what it holds', async () => {
    const o = await search('户口');
    expect(o.exact).toEqual([]);
    const expected = PAGES.filter((p) => !p.content.includes('户口') && ['户籍', '落户'].some((t) => p.content.includes(t)));
    expect(new Set(ids(o.via))).toEqual(new Set(ids(expected)));
    for (const h of o.via) expect(foundMarks(h)).toEqual(['户籍', '落户'].filter((t) => h.data.content.includes(t)));
    expect(o.kinds.get('户籍')).toBe('thesaurus');
  });

  test('nothing together: each word alone lists the provisions that hold part of the query', async () => {
    const words = ['高校毕业生', '见习'];
    expect(holding(words)).toEqual([]);
    const o = await search(words.join(' '));
    expect(o.exact).toEqual([]);
    const partial = partialMatches(o);
    expect(new Set(ids(partial))).toEqual(new Set(ids(PAGES.filter((p) => words.some((w) => p.content.includes(w))))));
    for (const h of partial) expect(h.relation!.filter((r) => r.whole).map((r) => r.word)).toEqual(words.filter((w) => h.data.content.includes(w)));
  });

  test('a word that occurs nowhere: its words apart, with their alternatives (农村户口 → 农村 and 户籍)', async () => {
    const o = await search('农村户口');
    expect(o.exact).toEqual([]);
    expect(o.apartWords).toEqual(['农村', '户口']);
    const expected = PAGES.filter((p) => p.content.includes('农村') && ['户口', '户籍', '落户'].some((t) => p.content.includes(t)));
    expect(ids(o.apart)).toEqual(ids(expected));
    expect(foundMarks(o.apart[0]!)).toEqual(['农村', ...['户籍', '落户'].filter((t) => expected[0]!.content.includes(t))]);
  });

  test('您是不是要找: the library word one character away from a word that occurs nowhere', async () => {
    const o = await search('户藉');
    expect(o.exact).toEqual([]);
    // The library's words first, then the thesaurus's and the departments' names: those of the same length one character away.
    const vocabulary = ['户籍', '就业', '见习'];
    const known = [...new Set([...vocabulary, ...LEXICON.thesaurus.flatMap((e) => [...e.words, ...e.terms]), ...LEXICON.departments.flatMap((d) => d.names)])];
    const near = known.filter((w) => w.length === 2 && [...w].filter((c, i) => c !== '户藉'[i]).length === 1);
    expect(near).toContain('户籍');
    expect(o.suggested).toEqual([{ word: '户藉', words: near }]);
  });

  test('traditional characters that find nothing are searched simplified', async () => {
    const o = await search('戶籍');
    expect(o.folded).toBe(true);
    expect(o.words).toEqual(['户籍']);
    expect(ids(o.exact)).toEqual(ids(holding(['户籍'])));
  });

  test('places: a provision number opens that provision of every document, a 发文字号 its document, both together one provision', async () => {
    const numbered = await search('2-1');
    const twoOne = provisions.filter((p) => p.label === '2-1').sort((a, b) => a.order - b.order);
    expect(numbered.direct.map((d) => (d.kind === 'page' ? d.hit.id : d.kind))).toEqual(ids(twoOne));
    // Opened directly, not listed again.
    expect(ids(numbered.exact).filter((id) => twoOne.some((p) => p.id === id))).toEqual([]);
    const b = DOCS[1]!;
    const byNumber = await search(b.docNumber);
    expect(byNumber.direct.map((d) => (d.kind === 'page' ? d.hit.id : d.kind))).toEqual(['b']);
    const both = await search(`《${DOCS[0]!.title}》2-1`);
    expect(both.direct.map((d) => (d.kind === 'page' ? d.hit.id : d.kind))).toEqual(twoOne.filter((p) => p.doc === DOCS[0]).map((p) => p.id));
  });

  test('the filters reach Pagefind: the chosen department and library filters by their Pagefind values, the document and its chapter', async () => {
    const s = { doc: 'doc-a', chapter: '2', dept: 'veterans', kind: 'fangan' };
    const chosen = { department: '市退役军人局', kind: 'fangan' };
    const filters = { department: '市退役军人局', doc: 'doc-a', chapter: '2', kind: 'fangan' };
    expect(filtersOf(state('', s), chosen, false)).toEqual(filters);
    // With one document, the document is not a filter; its chapter is.
    expect(filtersOf(state('', s), chosen, true)).toEqual({ department: '市退役军人局', chapter: '2', kind: 'fangan' });
    const deps = depsFor();
    const o = await start(deps, state('退役军人', s), chosen);
    expect(o.filters).toEqual(filters);
    expect(deps.pf.calls.length).toBeGreaterThan(0);
    for (const c of deps.pf.calls) expect(c.filters).toMatchObject(filters);
    await more(o);
    expect(ids(o.exact)).toEqual(ids(holding(['退役军人']).filter((p) => p.doc.id === 'doc-a' && p.chapter === '2')));
    // The choices: the documents the search finds whatever document is chosen, the chosen document's chapters.
    const inKind = holding(['退役军人']).filter((p) => p.doc.kind === 'fangan' && p.departments?.includes('市退役军人局'));
    expect(Object.values(o.documentCounts!).reduce((x, y) => x + y, 0)).toBe(inKind.length);
    expect(Object.keys(o.chapters!)).toEqual([...new Set(provisions.filter((p) => p.doc.id === 'doc-a').map((p) => `${p.chapter} 第${p.chapter}部分`))]);
  });

  test('日期: Pagefind is asked for the newest first, and the exact matches are listed newest first, then in reading order', async () => {
    const deps = depsFor();
    const o = await search('就业', { sort: 'date' }, deps);
    expect(deps.pf.calls.filter((c) => c.q).every((c) => c.sort?.date === 'desc')).toBe(true);
    const expected = PAGES.filter((p) => p.content.includes('就业')).sort((a, b) => b.doc.date.localeCompare(a.doc.date) || a.order - b.order);
    expect(ids(o.exact)).toEqual(ids(expected));
    // 相关度: by occurrences instead.
    expect(ids((await search('就业')).exact)).toEqual(ids(holding(['就业'])));
  });

  test('标题: the words must be in the headline', async () => {
    const o = await search('落户', { scope: 'title' });
    expect(ids(o.exact)).toEqual(ids(PAGES.filter((p) => p.headline.includes('落户'))));
    expect(PAGES.some((p) => p.content.includes('落户') && !p.headline.includes('落户'))).toBe(true);
  });

  test('a query longer than MAX_QUERY_LENGTH is cut, and the rest answered', async () => {
    const q = '落户 高校 '.repeat(200);
    expect(q.length).toBeGreaterThan(MAX_QUERY_LENGTH * 10);
    const o = await search(q);
    expect(o.cut).toBe(true);
    expect([...o.words.join('')].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(ids(o.exact)).toEqual(ids(holding(['落户', '高校'])));
  });

  test('paging: a batch at a time; 继续查找 appends the new exact matches below the first ones', async () => {
    let yields = 0;
    const deps = depsFor({ batch: 1, yieldToPage: async () => { yields++; } });
    const o = await start(deps, state('就业'));
    const all = PAGES.filter((p) => p.content.includes('就业'));
    expect(o.checked).toBe(1);
    expect(o.candidates.length).toBe(all.length);
    expect(complete(o)).toBe(false);
    expect(yields).toBe(0);
    await more(o);
    const first = ids(o.exact);
    expect(first.length).toBe(1);
    const found = await checkMore(o, 2);
    expect(o.checked).toBe(3);
    expect(ids(o.exact)).toEqual([...first, ...ids(found)]);
    while (!complete(o)) await checkMore(o, 2);
    expect(new Set(ids(o.exact))).toEqual(new Set(ids(all)));
    expect(o.checked).toBe(all.length);
    // Two candidate queries (高校毕业生, and its character pairs) are started a task apart, through the injected yield.
    await start(deps, state('高校毕业生'));
    expect(yields).toBeGreaterThan(0);
  });
});
