/**
 * Search beyond the words as typed, in Chromium through the search page, on the seed build and on
 * the library build: thesaurus words, department names and aliases, traditional characters,
 * provision numbers and labels, 发文字号, and the partial-match list. Expected results are worked
 * out from the texts (tests/helpers/search-cases.ts, tests/library/expected.ts) and the data files
 * (content/thesaurus.yaml, content/departments.yaml), never from the site's output. Prints the
 * figures of the README's search table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy } from '../helpers/model.ts';
import { departmentsInText, units } from '../helpers/search-cases.ts';
import { href, provision, doc } from '../helpers/urls.ts';
import { groups, thesaurus } from '../helpers/vocabulary.ts';
import { docs as libraryDocs } from '../library/expected.ts';

const site = inject('siteUrl');
const librarySite = inject('librarySiteUrl');
const browser = useBrowser();

interface Row { id: string; href: string; note: string; marks: string[]; doc: string; open: string | null; text: string }
interface Results { status: string; direct: Row[]; links: Row[]; exact: Row[]; via: Row[]; partial: Row[] }

async function search(page: Page, base: string, q: string): Promise<Results> {
  await page.goto(`${base}search/?${new URLSearchParams({ q })}`);
  await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 20_000 });
  return page.evaluate(`(() => {
    const rows = (sel) => [...document.querySelectorAll(sel)].map((li) => ({
      id: li.dataset.id ?? '',
      href: li.querySelector('.pe-result__title a').getAttribute('href'),
      note: li.querySelector('.pe-result__why')?.textContent ?? '',
      marks: [...li.querySelectorAll('.pe-result__excerpt mark')].map((m) => m.textContent),
      doc: li.querySelector('.pe-result__doc')?.textContent ?? '',
      open: li.querySelector('a.pe-result__open')?.getAttribute('href') ?? null,
      text: li.innerText,
    }));
    return {
      status: document.querySelector('#pe-search-status').textContent,
      direct: rows('#pe-search-direct-list > li[data-id]'),
      links: rows('#pe-search-direct-list > li[data-kind="link"]'),
      exact: rows('#pe-search-exact > li'),
      via: rows('#pe-search-via-list > li'),
      partial: rows('#pe-search-partial-list > li'),
    };
  })()`) as Promise<Results>;
}

const sorted = (xs: string[]) => [...xs].sort();
const quoted = (xs: string[]) => xs.map((x) => `“${x}”`).join('');
const containing = (w: string) => units.filter((u) => u.text.includes(w)).map((u) => u.id);

/** Figures for the README, one row per kind of query. */
const figures: Record<string, { queries: number; expected: number; found: number; right: number; checks: number }> = {};
function count(kind: string, expected: number, found: number, right: boolean): void {
  const f = (figures[kind] ??= { queries: 0, expected: 0, found: 0, right: 0, checks: 0 });
  f.queries++;
  f.expected += expected;
  f.found += found;
  f.checks++;
  if (right) f.right++;
}
afterAll(() => {
  console.log('Search beyond the words as typed (expected from the texts and data files):');
  console.table(Object.entries(figures).map(([kind, f]) => ({ kind, queries: f.queries, expected: f.expected, found: f.found, 'queries right': `${f.right}/${f.checks}` })));
});

describe('thesaurus words find the documents’ terms, after the exact matches, labelled', () => {
  const queries = ['户口', '社保', '医保', '职称', '农民工', '应届生', '低保', '个体户', '劳模', '退伍军人', '看病', '国企', '户口迁移', '公积金'];

  test(`${queries.length} everyday words`, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    let throughThesaurus = 0;
    for (const q of queries) {
      const entry = thesaurus.find((e) => e.words.some((w) => q.includes(w)))!;
      const word = entry.words.filter((w) => q.includes(w)).sort((a, b) => b.length - a.length)[0]!;
      // The whole word, or the longest thesaurus word inside it replaced by each term.
      const terms = entry.words.includes(q) ? entry.terms : entry.terms.map((term) => q.replace(word, term));
      const exact = containing(q);
      const via = units.filter((u) => !u.text.includes(q) && terms.some((term) => u.text.includes(term)));
      const r = await search(page, site, q);
      expect(sorted(r.exact.map((x) => x.id)), q).toEqual(sorted(exact));
      expect(sorted(r.via.map((x) => x.id)), q).toEqual(sorted(via.map((u) => u.id)));
      for (const row of r.via) {
        const u = units.find((x) => x.id === row.id)!;
        const found = terms.filter((term) => u.text.includes(term));
        expect(row.note, `${q} @${row.id}`).toBe(`按近义词${quoted(found)}找到`);
        expect(row.marks.every((m) => found.includes(m)), `${q} @${row.id}: ${row.marks}`).toBe(true);
        expect(new URL(row.href, site).searchParams.get('highlight')).toBe(found.join(' '));
      }
      if (!exact.length && via.length) expect(r.status).toContain(`没有条文包含“${q}”，按近义词或部门名称找到 ${via.length} 条`);
      if (!exact.length && !via.length) expect(r.status).toContain('没有条文包含');
      if (via.length) throughThesaurus++;
      count('thesaurus words', via.length, r.via.length, true);
    }
    // Most of the words find something only through the thesaurus.
    expect(throughThesaurus).toBeGreaterThanOrEqual(queries.length / 2);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('exact matches come first: the via list follows the exact list in the page', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const r = await search(page, site, '职称');
    expect(r.exact.length).toBe(containing('职称').length);
    const order = await page.evaluate(`[...document.querySelectorAll('#pe-search-exact, #pe-search-via')].map((e) => e.id)`);
    expect(order).toEqual(['pe-search-exact', 'pe-search-via']);
    await page.context().close();
  });
});

describe('department names and aliases find the department’s provisions, labelled', () => {
  test('full names, names without 天津, declared aliases and derived short forms of every department in the text', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    for (const d of departmentsInText) {
      const queries = [...new Set([d.name, d.name.replace(/^中共/u, '').replace(/^天津/u, ''), ...(d.aliases ?? []).slice(0, 2), d.abbr.replace(/^市(?!委)/u, '')])];
      for (const q of queries) {
        const r = await search(page, site, q);
        const exact = containing(q);
        const via = units.filter((u) => !u.text.includes(q) && u.text.includes(d.abbr)).map((u) => u.id);
        expect(sorted(r.exact.map((x) => x.id)), q).toEqual(sorted(exact));
        expect(sorted(r.via.map((x) => x.id)), q).toEqual(sorted(via));
        for (const row of r.via) expect(row.note, q).toBe(`按部门简称“${d.abbr}”找到`);
        // The department's task list opens directly.
        expect(r.links.map((l) => l.href), q).toEqual([`/departments/${d.id}/`]);
        expect(r.links[0]!.text, q).toContain(d.abbr);
        expect(r.links[0]!.open).toBe(`/departments/${d.id}/`);
        count('department names', via.length + 1, r.via.length + r.links.length, true);
      }
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('traditional characters are folded to simplified', () => {
  const pairs: [string, string][] = [['戶籍', '户籍'], ['職稱', '职称'], ['社會保險', '社会保险'], ['農業轉移人口', '农业转移人口'], ['退役軍人', '退役军人'], ['檔案 公安', '档案 公安'], ['專業技術人員', '专业技术人员']];

  test(`${pairs.length} queries find what their simplified form finds, and say so`, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors, requests } = watch(page);
    for (const [tc, sc] of pairs) {
      const words = sc.split(' ');
      const expected = units.filter((u) => words.every((w) => u.text.includes(w))).map((u) => u.id);
      expect(expected.length, sc).toBeGreaterThan(0);
      const r = await search(page, site, tc);
      expect(sorted(r.exact.map((x) => x.id)), tc).toEqual(sorted(expected));
      expect(r.status, tc).toContain(`已按简体字${words.map((w) => `“${w}”`).join(' ')}查找`);
      for (const row of r.exact) expect(row.marks.every((m) => words.includes(m))).toBe(true);
      count('traditional characters', expected.length, r.exact.length, true);
    }
    // 戶口: folded, then through the thesaurus.
    const r = await search(page, site, '戶口');
    const through = units.filter((u) => u.text.includes('户籍') || u.text.includes('落户')).map((u) => u.id);
    expect(sorted(r.via.map((x) => x.id))).toEqual(sorted(through));
    count('traditional characters', through.length, r.via.length, true);
    expect(requests.some((x) => /\/_astro\/t2s\.[^/]+\.js$/.test(x))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the converter loads on the search page only, and only for a query with Han characters', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { requests } = watch(page);
    for (const path of ['', doc(), provision('2-1'), 'groups/']) await page.goto(site + path, { waitUntil: 'networkidle' });
    await search(page, site, '65%');
    expect(requests.filter((x) => x.includes('/_astro/t2s.'))).toEqual([]);
    await page.context().close();
  });
});

describe('a provision’s number or label opens it directly', () => {
  test('every provision of the seed by its number, and by its label in several forms', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    for (const m of provisions) {
      const c = policy.chapters.find((x) => x.number === m.chapter)!.marker.replace(/、$/u, '');
      const inner = m.marker.replace(/[（）]/gu, '');
      const forms = [`${m.chapter}-${m.number}`, `${c}${m.marker}`, `第${c}部分第${m.marker}项`, `第${c}部分第${inner}项`];
      for (const q of m.id === '2-1' ? forms : forms.slice(0, 2)) {
        const r = await search(page, site, q);
        expect(r.direct.map((x) => x.id), q).toEqual([m.id]);
        expect(new URL(r.direct[0]!.open!, site).pathname, q).toBe(href(provision(m.id)));
        expect(r.direct[0]!.text).toContain(t.search.open);
        expect(r.status, q).toContain(`“${q}”：可直接打开 1 项`);
        count('provision numbers and labels (seed)', 1, r.direct.filter((x) => x.id === m.id).length, r.direct.length === 1);
      }
    }
    // The seed has no articles: 第五条 and 第三章第十条 open nothing there (see the unit tests for documents that have them).
    for (const q of ['第五条', '第三章第十条']) expect((await search(page, site, q)).direct).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('in the library, a bare number matches in each document: all are listed, each document named, newest first', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    for (const q of ['2-1', '1-2', '二（一）']) {
      const id = q === '二（一）' ? '2-1' : q;
      const having = libraryDocs.filter((d) => d.provisions.some((m) => m.id === id));
      expect(having.length, q).toBeGreaterThanOrEqual(2);
      const r = await search(page, librarySite, q);
      expect(r.direct.map((x) => new URL(x.open!, librarySite).pathname), q).toEqual(having.map((d) => `/policies/${d.id}/${id}/`));
      r.direct.forEach((row, i) => expect(row.doc).toBe(`${t.search.inDocument}《${having[i]!.title}》（${having[i]!.docNumber}）`));
      count('provision numbers (library)', having.length, r.direct.length, r.direct.length === having.length);
    }
    // A 发文字号 before the label narrows to that document.
    const d = libraryDocs.find((x) => x.fixture && x.provisions.some((m) => m.id === '1-2'))!;
    const r = await search(page, librarySite, `${d.docNumber}第一部分第（二）项`);
    expect(r.direct.map((x) => new URL(x.open!, librarySite).pathname)).toEqual([`/policies/${d.id}/1-2/`]);
    count('provision numbers (library)', 1, r.direct.length, r.direct.length === 1);
    await page.context().close();
  });
});

describe('a 发文字号 opens its document first', () => {
  test('on the seed: as written, in other brackets, and the bare number', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const docNumber = policy.docNumber!;
    const n = /〔\d{4}〕(\d+)号$/u.exec(docNumber)![1]!;
    for (const q of [docNumber, docNumber.replace('〔', '[').replace('〕', ']'), docNumber.replace('〔', '（').replace('〕', '）'), `${n}号`]) {
      const r = await search(page, site, q);
      expect(r.direct.map((x) => x.id), q).toEqual(['document']);
      expect(new URL(r.direct[0]!.open!, site).pathname, q).toBe(href(doc()));
      // The notice contains the number as written: it is also an exact match, listed once, first.
      expect(r.exact.map((x) => x.id)).not.toContain('document');
      count('发文字号', 1, r.direct.length, true);
    }
    await page.context().close();
  });

  test('in the library: each document by its 发文字号, and by its bare number where no other document has it', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const bare = (d: { docNumber: string }) => /〔\d{4}〕(\d+)号$/u.exec(d.docNumber)![1]!;
    for (const d of libraryDocs) {
      const unique = libraryDocs.filter((x) => bare(x) === bare(d)).length === 1;
      for (const q of [d.docNumber, ...(unique ? [`${bare(d)}号`] : [])]) {
        const r = await search(page, librarySite, q);
        expect(r.direct.map((x) => new URL(x.open!, librarySite).pathname), q).toEqual([`/policies/${d.id}/`]);
        expect(r.direct[0]!.doc).toContain(d.docNumber);
        count('发文字号', 1, r.direct.length, true);
      }
    }
    await page.context().close();
  });
});

describe('the partial-match list', () => {
  const queries = ['人才流动', '退伍军人', '个体户口', '海河人才', '基层公务员', '城乡户口', '户口 基层', '职称改革', '留学人才', '失业保障'];

  test('never marks a lone character, marks only pieces of the query’s words, and says how each hit relates', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    let rows = 0;
    let marks = 0;
    for (const q of queries) {
      const words = q.split(' ');
      const r = await search(page, site, q);
      for (const row of r.partial) {
        rows++;
        const u = units.find((x) => x.id === row.id)!;
        expect(words.every((w) => u.text.includes(w)), `${q} @${row.id} is no exact match`).toBe(false);
        for (const m of row.marks) {
          marks++;
          expect([...m].length, `${q} @${row.id}: “${m}”`).toBeGreaterThanOrEqual(2);
          expect(words.some((w) => w.includes(m)), `${q}: “${m}”`).toBe(true);
          expect(u.text.includes(m)).toBe(true);
        }
        // The note says, for each word, 含 (whole), 不含…只含其中的… (pieces of two or more characters) or 不含.
        for (const w of words) {
          if (u.text.includes(w)) expect(row.note, `${q} @${row.id}`).toContain(`含“${w}”`);
          else expect(row.note, `${q} @${row.id}`).toMatch(new RegExp(`不含[^；]*“${w}”`, 'u'));
        }
        for (const [, pieces] of row.note.matchAll(/只含其中的((?:“[^”]+”)+)/gu)) {
          for (const [, piece] of pieces!.matchAll(/“([^”]+)”/gu)) {
            expect([...piece!].length).toBeGreaterThanOrEqual(2);
            expect(u.text.includes(piece!)).toBe(true);
          }
        }
      }
      count('partial list: no lone character marked', r.partial.length, r.partial.filter((x) => x.marks.every((m) => [...m].length >= 2)).length, true);
    }
    expect(rows).toBeGreaterThan(10);
    expect(marks).toBeGreaterThan(rows);
    await page.context().close();
  });

  test('户口: 户 inside 个体工商户 is neither a hit nor marked', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const r = await search(page, site, '户口');
    const withHu = units.filter((u) => u.text.includes('个体工商户') && !u.text.includes('户籍') && !u.text.includes('落户')).map((u) => u.id);
    expect(withHu.length).toBeGreaterThan(0);
    for (const row of [...r.exact, ...r.via, ...r.partial]) {
      expect(withHu).not.toContain(row.id);
      expect(row.marks).not.toContain('户');
    }
    await page.context().close();
  });
});

describe('groups named in a query', () => {
  test('a group’s name or phrase (as typed or through the thesaurus) opens its page', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    for (const g of groups.filter((x) => ['veterans', 'migrant-workers', 'migrant-children'].includes(x.id))) {
      for (const q of [g.terms[0]!, ...thesaurus.filter((e) => e.terms.includes(g.terms[0]!)).map((e) => e.words[0]!)]) {
        const r = await search(page, site, q);
        expect(r.links.map((l) => l.href), q).toContain(`/groups/${g.id}/`);
      }
    }
    await page.context().close();
  });
});

describe('the results are accessible', () => {
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  test('axe (WCAG 2.2 AA) finds nothing with direct, exact, via and partial results, on a phone and a desktop', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await (await browser().newContext(options)).newPage();
      for (const q of ['天津市教育委员会', '2-1', '人才流动', '户口', '退伍军人']) {
        const r = await search(page, site, q);
        expect(r.direct.length + r.links.length + r.exact.length + r.via.length + r.partial.length, q).toBeGreaterThan(0);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`);
        expect(violations, q).toEqual([]);
      }
      await page.context().close();
    }
  });
});
