/**
 * Search in a real Chromium, through the site's search page: Ctrl-F recall on a suite of queries
 * whose expected results are computed from the seed by substring match, exact-first ranking,
 * the URL round trip, landing highlights, filters, no-JavaScript fallback, and the sub-path build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, watch } from '../helpers/browser.ts';
import { measures } from '../helpers/model.ts';
import { ARTIFACTS, SUB_PATH } from '../helpers/paths.ts';
import { cases, departmentsInText, expectedFor, units } from '../helpers/search-cases.ts';

const site = inject('siteUrl');
const subSite = inject('subSiteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => browser?.close());

interface Row { id: string; exact: boolean; href: string }

/** Opens /search/ with the given parameters and returns the rendered results in page order. */
async function searchVia(page: Page, base: string, params: Record<string, string>): Promise<Row[]> {
  const qs = new URLSearchParams(params).toString();
  await page.goto(`${base}search/${qs ? `?${qs}` : ''}`);
  return readResults(page);
}

async function readResults(page: Page): Promise<Row[]> {
  await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 15_000 });
  return page.evaluate(`[...document.querySelectorAll('#pe-search-exact > li, #pe-search-partial-list > li')]
    .map((li) => ({ id: li.dataset.id, exact: li.dataset.exact === 'true', href: li.querySelector('a').getAttribute('href') }))`) as Promise<Row[]>;
}

describe('recall and ranking on the query suite', () => {
  test(`${cases.length} queries: every measure that contains the string is found, exact matches first`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const page = await (await browser.newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    interface Outcome { kind: string; q: string; expected: number; found: number; exactFirst: boolean; exactSetRight: boolean; partial: number; rawFound: number; rawFirst: boolean }
    const outcomes: Outcome[] = [];
    for (const { kind, q } of cases) {
      const expected = expectedFor(q);
      expect(expected.length, `"${q}" occurs in the text`).toBeGreaterThan(0);
      const rows = await searchVia(page, site, { q });
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
