/**
 * The library's filters on the library build: 文种 (from the titles), 时效性 (the fixtures'
 * metadata on the build day), 年份 and 主题分类 (the fixtures' topics in documents.yaml). Every
 * document is listed under exactly the filters its metadata says, each link's count is the number
 * of documents its page lists, the page marks its own link (aria-current), and the search records
 * and the search form carry the same values. Expectations come from the texts and the fixtures'
 * YAML, through the model's rules (src/model/doc-kind.ts, status.ts, topics.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { t } from '../../src/site/strings.ts';
import { docKinds, docKindSlug, type DocKind } from '../../src/model/doc-kind.ts';
import { STATUS_SLUGS, statusOn, type DocumentMeta } from '../../src/model/status.ts';
import { flattenTopics, topicsOf, topicsSchema } from '../../src/model/topics.ts';
import { CONTENT_DIR, DIST_LIBRARY, LIBRARY_FIXTURES } from '../helpers/paths.ts';
import { docs, type ExpectedDoc } from './expected.ts';
import { anchorsIn, element, elements, main, page, text } from './pages.ts';

const scheme = flattenTopics(topicsSchema.parse(parseYaml(readFileSync(join(CONTENT_DIR, 'topics.yaml'), 'utf8'))));
const metaYaml = parseYaml(readFileSync(join(LIBRARY_FIXTURES, 'documents.yaml'), 'utf8')) as ({ source: string } & DocumentMeta)[];
const metaOf = (d: ExpectedDoc) => metaYaml.find((m) => m.source === d.file);
const today = new Date().toISOString().slice(0, 10);

/** Per filter: its heading, the page title, and what a document is listed under (slug → label). */
const FACETS = {
  kind: {
    heading: t.library.byKind, title: t.library.kindTitle,
    of: (d: ExpectedDoc) => new Map(docKinds({ title: d.noticeTitle, provisionsTitle: d.title }).map((k: DocKind) => [docKindSlug(k), k])),
  },
  status: {
    heading: t.library.byStatus, title: t.library.statusTitle,
    of: (d: ExpectedDoc) => { const s = statusOn(metaOf(d), today).status; return new Map([[STATUS_SLUGS[s], s as string]]); },
  },
  year: { heading: t.library.byYear, title: t.library.yearTitle, of: (d: ExpectedDoc) => new Map([[d.year, d.year]]) },
  topic: {
    heading: t.library.byTopic, title: t.library.topicTitle,
    of: (d: ExpectedDoc) => new Map(topicsOf(metaOf(d)?.topics ?? [], scheme).map((x) => [x.id, x.name])),
  },
} as const;
type Kind = keyof typeof FACETS;

interface Link { label: string; href: string; count: string; current: boolean }
/** The links of one filter group on a list page, nested ones (sub-topics) included. */
function links(path: string, heading: string): Link[] {
  const nav = element(main(page(path)), 'nav', /<nav class="pe-lib-filters"/);
  const group = elements(nav, 'div', /<div class="pe-lib-filters__group"/).find((g) => text(element(g, 'h3', /<h3\b/)) === heading);
  expect(group, `filter group ${heading}`).toBeDefined();
  return elements(group!, 'li', /<li\b/).map((li) => {
    const a = element(li, 'a', /<a\b/);
    return { label: text(a), href: anchorsIn(li)[0]!.href, count: text(element(li, 'span', /<span\b/)), current: /aria-current="page"/.test(a.slice(0, a.indexOf('>'))) };
  });
}
const listed = (path: string) => elements(main(page(path)), 'li', /<li class="pe-lib__item"/).map((li) => text(element(li, 'h3', /<h3\b/)));

describe('the library filters', () => {
  test('the fixtures make every filter worth having: two kinds or more, several statuses, topics with a sub-topic', () => {
    for (const kind of ['kind', 'status', 'topic'] as const)
      expect(new Set(docs.flatMap((d) => [...FACETS[kind].of(d).keys()])).size, kind).toBeGreaterThan(1);
    // An 印发 notice is listed under 通知 and under the carried document's kind.
    expect(docs.every((d) => FACETS.kind.of(d).has('tongzhi'))).toBe(true);
  });

  test.each(Object.keys(FACETS) as Kind[])('%s: one link per value with its count; each page lists exactly its documents, newest first, and marks its link', (kind) => {
    const f = FACETS[kind];
    const expected = new Map<string, { label: string; docs: ExpectedDoc[] }>();
    for (const d of docs) for (const [slug, label] of f.of(d)) expected.set(slug, { label, docs: [...(expected.get(slug)?.docs ?? []), d] });
    const home = links('', f.heading);
    expect(home.map((l) => l.href).sort()).toEqual([...expected.keys()].map((slug) => `/library/${kind}/${slug}/`).sort());
    expect(home.some((l) => l.current), 'nothing marked on the home page').toBe(false);
    for (const link of home) {
      const slug = link.href.split('/')[3]!;
      const { label, docs: mine } = expected.get(slug)!;
      expect(link.label).toBe(label);
      expect(link.count).toBe(t.library.count(mine.length));
      // docs are newest first, as every list is.
      expect(listed(link.href), link.href).toEqual(mine.map((d) => d.title));
      expect(text(element(page(link.href), 'h1', /<h1\b/))).toBe(f.title(label));
      const marked = links(link.href, f.heading).filter((l) => l.current);
      expect(marked.map((l) => l.href), `${link.href} marks its own link`).toEqual([link.href]);
    }
  });

  test('every document is listed under exactly the filter pages its metadata says', () => {
    for (const kind of Object.keys(FACETS) as Kind[]) {
      const pages = links('', FACETS[kind].heading).map((l) => l.href);
      for (const d of docs) {
        const under = pages.filter((p) => listed(p).includes(d.title)).sort();
        expect(under, `${d.id} under ${kind}`).toEqual([...FACETS[kind].of(d).keys()].map((slug) => `/library/${kind}/${slug}/`).sort());
      }
    }
  });

  test('the search records carry the same values as Pagefind filters, and the date as the sort key', () => {
    const filterValues = (html: string, key: string) => [...html.matchAll(new RegExp(`<meta name="pagefind-filter-${key}" data-pagefind-filter="${key}\\[content\\]" content="([^"]*)"`, 'g'))].map((m) => m[1]!).sort();
    for (const d of docs) {
      for (const path of [`policies/${d.id}/`, `policies/${d.id}/${d.provisions[0]!.id}/`]) {
        const html = page(path);
        expect(filterValues(html, 'kind'), path).toEqual([...FACETS.kind.of(d).keys()].sort());
        expect(filterValues(html, 'topic'), path).toEqual([...FACETS.topic.of(d).keys()].sort());
        expect(filterValues(html, 'year'), path).toEqual([d.year]);
        expect(filterValues(html, 'status'), path).toEqual([...FACETS.status.of(d).values()]);
        expect(html, path).toContain(`data-pagefind-sort="date[content]" content="${metaOf(d)?.published ?? d.dateISO}"`);
      }
    }
  });

  test('the data say the same: index.json and each policy.json carry the 文种, 时效性, the day it was checked, the official address and the topics', () => {
    const index = JSON.parse(readFileSync(join(DIST_LIBRARY, 'data', 'index.json'), 'utf8')) as { documents: { id: string }[] };
    for (const d of docs) {
      const meta = metaOf(d);
      const expected = {
        kinds: [...FACETS.kind.of(d).values()], status: [...FACETS.status.of(d).values()][0],
        statusChecked: meta?.checked ?? null, officialUrl: meta?.url ?? null,
        topics: [...FACETS.topic.of(d)].map(([id, name]) => ({ id, name })),
      };
      expect(index.documents.find((x) => x.id === d.id), d.id).toMatchObject(expected);
      const policy = JSON.parse(readFileSync(join(DIST_LIBRARY, 'data', d.id, 'policy.json'), 'utf8')) as { document: unknown };
      expect(policy.document, d.id).toMatchObject(expected);
    }
  });

  test('the search form offers every value of every filter, under its address name', () => {
    const html = page('search/');
    for (const kind of Object.keys(FACETS) as Kind[]) {
      const select = element(html, 'select', new RegExp(`<select[^>]*name="${kind}"`));
      const values = [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean).sort();
      expect(values, kind).toEqual(links('', FACETS[kind].heading).map((l) => l.href.split('/')[3]!).sort());
    }
  });
});
