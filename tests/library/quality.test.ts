/**
 * Quality gates on the library build (dist-library/): every internal link and #fragment resolves;
 * axe-core (WCAG 2.2 AA) finds no violation on one page of each type, at phone and desktop width;
 * the library home and a department page that spans every document stay within the byte budgets
 * of tests/quality/budgets.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DESKTOP, launchBrowser, PHONE } from '../helpers/browser.ts';
import { brokenLinks } from '../helpers/links.ts';
import { DIST_LIBRARY } from '../helpers/paths.ts';
import { gzipSize, sitePages, weighPage, type SitePage } from '../helpers/site.ts';
import { deptByAbbr, docs, links } from './expected.ts';

const site = inject('librarySiteUrl');
const pages = sitePages(DIST_LIBRARY);

// ------------------------------------------------------------------------------------ links
// The link checker of the quality gates (tests/helpers/links.ts), run on the library build.

describe('links', () => {
  test('the library build has every document’s pages and the library pages', () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const d of docs) expect(paths.has(`policies/${d.id}/`), d.id).toBe(true);
    for (const p of ['', 'departments/', 'search/', 'data/', '404.html']) expect(paths.has(p), p).toBe(true);
  });

  test('every internal href/src/action, #fragment and css url() in dist-library/ resolves', () => {
    expect(brokenLinks(DIST_LIBRARY, '/')).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------ axe

/**
 * Page type, finer than tests/helpers/site.ts pageType (where every /policies/… page is one type):
 * document ids, provision numbers, department ids, years and issuers become *.
 */
export function libraryPageType(path: string): string {
  if (path === '') return 'home';
  const parts = path.replace(/\/$/, '').split('/');
  if (parts[0] === 'policies') return ['policies', '*', ...parts.slice(2).map((p) => (/^\d+(-\d+)?$/.test(p) ? '*' : p))].join('/');
  if (parts[0] === 'departments' && parts.length > 1) return 'departments/*';
  if (parts[0] === 'library') return parts.length > 2 ? `library/${parts[1]}/*` : 'library/*';
  return parts.join('/');
}

/**
 * The first page of each type (for a document's pages, a fixture's: first in path order), and the
 * pages that only a library has: the seed's home (cited by fixtures), the task list of the
 * department named in every document (grouped by document), the year with the most documents.
 */
function onePerLibraryType(all: SitePage[]): SitePage[] {
  const seen = new Map<string, SitePage>();
  for (const p of all) if (!seen.has(libraryPageType(p.path))) seen.set(libraryPageType(p.path), p);
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => docs.filter((d) => d.year === b).length - docs.filter((d) => d.year === a).length);
  const extra = ['policies/jjzz-2020-5/', `departments/${deptByAbbr('市人社局').id}/`, `library/year/${years[0]}/`]
    .map((path) => all.find((p) => p.path === path)!)
    .filter((p) => p && ![...seen.values()].includes(p));
  return [...seen.values(), ...extra];
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation { id: string; impact: string; help: string; nodes: string[] }

async function axe(p: Page): Promise<Violation[]> {
  if ((await p.evaluate('typeof window.axe')) === 'undefined') await p.addScriptTag({ content: AXE });
  return p.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

describe('axe-core, WCAG 2.2 AA, one page of each type of the library build: zero violations', () => {
  const chosen = onePerLibraryType(pages);
  test('the types include the library pages and every kind of document page', () => {
    expect(chosen.map((p) => libraryPageType(p.path))).toEqual(expect.arrayContaining([
      'home', 'library/year/*', 'library/issuer/*', 'departments', 'departments/*', 'search', 'data',
      'policies/*', 'policies/*/*', 'policies/*/text', 'policies/*/departments', 'policies/*/summary', 'policies/*/references', 'policies/*/data',
    ]));
  });
  for (const { path } of chosen) {
    test(`/${path} (390 px and 1280 px)`, async () => {
      const page = await (await browser.newContext(DESKTOP)).newPage();
      await page.goto(site + path, { waitUntil: 'networkidle' });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axe(page), `${width}px`).toEqual([]);
      }
      await page.context().close();
    });
  }
});

// ------------------------------------------------------------------------------------ budgets
// The budgets of tests/quality/budgets.test.ts.

/** HTML + CSS of a reading page, gzip. */
const READING_BUDGET = 20_000;
/** Scripts of a reading page, gzip (5,200 B since issue 22: see tests/quality/budgets.test.ts). */
const READING_JS_BUDGET = 5_200;
/**
 * A department page's markup and style around its tasks' text, gzip: a fixed part (the site's
 * style and chrome, the task table's frame) and a part for each document the tasks come from
 * (its heading, its rows in the contents table, its diagram view and that view's mermaid source).
 */
const MARKUP_BUDGET = { fixed: 12_000, perDocument: 1_000 };

describe('byte budgets on the library build', () => {
  /** The department listed by the most documents (市人社局 is in all of them): the longest task list. */
  const widest = [...new Set(links.map((l) => l.abbr))]
    .map((abbr) => ({ abbr, n: links.filter((l) => l.abbr === abbr).length }))
    .sort((a, b) => b.n - a.n)[0]!;

  test(`/: HTML+CSS ≤ ${READING_BUDGET} B gzip, scripts ≤ ${READING_JS_BUDGET} B gzip`, async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const w = await weighPage(page, site, DIST_LIBRARY, '');
    expect(w.bytes.html.gzip).toBeGreaterThan(0);
    expect(w.bytes.html.gzip + w.bytes.css.gzip).toBeLessThanOrEqual(READING_BUDGET);
    expect(w.bytes.js.gzip).toBeLessThanOrEqual(READING_JS_BUDGET);
    await page.context().close();
  });

  // A department's first page holds its whole task list, every task's text in full (issue 22),
  // so it grows with the library by design. What is budgeted is what the page adds around that
  // text: HTML+CSS gzip less the gzip of the text a reader sees in <main>.
  test(`/departments/<widest>/: markup and style around the tasks' text ≤ ${MARKUP_BUDGET.fixed} B + ${MARKUP_BUDGET.perDocument} B a document, gzip; scripts ≤ ${READING_JS_BUDGET} B gzip`, async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const w = await weighPage(page, site, DIST_LIBRARY, `departments/${deptByAbbr(widest.abbr).id}/`);
    const text = await page.locator('main').innerText();
    const textGzip = gzipSize(Buffer.from(text));
    expect(text).toContain(widest.abbr);
    expect(textGzip).toBeGreaterThan(1_000);
    const documents = new Set(links.filter((l) => l.abbr === widest.abbr).map((l) => l.doc)).size;
    expect(documents).toBeGreaterThan(1);
    expect(w.bytes.html.gzip + w.bytes.css.gzip - textGzip)
      .toBeLessThanOrEqual(MARKUP_BUDGET.fixed + MARKUP_BUDGET.perDocument * documents);
    expect(w.bytes.js.gzip).toBeLessThanOrEqual(READING_JS_BUDGET);
    await page.context().close();
  });
});
