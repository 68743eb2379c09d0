/**
 * The document's references page (/policies/<id>/references/) lists everything the seed cites, names and promises — computed here from the seed
 * text with regexes, not from src/views/references.ts — and the text's mentions link to it.
 */
import { describe, expect, test } from 'vitest';
import { attrs, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { provisionLinesFromSeed, policy } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { doc, fileOf, href, provision } from '../helpers/urls.ts';

const REFERENCES = doc('references/');
const html = readPage(DIST, fileOf(REFERENCES));
const main = inner(html, 'main');
const lines = provisionLinesFromSeed();
/** Every text that may cite: the preamble and the provision lines (marker included: it has no 《“ or digits). */
const places: [string, string][] = [['preamble', policy.preamble.join('')], ...lines];
const placeHref = (p: string) => (p === 'preamble' ? href(doc('text/#preamble')) : href(provision(p)));
/** The provision id of a link to a provision's page. */
const provisionOf = (link: string) => link.match(new RegExp(`^${href(doc())}(\\d+-\\d+)/$`))![1]!;

/** The entries of one kind on the page: anchor id → inner HTML. */
function entries(tag: 'section' | 'li', prefix: string): Map<string, string> {
  const ids = [...main.matchAll(new RegExp(`<${tag} id="(${prefix}-\\d+)"`, 'g'))].map((m) => m[1]!);
  return new Map(ids.map((id) => [id, inner(main, tag, new RegExp(`<${tag} id="${id}"[^>]*>`))]));
}
const heading = (entry: string) => htmlText(inner(entry, 'h3'));
const hrefs = (entry: string) => attrs(entry, 'href');

const docs = entries('section', 'doc');
const progs = entries('section', 'prog');
const figs = entries('li', 'fig');

describe('cited documents', () => {
  const titles = [...new Set(places.flatMap(([, t]) => [...t.matchAll(/《([^》]+)》/g)].map((m) => m[1]!)))];
  test('every 《…》 of the seed, each once, the implemented document first', () => {
    expect(titles.length).toBeGreaterThan(5);
    expect([...docs.values()].map(heading).sort()).toEqual(titles.map((t) => `《${t}》`).sort());
    const first = [...docs.values()][0]!;
    expect(heading(first)).toBe(`《${policy.implements!.title}》`);
    expect(htmlText(first)).toContain(policy.implements!.number);
  });
  test('each with a link to every place that cites it, and the clause', () => {
    for (const entry of docs.values()) {
      const title = heading(entry);
      const expected = places.filter(([, t]) => t.includes(title)).map(([p]) => placeHref(p));
      expect(hrefs(entry), title).toEqual(expected);
      expect(inner(entry, 'mark')).toBe(title);
    }
  });
});

describe('programmes and slogans in quotes', () => {
  const names = [...new Set(places.flatMap(([, t]) => [...t.matchAll(/“([^”]+)”/g)].map((m) => m[1]!)))];
  test('every “…” of the seed, each once', () => {
    for (const n of ['海河英才', '海河工匠', '六稳', '六保', '一制三化', '111', '两不愁三保障']) expect(names).toContain(n);
    expect([...progs.values()].map(heading)).toEqual(names.map((n) => `“${n}”`));
  });
  test('each with a link to every place it appears (once per appearance)', () => {
    for (const entry of progs.values()) {
      const name = heading(entry);
      const expected = places.flatMap(([p, t]) => Array(t.split(name).length - 1).fill(placeHref(p)));
      expect(hrefs(entry), name).toEqual(expected);
    }
  });
});

/** Arabic figures, as a regex of the test's own: 65%, 3%-5%, 满1年, 1年及以上, 2018-2022年… */
const FIG = /满?\d[\d.]*(?:%(?:-\d+%)?|(?:-\d+)?年(?:及以上)?)?/g;
const figValue = (entry: string) => htmlText(inner(entry, 'span', /<span class="pe-fig__value"[^>]*>/));

describe('quantitative commitments', () => {
  // Figures of the provisions, outside quoted names such as “111”.
  const found = [...lines].flatMap(([id, t]) => [...t.replace(/“\d+”/g, '').matchAll(FIG)].map((m) => ({ id, text: m[0] })));
  test('every figure of the seed, with its provision and clause, grouped by kind', () => {
    for (const f of ['65%', '80%', '3%-5%', '满1年', '1年及以上', '2018-2022年', '2017-2020年']) expect(found.map((x) => x.text)).toContain(f);
    const listed = [...figs.values()].flatMap((e) => hrefs(e).map((h) => `${provisionOf(h)} ${figValue(e)}`));
    expect(listed.sort()).toEqual(found.map((x) => `${x.id} ${x.text}`).sort());
    // One entry per figure as written.
    expect(new Set([...figs.values()].map(figValue)).size).toBe(figs.size);
    for (const e of figs.values()) {
      const places = [...e.matchAll(/<li class="pe-fig__place"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
      for (const p of places) {
        expect(inner(p, 'mark')).toBe(figValue(e));
        expect(lines.get(provisionOf(hrefs(p)[0]!))).toContain(htmlText(inner(p, 'q')));
      }
    }
    for (const kind of ['percentage', 'duration', 'period']) expect(attrs(main, 'id')).toContain(`figures-${kind}`);
  });
});

describe('the page', () => {
  test('sections and entries have ASCII anchors, and the table of contents points at them', () => {
    const ids = attrs(main, 'id');
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    const toc = inner(main, 'nav', /<nav class="pe-refs__toc"[^>]*>/);
    for (const h of attrs(toc, 'href')) expect(ids).toContain(h.slice(1));
    for (const s of ['documents', 'programmes', 'figures']) expect(attrs(toc, 'href')).toContain(`#${s}`);
  });
  test('under a sub-path, links carry it', () => {
    const sub = inner(readPage(DIST_SUB, fileOf(REFERENCES)), 'main');
    for (const h of attrs(sub, 'href').filter((x) => !x.startsWith('#'))) expect(h.startsWith(SUB_PATH), h).toBe(true);
  });
});

describe('mentions in the text link to the index', () => {
  const refIds = new Set(attrs(main, 'id'));
  const textPages = pages(DIST).filter((p) => p === fileOf(doc()) || p === fileOf(doc('text/')) || (p.startsWith(doc()) && /^\d+-\d+\/index\.html$/.test(p.slice(doc().length))));
  test('the pages with the text: the document’s home, its full text and every provision', () => {
    expect(textPages).toHaveLength(2 + lines.size);
  });
  test('every link into the references page lands on an existing entry whose title is the linked text', () => {
    let count = 0;
    for (const p of textPages) {
      for (const m of readPage(DIST, p).matchAll(new RegExp(`<a class="[^"]*pe-ref-link[^"]*" href="${href(REFERENCES)}#([^"]+)">([\\s\\S]*?)<\\/a>`, 'g'))) {
        count++;
        expect(refIds.has(m[1]!), `${p} → #${m[1]}`).toBe(true);
        const id = m[1]!;
        const entry = id.startsWith('doc-') ? docs.get(id)! : id.startsWith('prog-') ? progs.get(id)! : figs.get(id)!;
        expect(id.startsWith('fig-') ? figValue(entry) : heading(entry)).toBe(htmlText(m[2]!));
      }
    }
    expect(count).toBeGreaterThan(0);
  });
  test('on each provision page, every 《…》, “…” and figure of its text is a link (a figure inside a title or quotes is not linked apart)', () => {
    for (const [id, line] of lines) {
      const page = inner(readPage(DIST, fileOf(provision(id))), 'main');
      const linked = [...page.matchAll(/<a class="[^"]*pe-ref-link[^"]*" href="[^"]+">([\s\S]*?)<\/a>/g)].map((m) => htmlText(m[1]!));
      const expected = [...line.matchAll(new RegExp(`《[^》]+》|“[^”]+”|${FIG.source}`, 'g'))].map((m) => m[0]);
      expect(linked, id).toEqual(expected);
    }
  });
  test('the policy’s own title is not a link; the implemented document in the preamble is', () => {
    const home = readPage(DIST, fileOf(doc()));
    expect(home).toContain(`<cite class="pe-cite">《${policy.provisionsTitle}》</cite>`);
    expect(home).toMatch(new RegExp(`<a class="pe-ref-link" href="${href(REFERENCES)}#doc-1">《${policy.implements!.title}》</a>`));
  });
});
