/**
 * Links between documents: a document that names another of the library by its 《title》 or its
 * 发文字号 links there, and the cited document lists it under 被以下文件引用 (and the citing one
 * lists it under 本文件引用的文库文件). Expectations come from the texts.
 */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { citedBy, docs, fixtures, seed, type ExpectedDoc } from './expected.ts';
import { anchorsIn, element, elements, main, page, text } from './pages.ts';

/** The fixture that implements the seed: 依据《title》（发文字号） in its preamble. */
const implementer = fixtures.find((d) => d.preamble.join('').includes(`依据《${seed.title}》（${seed.docNumber}）`));

/** Who cites whom, from the texts. */
const edges = docs.flatMap((d) => citedBy(d).map((o) => ({ from: d, to: o })));
const citing = (o: ExpectedDoc) => edges.filter((e) => e.to === o).map((e) => e.from);

type Where = { where: 'preamble' | 'notice'; provision?: undefined } | { where: 'provision'; provision: string };

/** The forms in which `from`'s text names `to`, and where each sits. */
function mentions(from: ExpectedDoc, to: ExpectedDoc): ({ form: string } & Where)[] {
  const out: ({ form: string } & Where)[] = [];
  for (const form of [`《${to.title}》`, to.docNumber]) {
    if (from.preamble.some((p) => p.includes(form))) out.push({ form, where: 'preamble' });
    if (from.notice.some((p) => p.includes(form))) out.push({ form, where: 'notice' });
    for (const m of from.provisions.filter((x) => x.text.includes(form))) out.push({ form, where: 'provision', provision: m.id });
  }
  return out;
}

/** The pages and regions where a mention shows: the notice and preamble on the document's home and full text, a provision on the full text and its own page. */
function regions(from: ExpectedDoc, w: Where): { path: string; html: string }[] {
  if (w.where === 'provision') {
    return [
      { path: `policies/${from.id}/text/#m${w.provision}`, html: element(page(`policies/${from.id}/text/`), 'section', new RegExp(`<section class="pe-provision" id="m${w.provision}"`)) },
      { path: `policies/${from.id}/${w.provision}/`, html: element(page(`policies/${from.id}/${w.provision}/`), 'div', /<div class="pe-provision__text"/) },
    ];
  }
  const open = w.where === 'preamble' ? /<div class="pe-doc__preamble"/ : /<div class="pe-doc__notice"/;
  return [`policies/${from.id}/`, `policies/${from.id}/text/`].map((path) => ({ path: `${path} (${w.where})`, html: element(page(path), 'div', open) }));
}

/** The document list of a metadata row (dt text → its links). */
function metaRow(d: ExpectedDoc, label: string): { href: string; text: string }[] | undefined {
  const html = main(page(`policies/${d.id}/`));
  const row = elements(html, 'div', /<div class="pe-meta__row"/).find((r) => text(element(r, 'dt', /<dt\b/)) === label);
  return row ? anchorsIn(element(row, 'dd', /<dd\b/)) : undefined;
}

describe('the fixtures cite as the brief says', () => {
  test('a fixture cites the seed by title and by 发文字号 in its preamble (依据《…》（津就组字〔2020〕5号）)', () => {
    expect(implementer).toBeDefined();
  });
  test('another fixture names the seed by its 发文字号 alone, in running text (参照津就组字〔2020〕5号文件…)', () => {
    expect(fixtures.some((d) => d !== implementer && d.body.includes(seed.docNumber) && !d.body.includes(`《${seed.title}》`))).toBe(true);
  });
  test('a fixture cites another fixture by title, in its preamble and in a provision', () => {
    const byTitle = edges.filter((e) => e.from.fixture && e.to.fixture).flatMap((e) => mentions(e.from, e.to)).filter((m) => m.form.startsWith('《'));
    expect(byTitle.map((m) => m.where).sort()).toEqual(expect.arrayContaining(['provision', 'preamble']));
  });
});

describe('mentions of another document link to it', () => {
  for (const { from, to } of edges) {
    for (const m of mentions(from, to)) {
      test(`${from.id} names ${m.form} (${m.where}${m.provision ? ` ${m.provision}` : ''}): it links to /policies/${to.id}/`, () => {
        for (const { path, html } of regions(from, m)) {
          expect(html, path).not.toBe('');
          const links = anchorsIn(html).filter((l) => l.text === m.form);
          // What the page made of the mention, for the failure message: cited titles and 发文字号 as marked up.
          const marked = [...html.matchAll(/<(?:a|span|cite)\b[^>]*class="[^"]*pe-(?:docno|cite|doc-link)[^"]*"[^>]*>([\s\S]*?)<\/(?:a|span|cite)>/g)].map((x) => text(x[1]!));
          expect(links.length, `${path}: a link whose text is ${m.form}; marked up: ${JSON.stringify(marked)}`).toBeGreaterThan(0);
          for (const l of links) expect(l.href, path).toBe(`/policies/${to.id}/`);
        }
      });
    }
  }

  test('the seed’s title and 津就组字〔2020〕5号 in the citing fixture’s preamble both link to /policies/jjzz-2020-5/', () => {
    const links = anchorsIn(element(page(`policies/${implementer!.id}/`), 'div', /<div class="pe-doc__preamble"/));
    expect(links.filter((l) => l.text === `《${seed.title}》`).map((l) => l.href)).toEqual(['/policies/jjzz-2020-5/']);
    expect(links.filter((l) => l.text === seed.docNumber).map((l) => l.href)).toEqual(['/policies/jjzz-2020-5/']);
  });

  test('the reference index of a citing document links the cited document of the library', () => {
    for (const { from, to } of edges.filter((e) => e.from.body.includes(`《${e.to.title}》`))) {
      const html = main(page(`policies/${from.id}/references/`));
      const entry = anchorsIn(html).filter((l) => l.text === `《${to.title}》`);
      expect(entry.map((l) => l.href), `${from.id} → ${to.id}`).toContain(`/policies/${to.id}/`);
    }
  });

  test('a document does not link to itself (its own title in its notice stays text)', () => {
    for (const d of docs) {
      const own = anchorsIn(main(page(`policies/${d.id}/text/`))).filter((l) => l.text === `《${d.title}》`);
      for (const l of own) expect(l.href, d.id).not.toBe(`/policies/${d.id}/`);
    }
  });
});

describe('被以下文件引用 and 本文件引用的文库文件 on each document’s home', () => {
  for (const d of docs) {
    const by = citing(d);
    test(`/policies/${d.id}/: cited by ${by.map((x) => x.id).join(', ') || 'none'}`, () => {
      const html = main(page(`policies/${d.id}/`));
      const row = elements(html, 'div', /<div class="pe-meta__row"/).find((r) => text(element(r, 'dt', /<dt\b/)) === t.library.citedBy);
      expect(row, '被以下文件引用 row').toBeDefined();
      const links = anchorsIn(element(row!, 'dd', /<dd\b/));
      expect(links.map((l) => l.href)).toEqual(expect.arrayContaining(by.map((x) => `/policies/${x.id}/`)));
      expect(links).toHaveLength(by.length);
      for (const x of by) expect(text(element(row!, 'dd', /<dd\b/))).toContain(`《${x.title}》（${x.docNumber}）`);
      if (by.length === 0) expect(text(element(row!, 'dd', /<dd\b/))).toBe(t.library.noneCiting);
    });

    const cites = citedBy(d);
    test(`/policies/${d.id}/: cites ${cites.map((x) => x.id).join(', ') || 'none'} of the library`, () => {
      const links = metaRow(d, t.library.cites);
      if (cites.length === 0) expect(links).toBeUndefined();
      else expect(links!.map((l) => l.href).sort()).toEqual(cites.map((x) => `/policies/${x.id}/`).sort());
    });
  }

  test('the seed lists the fixture that cites it, and the fixture cited by another fixture lists that one', () => {
    expect(citing(seed).filter((d) => d.fixture).length).toBeGreaterThanOrEqual(2);
    expect(fixtures.some((f) => citing(f).some((x) => x.fixture))).toBe(true);
  });
});
