/**
 * The Pagefind index in the built sites: only the text is indexed (each provision's text, and the
 * notice with its preamble on the document's home), with the metadata and filters the search
 * page relies on: the document each record belongs to, its chapter and departments, its order.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { chapterLabel, citedTitle, headlineTitle, labelInChapter } from '../../src/model/derive.ts';
import { provisions, policy } from '../helpers/model.ts';
import { INDEXED_PAGES } from '../../src/integrations/pagefind.ts';
import { DIST, DIST_LIBRARY, DIST_SUB } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';
import { units } from '../helpers/search-cases.ts';
import { DOC, doc, href, provision } from '../helpers/urls.ts';

interface Fragment { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }

function fragments(dist: string): Fragment[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment);
}

/** Pagefind's stored text, without the zero-width spaces it puts between words and the ". " between blocks. */
const plain = (s: string) => s.replace(/[\s\u200b]+/gu, '');

describe.each([['dist', DIST], ['dist-sub', DIST_SUB]])('the search index of %s', (_, dist) => {
  const frags = fragments(dist);

  const urlOf = (id: string) => href(provision(id));
  const HOME = href(doc());

  test('holds the provision pages and the document’s home, nothing else (not the library’s pages)', () => {
    expect(frags.map((f) => f.url).sort()).toEqual([HOME, ...provisions.map((m) => urlOf(m.id))].sort());
  });

  test('indexes exactly the text of each provision: no navigation, buttons, citation or table of contents', () => {
    for (const m of provisions) {
      const f = frags.find((x) => x.url === urlOf(m.id))!;
      expect(plain(f.content), m.id).toBe(plain(units.find((u) => u.id === m.id)!.text));
    }
  });

  test('indexes the notice and preamble on the document’s home, not its table of contents', () => {
    const f = frags.find((x) => x.url === HOME)!;
    const text = plain(f.content).replace(/\./g, '');
    expect(text).toBe(units.find((u) => u.id === 'document')!.text.replace(/\n/g, ''));
    expect(text).not.toContain(headlineTitle(provisions[0]!.headline));
  });

  test('names each provision (id, label, headline) and files it under its chapter and departments', () => {
    for (const m of provisions) {
      const f = frags.find((x) => x.url === urlOf(m.id))!;
      const chapter = policy.chapters.find((c) => c.number === m.chapter)!;
      expect(f.meta.id).toBe(m.id);
      expect(f.meta.title).toBe(`${chapterLabel(m.chapter)}${labelInChapter(m.number)} ${headlineTitle(m.headline)}`);
      expect(f.filters.chapter).toEqual([String(m.chapter)]);
      expect(f.filters.chapterName).toEqual([`${m.chapter} ${chapterLabel(m.chapter)} ${chapter.title}`]);
      expect(f.meta.chapter).toBe(`${chapterLabel(m.chapter)} ${chapter.title}`);
      expect(f.filters.department ?? []).toEqual([...new Set((m.attribution?.departments ?? []).map((d) => d.abbr))]);
    }
  });

  test('names the document of every record (id, title, 发文字号), files it under the document filter, and orders it in the library', () => {
    const title = citedTitle(policy);
    // The seed is the library's only document, rank 0: the order is the reading order within it.
    const order = new Map([[HOME, 0], ...provisions.map((m, i) => [urlOf(m.id), i + 1] as const)]);
    for (const f of frags) {
      expect(f.meta, f.url).toMatchObject({ document: DOC, documentTitle: title, docNumber: policy.docNumber, order: String(order.get(f.url)) });
      expect(f.filters.doc, f.url).toEqual([DOC]);
      expect(f.filters.docName, f.url).toEqual([`${DOC} ${title}（${policy.docNumber}）`]);
    }
    expect(frags.find((f) => f.url === HOME)!.meta).toMatchObject({ kind: 'document', id: 'document' });
  });

  test('ships only the search code the site uses', () => {
    const bundle = join(dist, 'pagefind');
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(bundle, 'pagefind-ui.js'))).toBe(false);
    expect(existsSync(join(bundle, 'pagefind-component-ui.js'))).toBe(false);
  });
});

describe.each([['dist', DIST], ['dist-library', DIST_LIBRARY]])('what Pagefind reads of %s', (_, dist) => {
  const pages = sitePages(dist).map((p) => ({ ...p, indexed: readFileSync(join(dist, p.file), 'utf8').includes('data-pagefind-body') }));

  test('every page with indexed text is one Pagefind reads (INDEXED_PAGES), and Pagefind reads no other kind of page', () => {
    const read = pages.filter((p) => matchesGlob(p.file, INDEXED_PAGES));
    expect(pages.filter((p) => p.indexed && !read.includes(p)).map((p) => p.file)).toEqual([]);
    // What it reads: each document's page and its provisions' pages, and they all have indexed text.
    expect(new Set(read.map((p) => p.type))).toEqual(new Set(['policies/*', 'policies/*/provision']));
    expect(read.filter((p) => !p.indexed).map((p) => p.file)).toEqual([]);
  });
});
