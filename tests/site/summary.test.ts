/** The summary pages and the print stylesheet in the built site. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headlineTitle } from '../../src/views/citation.ts';
import { attrs, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { measures, policy } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';

describe('summary pages', () => {
  test('/summary/ and one page per chapter', () => {
    const built = pages(DIST);
    expect(built).toContain('summary/index.html');
    for (const c of policy.chapters) expect(built).toContain(`summary/${c.number}/index.html`);
    expect(built.filter((p) => p.startsWith('summary/'))).toHaveLength(policy.chapters.length + 1);
  });

  test('/summary/ lists every measure with its id, headline and a link to it, and links each chapter summary', () => {
    const html = readPage(DIST, 'summary/index.html');
    const main = inner(html, 'main');
    for (const m of measures) {
      expect(main).toContain(`id="s${m.id}"`);
      expect(htmlText(main)).toContain(`${m.id}${m.marker}${headlineTitle(m.headline)}`);
    }
    const hrefs = attrs(main, 'href');
    for (const m of measures) expect(hrefs).toContain(`/measures/${m.id}/`);
    for (const c of policy.chapters) expect(hrefs).toContain(`/summary/${c.number}/`);
    // Without JavaScript the chapter chooser stays hidden; the links above remain.
    expect(html).toMatch(/<fieldset class="pe-sum-tools__choose" data-print-choose hidden>/);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });

  test('a chapter summary has only its own measures', () => {
    for (const c of policy.chapters) {
      const main = htmlText(inner(readPage(DIST, `summary/${c.number}/index.html`), 'main'));
      for (const m of measures) expect(main.includes(headlineTitle(m.headline)), `${c.number}: ${m.id}`).toBe(m.chapter === c.number);
    }
  });

  test('the home page and the header link to the summary', () => {
    const home = readPage(DIST, 'index.html');
    expect(attrs(inner(home, 'main'), 'href')).toContain('/summary/');
    expect(attrs(inner(home, 'header', /<header class="pe-header"[^>]*>/), 'href')).toContain('/summary/');
  });
});

describe('the print stylesheet', () => {
  test('is built from the model and linked from every page for print only, also under a sub-path', () => {
    const css = readFileSync(join(DIST, 'print.css'), 'utf8');
    expect(css).toContain(policy.docNumber);
    expect(css).toContain(`《${policy.measuresTitle}》`);
    for (const [dist, base] of [[DIST, '/'], [DIST_SUB, SUB_PATH]] as const) {
      expect(existsSync(join(dist, 'print.css'))).toBe(true);
      for (const page of pages(dist)) expect(readPage(dist, page), page).toContain(`<link rel="stylesheet" href="${base}print.css" media="print">`);
    }
  });
});
