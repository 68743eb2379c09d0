/**
 * Search across the documents of the library build, in Chromium through the search page (Pagefind
 * and the exact-substring pass): a word several documents use finds its provisions in each, and
 * each result says which document it is from; the document filter (select name="doc") offers the
 * documents a search finds, with counts, and narrows the results to one; the chapter filter works
 * within the chosen document; 继续查找 pages through the candidates (a small ?batch= shows it on
 * this small library). Expected results are the units of the texts that contain the word
 * (Ctrl-F), computed from the texts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { ARTIFACTS } from '../helpers/paths.ts';
import { deptByAbbr, docById, docs, links, noticeText, type ExpectedDoc } from './expected.ts';
import { element, elements, page as builtPage } from './pages.ts';

const site = inject('librarySiteUrl');
const browser = useBrowser();

const clean = (s: string) => s.replace(/\s+/gu, '');

/** Search units of a document: its notice with the preamble ('document'), and each provision. */
const unitsOf = (d: ExpectedDoc) => [
  // Parts joined by a line break: Ctrl-F does not match across paragraphs either.
  { doc: d.id, id: 'document', chapter: null as number | null, abbrs: [] as string[], text: noticeText(d).split('\n').map(clean).join('\n') },
  ...d.provisions.map((m) => ({ doc: d.id, id: m.id, chapter: m.chapter as number | null, abbrs: m.abbrs, text: clean(m.line) })),
];
const units = docs.flatMap(unitsOf);
/** "doc id/unit id" of every unit containing the word, optionally in one document and chapter. */
const expectedFor = (word: string, doc?: string, chapter?: number, dept?: string) =>
  units.filter((u) => u.text.includes(word) && (!doc || u.doc === doc) && (chapter === undefined || u.chapter === chapter) && (!dept || u.abbrs.includes(dept)))
    .map((u) => `${u.doc}/${u.id}`).sort();

/** The words of the brief: shared with the seed, each in several documents. */
const WORDS = ['见习', '落户'];

interface Row { key: string; exact: boolean; href: string; doc: string }

async function readResults(page: Page): Promise<Row[]> {
  await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 15_000 });
  const rows = (await page.evaluate(`[...document.querySelectorAll('#pe-search-direct-list > li[data-id], #pe-search-exact > li, #pe-search-partial-list > li')]
    .map((li) => ({ id: li.dataset.id, exact: li.dataset.exact === 'true', href: li.querySelector('.pe-result__title a').getAttribute('href'),
      doc: li.querySelector('.pe-result__doc')?.textContent ?? '' }))`)) as { id: string; exact: boolean; href: string; doc: string }[];
  return rows.map((r) => {
    // /policies/<doc>/ (the notice) or /policies/<doc>/<provision>/, with ?highlight=…
    const [, doc, provision] = /^\/policies\/([^/]+)\/(?:([^/]+)\/)?/.exec(new URL(r.href, site).pathname) ?? [];
    expect(provision ?? 'document', `${r.href}: the result's id`).toBe(r.id);
    return { key: `${doc}/${r.id}`, exact: r.exact, href: r.href, doc: r.doc };
  });
}

async function searchVia(page: Page, params: Record<string, string>): Promise<Row[]> {
  await page.goto(`${site}search/?${new URLSearchParams(params)}`);
  return readResults(page);
}

const exactKeys = (rows: Row[]) => rows.filter((r) => r.exact).map((r) => r.key).sort();
const docsOf = (keys: string[]) => new Set(keys.map((k) => k.split('/')[0]));

describe('search across documents', () => {
  test('the words are shared: each occurs in provisions of several documents, the seed among them', () => {
    for (const w of WORDS) {
      const provisionsWith = expectedFor(w).filter((k) => !k.endsWith('/document'));
      expect(docsOf(provisionsWith).size, w).toBeGreaterThanOrEqual(2);
      expect(docsOf(provisionsWith).has('jjzz-2020-5'), w).toBe(true);
    }
  });

  for (const w of WORDS) {
    test(`“${w}” finds the provisions that contain it in every document, and each result names its document`, async () => {
      const page = await (await browser().newContext(DESKTOP)).newPage();
      const { errors } = watch(page);
      const rows = await searchVia(page, { q: w });
      expect(exactKeys(rows)).toEqual(expectedFor(w));
      for (const r of rows.filter((x) => x.exact)) {
        const d = docById(r.key.split('/')[0]!);
        expect(r.doc, r.key).toBe(`${t.search.inDocument}《${d.title}》（${d.docNumber}）`);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  test('the seed’s 发文字号 finds the notices that cite it, in every document', async () => {
    const q = docs.find((d) => !d.fixture)!.docNumber;
    const expected = expectedFor(q);
    expect(docsOf(expected).size).toBeGreaterThanOrEqual(2);
    const page = await (await browser().newContext(DESKTOP)).newPage();
    expect(exactKeys(await searchVia(page, { q }))).toEqual(expected);
    await page.context().close();
  });

  test('the search page lists no document: its filters hold the same few options whatever the library holds', () => {
    const html = builtPage('search/');
    const values = (name: string) => elements(element(html, 'select', new RegExp(`<select [^>]*name="${name}"`)), 'option', /<option\b/)
      .map((o) => /value="([^"]*)"/.exec(o)![1]);
    expect(values('doc')).toEqual(['']);
    expect(values('chapter')).toEqual(['']);
    for (const d of docs) expect(html, d.id).not.toContain(d.title);
  });

  /** The document choices after a search: [id, label] of every option but the first, and the first's value. */
  async function documentChoices(page: Page): Promise<{ value: string; label: string; text: string }[]> {
    return page.locator('select[name="doc"] option').evaluateAll((os) => os.map((o) => ({
      value: (o as HTMLOptionElement).value, label: (o as HTMLOptionElement).dataset.label ?? '', text: (o as HTMLOptionElement).text,
    })));
  }

  for (const w of WORDS) {
    test(`after “${w}” the document filter offers the documents that hold it, most results first, each with its count`, async () => {
      const page = await (await browser().newContext(DESKTOP)).newPage();
      await searchVia(page, { q: w });
      const perDoc = docs.map((d) => ({ d, n: expectedFor(w, d.id).length })).filter((x) => x.n > 0);
      const options = await documentChoices(page);
      expect(options[0]!.value).toBe('');
      // Every candidate is checked at once in this small library, so the counts are the exact matches'.
      expect(options.slice(1).map((o) => [o.value, o.label, o.text]).sort()).toEqual(
        perDoc.map(({ d, n }) => [d.id, `${d.title}（${d.docNumber}）`, `${d.title}（${d.docNumber}）　${n} 条`]).sort());
      const counts = options.slice(1).map((o) => Number(/(\d+) 条$/.exec(o.text)![1]));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      await page.context().close();
    });
  }

  for (const w of WORDS) {
    for (const d of docs.filter((x) => expectedFor(w, x.id).length > 0)) {
      test(`“${w}” with doc=${d.id}: only that document's results`, async () => {
        const page = await (await browser().newContext(DESKTOP)).newPage();
        const rows = await searchVia(page, { q: w, doc: d.id });
        expect(exactKeys(rows)).toEqual(expectedFor(w, d.id));
        expect(rows.every((r) => r.key.startsWith(`${d.id}/`)), 'partial matches too').toBe(true);
        await page.context().close();
      });
    }
  }

  test('choosing a document in the form narrows the results and puts doc= in the URL; then a chapter of that document', async () => {
    const w = WORDS[0]!;
    // A document with hits in more than one chapter, so the chapter filter has something to narrow.
    const d = docs.find((x) => new Set(units.filter((u) => u.doc === x.id && u.chapter !== null && u.text.includes(w)).map((u) => u.chapter)).size > 1)!;
    expect(d, `a document with “${w}” in two chapters`).toBeDefined();
    const chapter = units.find((u) => u.doc === d.id && u.chapter !== null && u.text.includes(w))!.chapter!;
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await searchVia(page, { q: w });
    await page.selectOption('select[name="doc"]', d.id);
    await page.waitForFunction(`new URLSearchParams(location.search).get('doc') === ${JSON.stringify(d.id)}
      && document.querySelector('#pe-search-results').dataset.for === location.pathname + location.search
      && document.querySelector('#pe-search-results').dataset.state === 'done'`, undefined, { timeout: 15_000 });
    expect(exactKeys(await readResults(page))).toEqual(expectedFor(w, d.id));
    // The chapter filter now offers that document's chapters, each with its results.
    const offered = await page.locator('select[name="chapter"] option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).text]));
    expect(offered.slice(1)).toEqual(d.chapters.map((c) => [String(c.number), expect.stringMatching(new RegExp(`${c.title}　${expectedFor(w, d.id, c.number).length} 条$`))]));
    expect(await page.locator('select[name="chapter"]').isDisabled()).toBe(false);
    const index = offered.findIndex(([value]) => value === String(chapter));
    await page.selectOption('select[name="chapter"]', { index });
    await page.waitForFunction(`new URLSearchParams(location.search).get('chapter') === ${JSON.stringify(String(chapter))}
      && document.querySelector('#pe-search-results').dataset.for === location.pathname + location.search
      && document.querySelector('#pe-search-results').dataset.state === 'done'`, undefined, { timeout: 15_000 });
    const rows = await readResults(page);
    expect(exactKeys(rows)).toEqual(expectedFor(w, d.id, chapter));
    expect(exactKeys(rows).length).toBeLessThan(expectedFor(w, d.id).length);
    // The document stays named in the filter and the status line; another can still be chosen.
    expect(await page.locator('select[name="doc"] option:checked').getAttribute('data-label')).toBe(`${d.title}（${d.docNumber}）`);
    expect(await page.locator('#pe-search-status').innerText()).toContain(`${d.title}（${d.docNumber}）`);
    expect((await documentChoices(page)).slice(1).map((o) => o.value).sort()).toEqual([...docsOf(expectedFor(w))].sort());
    await page.context().close();
  });

  test('the chapter filter within a document, from the URL (doc=…&chapter=…)', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    for (const w of WORDS) {
      for (const d of docs) {
        for (const c of d.chapters) {
          const expected = expectedFor(w, d.id, c.number);
          if (expected.length === 0) continue;
          const rows = await searchVia(page, { q: w, doc: d.id, chapter: String(c.number) });
          expect(exactKeys(rows), `${w} in ${d.id} chapter ${c.number}`).toEqual(expected);
        }
      }
    }
    await page.context().close();
  });

  test('the department filter spans documents: 市人社局 with a shared word, and a department only a fixture names', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const hr = deptByAbbr('市人社局');
    const expected = expectedFor(WORDS[0]!, undefined, undefined, hr.abbr);
    expect(docsOf(expected).size).toBeGreaterThanOrEqual(2);
    expect(exactKeys(await searchVia(page, { q: WORDS[0]!, dept: hr.id }))).toEqual(expected);
    // Without words: every provision that lists the department, in whichever document.
    const seedAbbrs = new Set(docs.filter((d) => !d.fixture).flatMap((d) => d.provisions.flatMap((m) => m.abbrs)));
    const only = [...new Set(links.map((l) => l.abbr))].find((a) => !seedAbbrs.has(a))!;
    const rows = await searchVia(page, { dept: deptByAbbr(only).id });
    expect(rows.map((r) => r.key).sort()).toEqual(expectedFor('', undefined, undefined, only));
    await page.context().close();
  });

  test('paging through the candidates: with a batch of one, 继续查找 reaches every exact match, each batch appended, and says how far it got', async () => {
    const w = WORDS[0]!;
    const expected = expectedFor(w);
    expect(expected.length, 'more exact matches than a batch').toBeGreaterThan(2);
    const page = await (await browser().newContext(PHONE)).newPage();
    const { errors } = watch(page);
    const first = await searchVia(page, { q: w, batch: '1' });
    const status = page.locator('#pe-search-status');
    const progress = page.locator('#pe-search-progress');
    const next = page.locator('#pe-search-next');
    const checked = async () => Number(/^已查 (\d+) 条/.exec(await progress.innerText())![1]);
    // The first batch: one candidate checked, honest about what is left.
    expect(exactKeys(first).length).toBeLessThanOrEqual(1);
    const total = Number(/共 (\d+) 条/.exec(await progress.innerText())![1]);
    expect(total).toBeGreaterThanOrEqual(expected.length);
    expect(await progress.innerText()).toBe(`已查 1 条，共 ${total} 条可能相关的条文。`);
    expect(await status.innerText()).toContain('还有条文尚未查完');
    expect(await status.innerText()).not.toMatch(/候选|核对/);
    expect(await next.isVisible()).toBe(true);
    expect(await next.innerText()).toBe(t.search.next);
    // Before every candidate is checked, the document counts are Pagefind's (约).
    expect((await documentChoices(page)).slice(1).every((o) => o.text.includes('约 '))).toBe(true);
    const seen = exactKeys(first);
    for (let done = 1; await next.isVisible();) {
      const before = (await readResults(page)).filter((r) => r.exact).map((r) => r.key);
      await next.click();
      await page.waitForFunction(`document.querySelector('#pe-search-results').dataset.state === 'done'
        && (document.querySelector('#pe-search-continue').hidden || !document.querySelector('#pe-search-progress').textContent.startsWith('已查 ${done} 条'))`,
      undefined, { timeout: 15_000 });
      if (await next.isVisible()) {
        const now = await checked();
        expect(now).toBeGreaterThan(done);
        done = now;
      }
      const rows = await readResults(page);
      const after = rows.filter((r) => r.exact).map((r) => r.key);
      // Appended: what was listed stays in place, and exact matches stay above every other section.
      expect(after.slice(0, before.length)).toEqual(before);
      const firstOther = rows.findIndex((r) => !r.exact);
      if (firstOther >= 0) expect(rows.slice(firstOther).some((r) => r.exact)).toBe(false);
      // Focus moves to the first result added.
      if (after.length > before.length) expect(await page.evaluate(`document.activeElement.closest('li')?.dataset.id`)).toBe(after[before.length]!.split('/')[1]);
      seen.push(...after.slice(before.length));
    }
    // Exact matches beyond the first batch were reached: all of them.
    expect([...seen].sort()).toEqual(expected);
    expect(await status.innerText()).toContain(`共 ${expected.length} 条结果包含“${w}”`);
    // All checked: the document counts are the exact matches'.
    expect((await documentChoices(page)).slice(1).some((o) => o.text.includes('约 '))).toBe(false);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'library-search-paging-phone.png'), fullPage: true });
    await page.context().close();
  });

  test('a result leads to its provision in the right document', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const rows = await searchVia(page, { q: WORDS[0]! });
    const hit = rows.find((r) => r.exact && !r.key.startsWith('jjzz-2020-5/') && !r.key.endsWith('/document'))!;
    await page.goto(new URL(hit.href, site).href);
    const [docId, provisionId] = hit.key.split('/');
    const d = docById(docId!);
    expect(await page.locator('.pe-docbar__title').textContent()).toBe(d.title);
    expect(clean((await page.locator('.pe-provision__text').textContent()) ?? '')).toBe(clean(d.provisions.find((m) => m.id === provisionId)!.line));
    await page.context().close();
  });
});
