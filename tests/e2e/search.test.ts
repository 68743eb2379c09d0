/**
 * Search in a real Chromium, through the site's search page: Ctrl-F recall on a suite of queries
 * whose expected results are computed from the seed by substring match, exact-first ranking,
 * the URL round trip, landing highlights, filters, no-JavaScript fallback, and the sub-path build.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy } from '../helpers/model.ts';
import { ARTIFACTS, SUB_PATH } from '../helpers/paths.ts';
import { candidateQueries, limitQuery, MAX_QUERY_LENGTH } from '../../src/views/search-query.ts';
import { cases, departmentsInText, expectedFor, units } from '../helpers/search-cases.ts';
import { DOC, doc, href, provision } from '../helpers/urls.ts';

const site = inject('siteUrl');
const subSite = inject('subSiteUrl');
const browser = useBrowser();

interface Row { id: string; exact: boolean; href: string }

/** Opens /search/ with the given parameters and returns the rendered results in page order. */
async function searchVia(page: Page, base: string, params: Record<string, string>): Promise<Row[]> {
  const qs = new URLSearchParams(params).toString();
  await page.goto(`${base}search/${qs ? `?${qs}` : ''}`);
  return readResults(page);
}

/** Types a query into the search page's own form and submits it (no page load). */
async function searchInPage(page: Page, q: string): Promise<Row[]> {
  await page.fill('#pe-search-q', q);
  await page.press('#pe-search-q', 'Enter');
  await page.waitForFunction(`(() => {
    const box = document.querySelector('#pe-search-results');
    return new URLSearchParams(location.search).get('q') === ${JSON.stringify(q.trim())}
      && box.dataset.for === location.pathname + location.search && box.dataset.state === 'done';
  })()`, undefined, { timeout: 15_000 });
  return readResults(page);
}

async function readResults(page: Page): Promise<Row[]> {
  await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 15_000 });
  return page.evaluate(`[...document.querySelectorAll('#pe-search-direct-list > li[data-id], #pe-search-exact > li, #pe-search-partial-list > li')]
    .map((li) => ({ id: li.dataset.id, exact: li.dataset.exact === 'true', href: li.querySelector('a').getAttribute('href') }))`) as Promise<Row[]>;
}

describe('recall and ranking on the query suite', () => {
  test(`${cases.length} queries: every provision that contains the string is found, exact matches first`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    interface Outcome { kind: string; q: string; expected: number; found: number; exactFirst: boolean; exactSetRight: boolean; partial: number; rawFound: number; rawFirst: boolean }
    const outcomes: Outcome[] = [];
    await page.goto(`${site}search/`);
    for (const { kind, q } of cases) {
      const expected = expectedFor(q);
      expect(expected.length, `"${q}" occurs in the text`).toBeGreaterThan(0);
      const rows = await searchInPage(page, q);
      const ids = rows.map((r) => r.id);
      const lastExpected = Math.max(...ids.map((id, i) => (expected.includes(id) ? i : -1)));
      const firstOther = ids.findIndex((id) => !expected.includes(id));
      // Pagefind alone (the same index, the query as typed), for the gap this project closes.
      const raw = await page.evaluate(`(async () => {
        const pf = await import(document.querySelector('#pe-search-form').dataset.bundle + 'pagefind.js');
        const r = await pf.search(${JSON.stringify(q)});
        return Promise.all(r.results.map(async (x) => (await x.data()).meta.id));
      })()`) as string[];
      const rawFirstOther = raw.findIndex((id) => !expected.includes(id));
      const rawLast = Math.max(...raw.map((id, i) => (expected.includes(id) ? i : -1)));
      outcomes.push({
        kind, q, expected: expected.length,
        found: expected.filter((id) => ids.includes(id)).length,
        exactFirst: firstOther < 0 || lastExpected < firstOther,
        exactSetRight: JSON.stringify(rows.filter((r) => r.exact).map((r) => r.id).sort()) === JSON.stringify([...expected].sort()),
        partial: rows.filter((r) => !r.exact).length,
        rawFound: expected.filter((id) => raw.includes(id)).length,
        rawFirst: rawFirstOther < 0 || rawLast < rawFirstOther,
      });
    }
    // The figures, by kind of query: this site's search next to Pagefind's own ranking.
    const kinds = [...new Set(outcomes.map((o) => o.kind))];
    const sum = (os: Outcome[], f: (o: Outcome) => number) => os.reduce((s, o) => s + f(o), 0);
    const table = [...kinds, 'ALL'].map((kind) => {
      const os = kind === 'ALL' ? outcomes : outcomes.filter((o) => o.kind === kind);
      return {
        kind,
        queries: os.length,
        expected: sum(os, (o) => o.expected),
        recall: (sum(os, (o) => o.found) / sum(os, (o) => o.expected)).toFixed(3),
        'exact first': `${sum(os, (o) => +o.exactFirst)}/${os.length}`,
        'exact set right': `${sum(os, (o) => +o.exactSetRight)}/${os.length}`,
        'partial shown': sum(os, (o) => o.partial),
        'pagefind alone: recall': (sum(os, (o) => o.rawFound) / sum(os, (o) => o.expected)).toFixed(3),
        'pagefind alone: exact first': `${sum(os, (o) => +o.rawFirst)}/${os.length}`,
      };
    });
    console.log(`Search suite (${outcomes.length} queries, expected sets from the seed by substring match):`);
    console.table(table);
    const failures = outcomes.filter((o) => o.found < o.expected || !o.exactFirst || !o.exactSetRight);
    expect(failures.map((o) => `${o.kind}: ${o.q} found ${o.found}/${o.expected}${o.exactFirst ? '' : ', not exact-first'}${o.exactSetRight ? '' : ', wrong exact set'}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('exhaustive recall of the candidate step', () => {
  // Every 2-, 3- and 4-character string of the text (Han, digits, %), searched with the queries
  // the search page sends (candidateQueries) against the built index: each unit that contains the
  // string must be among the candidates. The exact-substring pass that follows is unit-tested.
  test('every string of 2 to 4 characters finds every unit that contains it', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await page.goto(`${site}search/`);
    await page.evaluate(`(async () => {
      window.pf = await import(document.querySelector('#pe-search-form').dataset.bundle + 'pagefind.js');
      await pf.init();
      window.idOf = {};
      for (const r of (await pf.search(null)).results) idOf[r.id] = (await r.data()).meta.id;
    })()`);
    const rows = [];
    for (const n of [2, 3, 4]) {
      const expected = new Map<string, string[]>();
      for (const u of units) {
        for (const run of u.text.match(/[\p{Script=Han}\p{N}%]+/gu) ?? []) {
          const cs = [...run];
          for (let i = 0; i + n <= cs.length; i++) expected.set(cs.slice(i, i + n).join(''), []);
        }
      }
      for (const [g, ids] of expected) for (const u of units) if (u.text.includes(g)) ids.push(u.id);
      const strings = [...expected.keys()];
      const found = await page.evaluate(`(async (queries) => {
        const out = [];
        for (const qs of queries) {
          const ids = new Set();
          for (const q of qs) for (const r of (await pf.search(q)).results) ids.add(idOf[r.id]);
          out.push([...ids]);
        }
        return out;
      })(${JSON.stringify(strings.map((g) => candidateQueries([g])))})`) as string[][];
      const missed = strings.flatMap((g, i) => expected.get(g)!.filter((id) => !found[i]!.includes(id)).map((id) => `${g}@${id}`));
      const pairs = [...expected.values()].reduce((s, ids) => s + ids.length, 0);
      rows.push({ length: n, strings: strings.length, 'string × unit': pairs, found: pairs - missed.length, recall: ((pairs - missed.length) / pairs).toFixed(4) });
      expect(missed, `${n}-character strings`).toEqual([]);
    }
    console.log('Candidate recall over every substring of the text:');
    console.table(rows);
    await page.context().close();
  }, 300_000);
});

describe('the search page', () => {
  test('the query lives in the URL: it fills the form, survives a reload, and back/forward', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    const first = await searchVia(page, site, { q: '落户' });
    expect(await page.inputValue('#pe-search-q')).toBe('落户');
    expect(first.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expectedFor('落户').sort());
    expect(await page.title()).toContain('落户');
    // A new search from the page's own form updates the address (pushState), without reloading.
    await page.fill('#pe-search-q', '人事档案');
    await page.press('#pe-search-q', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '人事档案');
    const second = await readResults(page);
    expect(second.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expectedFor('人事档案').sort());
    await page.reload();
    expect(await page.inputValue('#pe-search-q')).toBe('人事档案');
    expect((await readResults(page)).filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expectedFor('人事档案').sort());
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('q') === '落户');
    await page.waitForFunction(`document.querySelector('#pe-search-q').value === '落户'`);
    expect((await readResults(page)).filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expectedFor('落户').sort());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the header form on every page is a plain GET form that leads to the results', async () => {
    const page = await (await browser().newContext(PHONE)).newPage();
    await page.goto(site + provision('1-1'));
    // No search JavaScript on reading pages: Pagefind loads only on /search/.
    const { requests } = watch(page);
    await page.fill('#pe-header-q', '三支一扶');
    await page.press('#pe-header-q', 'Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/search/') && u.searchParams.get('q') === '三支一扶');
    const rows = await readResults(page);
    expect(rows.filter((r) => r.exact).map((r) => r.id)).toEqual(expectedFor('三支一扶'));
    expect(requests.some((r) => r.includes('/pagefind/'))).toBe(true);
    const reading = await (await browser().newContext(DESKTOP)).newPage();
    const seen = watch(reading);
    for (const path of ['', doc(), doc('text/'), provision('2-1')]) await reading.goto(site + path, { waitUntil: 'networkidle' });
    expect(seen.requests.filter((r) => r.includes('/pagefind/'))).toEqual([]);
    await page.context().close();
    await reading.context().close();
  });

  test('each result names the provision, shows an excerpt with the words marked, and links to the provision', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await searchVia(page, site, { q: '档案 公安' });
    const first = page.locator('#pe-search-exact > li').first();
    const id = await first.getAttribute('data-id');
    const m = provisions.find((x) => x.id === id)!;
    expect(await first.locator('.pe-result__title').innerText()).toContain(m.headline.replace(/。$/, ''));
    const marks = await first.locator('.pe-result__excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((t) => ['档案', '公安'].includes(t))).toBe(true);
    expect(await first.locator('a').getAttribute('href')).toBe(`${href(provision(id!))}?highlight=${encodeURIComponent('档案 公安').replace(/%20/g, '+')}`);
    // With one document in the library, results do not repeat its name.
    expect(await page.locator('.pe-result__doc').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'search-desktop.png'), fullPage: true });
    await page.context().close();
  });

  test('a result click lands on the provision with every occurrence of the words highlighted', async () => {
    const page = await (await browser().newContext(PHONE)).newPage();
    const { errors } = watch(page);
    for (const q of ['人事档案', '市人社局、市发展改革委', '海河英才 落户']) {
      const rows = await searchVia(page, site, { q });
      if (q === '人事档案') await page.screenshot({ path: join(ARTIFACTS, 'search-results-phone.png'), fullPage: true });
      const target = rows.find((r) => r.exact && r.id !== 'document')!;
      await page.click(`#pe-search-exact > li[data-id="${target.id}"] a`);
      await page.waitForURL((u) => u.pathname === href(provision(target.id)));
      await page.waitForSelector('mark.pe-hit');
      const unit = units.find((u) => u.id === target.id)!;
      // Occurrences counted in the seed text; a match may span several elements (one <mark> each).
      const marked = await page.evaluate(`[...document.querySelectorAll('[data-pagefind-body] mark.pe-hit')].map((m) => m.textContent).join('')`) as string;
      const words = q.split(' ');
      const expectedText = words.map((w) => w.repeat(unit.text.split(w).length - 1)).join('');
      expect([...marked].sort().join(''), q).toBe([...expectedText].sort().join(''));
      const inView = await page.evaluate(`(() => { const r = document.querySelector('mark.pe-hit').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`);
      expect(inView).toBe(true);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'search-landing-phone.png') });
    // Without the parameter nothing is marked.
    await page.goto(site + provision('2-3'));
    expect(await page.locator('mark').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('filters narrow the results: by department, by chapter, and with a query', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const hrss = departmentsInText.find((d) => d.abbr === '市人社局')!;
    // Every provision whose attribution lists 市人社局, whatever the segmentation of its text.
    const ofHrss = units.filter((u) => u.departments.includes('市人社局')).map((u) => u.id);
    let rows = await searchVia(page, site, { dept: hrss.id });
    expect(rows.map((r) => r.id)).toEqual(ofHrss);
    expect(await page.locator('#pe-search-dept').inputValue()).toBe(hrss.id);
    // Each department in the text, through the select element.
    for (const d of departmentsInText) {
      await page.selectOption('#pe-search-dept', d.id);
      await page.waitForURL((u) => u.searchParams.get('dept') === d.id);
      rows = await readResults(page);
      expect(rows.map((r) => r.id), d.abbr).toEqual(units.filter((u) => u.departments.includes(d.abbr)).map((u) => u.id));
    }
    rows = await searchVia(page, site, { chapter: '3' });
    expect(rows.map((r) => r.id)).toEqual(units.filter((u) => u.chapter === 3).map((u) => u.id));
    rows = await searchVia(page, site, { q: '人才', chapter: '2', dept: hrss.id });
    expect(rows.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(
      units.filter((u) => u.chapter === 2 && u.departments.includes('市人社局') && u.text.includes('人才')).map((u) => u.id).sort());
    expect(rows.every((r) => units.find((u) => u.id === r.id)!.chapter === 2)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'search-filters-desktop.png'), fullPage: true });
    await page.context().close();
  });

  test('the document filter: a select named doc offering the seed, hidden while the library holds one document', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    const expected = expectedFor('人才').sort();
    const plain = await searchVia(page, site, { q: '人才' });
    expect(plain.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expected);
    const select = page.locator('select[name="doc"]');
    expect(await select.getAttribute('id')).toBe('pe-search-doc');
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', DOC]);
    expect(await select.locator(`option[value="${DOC}"]`).innerText()).toContain(policy.docNumber);
    expect(await select.isVisible()).toBe(false);
    // Chosen in the address, it finds the same: every unit belongs to the seed.
    const rows = await searchVia(page, site, { q: '人才', doc: DOC });
    expect(rows.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expected);
    const chapter3 = await searchVia(page, site, { doc: DOC, chapter: '3' });
    expect(chapter3.map((r) => r.id)).toEqual(units.filter((u) => u.chapter === 3).map((u) => u.id));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a string that occurs nowhere finds nothing exact, and says so', async () => {
    const page = await (await browser().newContext(PHONE)).newPage();
    const rows = await searchVia(page, site, { q: '量子计算机' });
    expect(expectedFor('量子计算机')).toEqual([]);
    expect(rows.filter((r) => r.exact)).toEqual([]);
    expect(await page.locator('#pe-search-status').innerText()).toContain('没有');
    await page.screenshot({ path: join(ARTIFACTS, 'search-none-phone.png'), fullPage: true });
    await page.context().close();
  });

  test('without JavaScript the page says search needs it and offers the contents and the department index', async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}search/?q=${encodeURIComponent('落户')}`);
    const message = page.locator('.pe-search__nojs');
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toContain('JavaScript');
    expect(await message.locator('a', { hasText: '按目录查找' }).getAttribute('href')).toBe(`${href(doc())}#toc`);
    expect(await message.locator('a', { hasText: '按责任部门查找' }).getAttribute('href')).toBe('/departments/');
    // The table of contents itself, with every provision.
    const tocLinks = await message.locator('.pe-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(tocLinks.filter((h) => !h!.includes('#'))).toEqual(provisions.map((m) => href(provision(m.id))));
    expect(await page.locator('main .pe-result').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'search-nojs-phone.png'), fullPage: true });
    await context.close();
  });
});

describe('a long query (issue 21, item 3)', () => {
  /** Every long task of the page (PerformanceObserver 'longtask', from the first script on), and when the search first answered. */
  const WATCH = `(() => {
    window.__peLongTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__peLongTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const box = document.querySelector('#pe-search-results');
      if (box && box.dataset.state === 'done' && window.__peAnswered === undefined) window.__peAnswered = Math.round(performance.now());
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  })()`;
  const passage = provisions.map((m) => m.text).join('').slice(0, 1000);
  // Words of the text, scrambled and separated by spaces: found nowhere as a whole, pieces everywhere.
  const scrambled = Array.from({ length: 251 }, (_, i) => { const t = provisions[i % provisions.length]!.text; const at = (i * 37) % (t.length - 3); return t.slice(at, at + 3); }).join(' ').slice(0, 1000);

  test.each([['a copied passage', passage], ['words of the text, scrambled', scrambled]])('1,000 characters (%s): the page answers, says the query was shortened, and no task blocks the page over 200 ms', async (_, q) => {
    expect([...q]).toHaveLength(1000);
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    const { errors } = watch(page);
    await page.addInitScript(WATCH);
    await page.goto(`${site}search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 15_000 });
    const status = await page.locator('#pe-search-status').innerText();
    expect(status).toContain(`搜索词过长，已截取前 ${MAX_QUERY_LENGTH} 个字`);
    // The cut query is what was searched: a passage of one provision finds it.
    const searched = limitQuery(q).q;
    const rows = await readResults(page);
    expect(rows.filter((r) => r.exact).map((r) => r.id).sort()).toEqual(expectedFor(searched).sort());
    // The box in the form keeps what was typed.
    expect(await page.inputValue('#pe-search-q')).toBe(q);
    // Typed into the page's own form: from the submit to the answer (the index already loaded).
    const again = [...q].reverse().join('');
    const typed = await page.evaluate(`new Promise((done) => {
      const box = document.querySelector('#pe-search-results');
      const form = document.querySelector('#pe-search-form');
      document.querySelector('#pe-search-q').value = ${JSON.stringify(again)};
      const t0 = performance.now();
      new MutationObserver((_, o) => {
        if (box.dataset.state === 'done' && box.dataset.for.includes('q=')) { o.disconnect(); done(Math.round(performance.now() - t0)); }
      }).observe(box, { attributes: true, attributeFilter: ['data-state'] });
      form.requestSubmit();
    })`) as number;
    expect(await page.locator('#pe-search-status').innerText()).toContain(`搜索词过长，已截取前 ${MAX_QUERY_LENGTH} 个字`);
    await page.waitForTimeout(300);
    const { tasks, answered } = await page.evaluate('({ tasks: window.__peLongTasks, answered: window.__peAnswered })') as { tasks: number[]; answered: number };
    console.log(`1,000-character query (${_}): answered ${answered} ms after navigation, ${typed} ms after submitting it again (reversed) in the page; long tasks ${JSON.stringify(tasks)} ms`);
    expect(tasks.filter((ms) => ms > 200)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('under a sub-path', () => {
  test('the index, the results and their links work under the base path', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors, requests } = watch(page);
    for (const q of ['落户', '业优先', '厅字〔2019〕56号']) {
      const rows = await searchVia(page, subSite, { q });
      expect(rows.filter((r) => r.exact).map((r) => r.id).sort(), q).toEqual(expectedFor(q).sort());
      for (const r of rows) expect(r.href.startsWith(SUB_PATH), r.href).toBe(true);
    }
    expect(requests.some((r) => r.includes(`${SUB_PATH}pagefind/pagefind.js`))).toBe(true);
    await page.click('#pe-search-exact > li a');
    await page.waitForSelector('mark.pe-hit');
    expect(new URL(page.url()).pathname.startsWith(SUB_PATH)).toBe(true);
    const byDept = await searchVia(page, subSite, { dept: departmentsInText.find((d) => d.abbr === '市人社局')!.id });
    expect(byDept.map((r) => r.id)).toEqual(units.filter((u) => u.departments.includes('市人社局')).map((u) => u.id));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
