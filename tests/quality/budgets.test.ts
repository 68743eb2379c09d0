/**
 * Byte budgets (bytes are deterministic, so they are asserted): the pages people open from a
 * shared link stay light. Pages are picked by URL pattern among the pages actually built, so a
 * type joins the budget as soon as its feature is merged.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, PHONE } from '../helpers/browser.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, DIST_LIBRARY } from '../helpers/paths.ts';
import { gzipSize, sitePages, weighPage } from '../helpers/site.ts';

/** HTML + CSS of a reading page, gzip. */
const READING_BUDGET = 20_000;
/**
 * Scripts of a reading page, gzip: the site's small enhancement script and a search loader, no more.
 * 5,000 B until issue 22 taught the highlighter not to mark a word inside a department's name
 * (市退役军人局) and added the status mark; the largest page (a department's task list with its
 * diagram button) then weighs 5,105 B.
 */
const READING_JS_BUDGET = 5_200;
/** HTML + CSS of the graph page, gzip: its diagram is drawn at build time, every view in the page. */
const GRAPH_BUDGET = 45_000;
/** Scripts of the graph page, gzip: a reading page's, plus the diagram's view and zoom buttons (no diagram library). */
const GRAPH_JS_BUDGET = 8_000;
/**
 * The search page's HTML in the library build (4 documents, 24 departments), gzip: it lists no
 * document or chapter (each search offers those it finds), so it does not grow with the documents.
 * 4,200 B until issue 22 item 10 added the library's filters to the form (文种, 发布机关, 时效性,
 * 年份, 主题分类: about 600 B gzip here, 4,853 B in all): their values are bounded by the schemes
 * (at most 25 kinds, 5 statuses, the topics of content/topics.yaml) or grow with the issuers and
 * the years, never with the documents; listing the 4 documents and their chapters again would still
 * take it over.
 */
const SEARCH_HTML_BUDGET = 5_300;
/**
 * What the search page fetches besides Pagefind, library build, bytes as served: the lexicon (on the
 * first query: thesaurus, department names, groups) and the library's own words with the pinyin
 * table (only when a search finds nothing; capped at 3,000 words, src/site/vocabulary.ts).
 */
const LEXICON_BUDGET = 16_000;
const WORDS_BUDGET = 24_000;

const site = inject('siteUrl');
const pages = sitePages(DIST);
const first = (type: string) => pages.find((p) => p.type === type);
/** The library's home, a provision of a document, a department's task list. */
const BUDGETED = ['home', 'policies/*/provision', 'departments/*'];
const budgeted = BUDGETED.map(first).filter((p) => p !== undefined);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext(PHONE)).newPage();
});
afterAll(async () => browser?.close());

describe('byte budgets', () => {
  test('the budgeted page types are built: the home page, a provision, a department', () => {
    expect(budgeted.map((p) => p.type)).toEqual(BUDGETED);
  });

  for (const { path } of budgeted) {
    test(`/${path}: HTML+CSS ≤ ${READING_BUDGET} B gzip, scripts ≤ ${READING_JS_BUDGET} B gzip`, async () => {
      const w = await weighPage(page, site, DIST, path);
      expect(w.bytes.html.gzip).toBeGreaterThan(0);
      expect(w.bytes.html.gzip + w.bytes.css.gzip).toBeLessThanOrEqual(READING_BUDGET);
      expect(w.bytes.js.gzip).toBeLessThanOrEqual(READING_JS_BUDGET);
    });
  }

  const graph = first('policies/*/graph');
  test(`/${graph?.path ?? 'policies/<id>/graph/'}: HTML+CSS (the drawn diagram included) ≤ ${GRAPH_BUDGET} B gzip, scripts ≤ ${GRAPH_JS_BUDGET} B gzip (no diagram library)`, async () => {
    expect(graph, 'a document graph page is built').toBeDefined();
    const w = await weighPage(page, site, DIST, graph!.path);
    expect(w.bytes.js.gzip).toBeGreaterThan(0);
    expect(w.bytes.html.gzip + w.bytes.css.gzip).toBeLessThanOrEqual(GRAPH_BUDGET);
    expect(w.bytes.js.gzip).toBeLessThanOrEqual(GRAPH_JS_BUDGET);
  });

  test(`/search/lexicon.json ≤ ${LEXICON_BUDGET} B and /search/words.json ≤ ${WORDS_BUDGET} B in the library build`, () => {
    const bytes = (f: string) => readFileSync(join(DIST_LIBRARY, 'search', f)).length;
    console.log(`[budgets] lexicon.json ${bytes('lexicon.json')} B (${gzipSize(readFileSync(join(DIST_LIBRARY, 'search', 'lexicon.json')))} B gzip), words.json ${bytes('words.json')} B (${gzipSize(readFileSync(join(DIST_LIBRARY, 'search', 'words.json')))} B gzip)`);
    expect(bytes('lexicon.json')).toBeLessThanOrEqual(LEXICON_BUDGET);
    expect(bytes('words.json')).toBeLessThanOrEqual(WORDS_BUDGET);
  });

  test(`/search/ of the library build: HTML ≤ ${SEARCH_HTML_BUDGET} B gzip, and no larger than the single document's`, () => {
    const size = (dist: string) => gzipSize(readFileSync(join(dist, 'search', 'index.html')));
    const [single, library] = [size(DIST), size(DIST_LIBRARY)];
    expect(library).toBeLessThanOrEqual(SEARCH_HTML_BUDGET);
    // The single document's page lists that document, its chapters and (without JavaScript) its contents.
    expect(library).toBeLessThanOrEqual(single);
  });
});
