/** The summary pages and the print stylesheet in the built site. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { citedTitle, headlineTitle } from '../../src/model/derive.ts';
import { attrs, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { provisions, policy } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { doc, fileOf, href, provision } from '../helpers/urls.ts';

const SUMMARY = doc('summary/');
const chapterSummary = (n: number) => doc(`summary/${n}/`);

describe('summary pages', () => {
  test('the document’s summary and one page per chapter', () => {
    const built = pages(DIST);
    expect(built).toContain(fileOf(SUMMARY));
    for (const c of policy.chapters) expect(built).toContain(fileOf(chapterSummary(c.number)));
    expect(built.filter((p) => p.startsWith(SUMMARY))).toHaveLength(policy.chapters.length + 1);
  });

  test('the summary lists every provision with its id, headline and a link to it, and links each chapter summary', () => {
    const html = readPage(DIST, fileOf(SUMMARY));
    const main = inner(html, 'main');
    for (const m of provisions) {
      expect(main).toContain(`id="s${m.id}"`);
      expect(htmlText(main)).toContain(`${m.id}${m.marker}${headlineTitle(m.headline)}`);
    }
    const hrefs = attrs(main, 'href');
    for (const m of provisions) expect(hrefs).toContain(href(provision(m.id)));
    for (const c of policy.chapters) expect(hrefs).toContain(href(chapterSummary(c.number)));
    // Without JavaScript the chapter chooser stays hidden; the links above remain.
    expect(html).toMatch(/<fieldset class="pe-sum-tools__choose" data-print-choose hidden>/);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });

  test('a chapter summary has only its own provisions', () => {
    for (const c of policy.chapters) {
      const main = htmlText(inner(readPage(DIST, fileOf(chapterSummary(c.number))), 'main'));
      for (const m of provisions) expect(main.includes(headlineTitle(m.headline)), `${c.number}: ${m.id}`).toBe(m.chapter === c.number);
    }
  });

  test('the document’s home and its doc bar link to the summary', () => {
    const home = readPage(DIST, fileOf(doc()));
    expect(attrs(inner(home, 'main'), 'href')).toContain(href(SUMMARY));
    for (const p of [doc(), provision(provisions[0]!.id)])
      expect(attrs(inner(readPage(DIST, fileOf(p)), 'div', /<div class="pe-docbar"[^>]*>/), 'href'), p).toContain(href(SUMMARY));
  });
});

describe('the print stylesheets', () => {
  test('the document’s is built from the model and linked from each of its pages for print only, also under a sub-path', () => {
    const css = readFileSync(join(DIST, doc('print.css')), 'utf8');
    expect(css).toContain(policy.docNumber);
    expect(css).toContain(`《${citedTitle(policy)}》`);
    for (const [dist, base] of [[DIST, '/'], [DIST_SUB, SUB_PATH]] as const) {
      expect(existsSync(join(dist, doc('print.css')))).toBe(true);
      for (const page of pages(dist).filter((p) => p.startsWith(doc())))
        expect(readPage(dist, page), page).toContain(`<link rel="stylesheet" href="${base}${doc('print.css')}" media="print">`);
    }
  });

  test('the library’s carries the site name, not a document, and is linked from every other page for print only', () => {
    const css = readFileSync(join(DIST, 'print.css'), 'utf8');
    expect(css).toMatch(/@bottom-left\s*\{\s*content: "政策通览";/);
    expect(css).not.toContain(policy.docNumber);
    expect(css).not.toContain(citedTitle(policy));
    for (const [dist, base] of [[DIST, '/'], [DIST_SUB, SUB_PATH]] as const) {
      expect(existsSync(join(dist, 'print.css'))).toBe(true);
      const others = pages(dist).filter((p) => !p.startsWith('policies/'));
      expect(others).toEqual(expect.arrayContaining(['index.html', 'departments/index.html', 'search/index.html', 'data/index.html']));
      for (const page of others) expect(readPage(dist, page), page).toContain(`<link rel="stylesheet" href="${base}print.css" media="print">`);
    }
  });
});

describe('what each provision does, in its own words', () => {
  const main = inner(readPage(DIST, fileOf(SUMMARY)), 'main');
  /** The summary's entry for a provision: its article, up to the next. */
  const entry = (id: string) => main.slice(main.indexOf(`id="s${id}"`), main.indexOf('</article>', main.indexOf(`id="s${id}"`)));

  test('every provision lists its action clauses; each is the text’s own words and links to its place', () => {
    for (const m of provisions) {
      const list = inner(entry(m.id), 'ul', /<ul class="pe-sum-actions"[^>]*>/);
      const items = [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((x) => x[1]!);
      expect(items.length, m.id).toBeGreaterThan(0);
      let from = 0;
      for (const item of items) {
        const clause = htmlText(item);
        // Verbatim and in reading order: each clause occurs in the provision's text after the previous one.
        const at = m.text.indexOf(clause, from);
        expect(at, `${m.id}: ${clause}`).toBeGreaterThanOrEqual(0);
        from = at + clause.length;
        expect(attrs(item, 'href')).toEqual([`${href(provision(m.id))}?highlight=${encodeURIComponent(clause)}`]);
      }
    }
  });

  test('the headline and the departments of each entry come from the text', () => {
    for (const m of provisions) {
      const e = entry(m.id);
      // The headline, as the title shows it.
      expect(m.text).toContain(headlineTitle(m.headline));
      for (const d of m.attribution?.departments ?? []) expect(htmlText(e)).toContain(d.abbr);
    }
  });
});
