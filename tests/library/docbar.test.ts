/**
 * Every page of a document says which document it belongs to: on every /policies/<id>/… page of
 * the library build, the document bar shows that document's title and 发文字号 and links to its
 * home; the footer names it too, and on paper the running footer of the page's print stylesheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST_LIBRARY } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';
import { docById, docs } from './expected.ts';
import { anchorsIn, element, elements, page, text } from './pages.ts';

const documentPages = sitePages(DIST_LIBRARY).filter((p) => p.path.startsWith('policies/'));

test('every document has its pages: home, full text, each provision, 任务分工表, summary, references, data', () => {
  for (const d of docs) {
    const own = documentPages.filter((p) => p.path.startsWith(`policies/${d.id}/`)).map((p) => p.path);
    expect(own).toEqual(expect.arrayContaining([
      `policies/${d.id}/`, `policies/${d.id}/text/`, `policies/${d.id}/departments/`, `policies/${d.id}/summary/`,
      `policies/${d.id}/references/`, `policies/${d.id}/data/`, ...d.provisions.map((m) => `policies/${d.id}/${m.id}/`),
    ]));
  }
  expect(new Set(documentPages.map((p) => p.path.split('/')[1]))).toEqual(new Set(docs.map((d) => d.id)));
});

describe('the document bar names the page’s document', () => {
  for (const { path } of documentPages) {
    test(`/${path}`, () => {
      const d = docById(path.split('/')[1]!);
      const html = page(path);
      const bars = elements(html, 'div', /<div class="pe-docbar"/);
      expect(bars, 'one document bar').toHaveLength(1);
      const doc = element(bars[0]!, 'p', /<p class="pe-docbar__doc"/);
      const title = anchorsIn(doc).find((a) => a.html.includes('pe-docbar__title'));
      expect(title?.text).toBe(d.title);
      expect(title?.href).toBe(`/policies/${d.id}/`);
      expect(text(element(doc, 'span', /<span class="pe-docbar__number"/))).toBe(d.docNumber);
      // Before <main>, so a reader arriving from a shared link sees it first.
      expect(html.indexOf('class="pe-docbar"')).toBeLessThan(html.indexOf('<main'));
      // The footer, and the print stylesheet (its running footer), name the same document.
      expect(text(element(html, 'footer', /<footer class="pe-footer"/))).toContain(`${d.title}（${d.docNumber}）`);
      const print = /<link rel="stylesheet" href="([^"]+)" media="print"/.exec(html)?.[1];
      expect(print).toBe(`/policies/${d.id}/print.css`);
      const css = readFileSync(join(DIST_LIBRARY, print!), 'utf8');
      expect(css).toContain(d.title);
      expect(css).toContain(d.docNumber);
    });
  }
});
