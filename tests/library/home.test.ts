/**
 * The library home and its filters, on the library build: every document with its metadata and
 * counts, newest first; the year and issuer pages list exactly their documents; one click from an
 * entry reaches the document's full text.
 */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { departmentsOf, docs, fixtures, registry, seed, type ExpectedDoc } from './expected.ts';
import { anchorsIn, element, elements, main, page, squashed, text } from './pages.ts';

interface Entry { title: string; titleHref: string; meta: Record<string, string>; counts: string; links: { href: string; text: string }[] }

/** The documents a list page shows, in order. */
function entries(path: string): Entry[] {
  return elements(main(page(path)), 'li', /<li class="pe-lib__item"/).map((li) => {
    const h3 = element(li, 'h3', /<h3\b/);
    const meta = Object.fromEntries(elements(li, 'div', /<div\b/).map((div) => [text(element(div, 'dt', /<dt\b/)), text(element(div, 'dd', /<dd\b/))]));
    return {
      title: text(h3),
      titleHref: anchorsIn(h3)[0]!.href,
      meta,
      counts: text(element(li, 'p', /<p class="pe-lib__counts"/)),
      links: anchorsIn(li),
    };
  });
}

/** The filter links of the home page: label → href, with the count shown beside it. */
function facets(heading: string): { label: string; href: string; count: string }[] {
  const nav = element(main(page('')), 'nav', /<nav class="pe-lib-filters"/);
  const group = elements(nav, 'div', /<div class="pe-lib-filters__group"/).find((g) => text(element(g, 'h3', /<h3\b/)) === heading);
  expect(group, `filter group ${heading}`).toBeDefined();
  return elements(group!, 'li', /<li\b/).map((li) => ({ label: text(element(li, 'a', /<a\b/)), href: anchorsIn(li)[0]!.href, count: text(element(li, 'span', /<span\b/)) }));
}

const expectEntry = (e: Entry, d: ExpectedDoc) => {
  expect(e.title).toBe(d.title);
  expect(e.titleHref).toBe(`/policies/${d.id}/`);
  expect(e.meta).toEqual({ [t.library.docNumber]: d.docNumber, [t.library.issuer]: d.issuer, [t.library.date]: d.date });
  expect(e.counts).toBe(t.library.counts(d.provisions.length, departmentsOf(d).size));
};

describe('library home (/)', () => {
  test('the fixtures make a library: several years, several issuers, the seed among them', () => {
    expect(docs.map((d) => d.id)).toContain('jjzz-2020-5');
    // Ids by the rule of src/convert/doc-id.ts, worked out by hand: pinyin initials of the issuer's code.
    expect(fixtures.map((d) => d.id).sort()).toEqual(['jcz-2021-3', 'jcz-2022-7', 'jsbz-2022-1']);
    expect(new Set(docs.map((d) => d.year)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(docs.map((d) => d.issuer)).size).toBeGreaterThanOrEqual(3);
    for (const d of fixtures) expect(d.title).toMatch(/示例|测试/);
  });

  test('lists every document, newest first, with title, 发文字号, 发文机关, 成文日期 and provision and department counts', () => {
    const list = entries('');
    expect(list.map((e) => e.title)).toEqual(docs.map((d) => d.title));
    list.forEach((e, i) => expectEntry(e, docs[i]!));
    // Newest first, by the dates written in the texts.
    const dates = docs.map((d) => d.dateISO);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(text(main(page('')))).toContain(t.library.intro(docs.length));
  });

  test('the year filters: one link per year with its count; each year page lists exactly that year’s documents', () => {
    const years = [...new Set(docs.map((d) => d.year))].sort().reverse();
    const links = facets(t.library.byYear);
    expect(links.map((l) => l.label)).toEqual(years);
    for (const year of years) {
      const link = links.find((l) => l.label === year)!;
      const expected = docs.filter((d) => d.year === year);
      expect(link.href).toBe(`/library/year/${year}/`);
      expect(link.count).toBe(t.library.count(expected.length));
      const list = entries(link.href);
      expect(list.map((e) => e.title), year).toEqual(expected.map((d) => d.title));
      list.forEach((e, i) => expectEntry(e, expected[i]!));
      expect(text(element(page(link.href), 'h1', /<h1\b/))).toBe(t.library.yearTitle(year));
    }
  });

  test('the issuer filters: one link per body, however its documents write it (through the registry), with its count; each issuer page lists exactly its documents', () => {
    // A document's issuer as written names a registry body when it is the body's abbreviation or full name,
    // or the full name without 天津 (市就业工作领导小组 / 天津市就业工作领导小组); the filter shows the full name.
    const bodyOf = (issuer: string) => registry.find((r) => r.abbr === issuer || r.name === issuer || r.name === `天津${issuer}`);
    const labelOf = (issuer: string) => bodyOf(issuer)?.name ?? issuer;
    const written = [...new Set(docs.map((d) => d.issuer))];
    const labels = [...new Set(written.map(labelOf))];
    expect(labels.length, 'the fixtures write one body two ways (市就业工作领导小组, 天津市就业工作领导小组)').toBeLessThan(written.length);
    expect(written).toEqual(expect.arrayContaining(['市就业工作领导小组', '天津市就业工作领导小组']));
    const links = facets(t.library.byIssuer);
    expect(links.map((l) => l.label).sort()).toEqual([...labels].sort());
    // An issuer of several documents lists them all.
    expect(labels.some((i) => docs.filter((d) => labelOf(d.issuer) === i).length > 1)).toBe(true);
    for (const label of labels) {
      const link = links.find((l) => l.label === label)!;
      const expected = docs.filter((d) => labelOf(d.issuer) === label);
      const body = bodyOf(expected[0]!.issuer);
      expect(link.href).toBe(body ? `/library/issuer/${body.id}/` : link.href);
      expect(link.href).toMatch(/^\/library\/issuer\/[a-z0-9-]+\/$/);
      expect(link.count).toBe(t.library.count(expected.length));
      const list = entries(link.href);
      expect(list.map((e) => e.title), label).toEqual(expected.map((d) => d.title));
      // Each document shows its issuer as its own text writes it.
      list.forEach((e, i) => expectEntry(e, expected[i]!));
      expect(text(element(page(link.href), 'h1', /<h1\b/))).toBe(t.library.issuerTitle(label));
    }
    expect(new Set(links.map((l) => l.href)).size, 'issuer slugs are unique').toBe(links.length);
  });

  test('each entry reaches the document’s full text in one click', () => {
    for (const [i, e] of entries('').entries()) {
      const d = docs[i]!;
      const full = e.links.find((l) => l.href === `/policies/${d.id}/text/`);
      expect(full, `${d.title}: a link to its full text`).toBeDefined();
      expect(full!.text).toContain(t.doc.readAll);
      const body = squashed(main(page(full!.href)));
      for (const m of d.provisions) expect(body, `${d.id} ${m.id}`).toContain(m.line.replace(/\s+/gu, ''));
      for (const p of d.preamble) expect(body).toContain(p.replace(/\s+/gu, ''));
    }
  });

  test('the seed is in the library under its own id and title', () => {
    const e = entries('').find((x) => x.titleHref === `/policies/${seed.id}/`);
    expect(e?.title).toBe(seed.title);
  });
});
