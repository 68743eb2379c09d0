/** The built department pages, a document's 任务分工表 and its graph page, checked against the model. */
import { describe, expect, test } from 'vitest';
import { chapterLabel, citedTitle, headlineTitle, labelInChapter } from '../../src/model/derive.ts';
import { crossReference, graphModel } from '../../src/views/departments.ts';
import { attrs, decodeEntities, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { provisions, policy, registry } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { squash } from '../helpers/mdx-text.ts';
import { DOC, doc, fileOf, href, provision } from '../helpers/urls.ts';

const xref = crossReference(policy, registry);
const page = (p: string) => readPage(DIST, p);
const main = (p: string) => inner(page(p), 'main');
const attributed = new Map<string, { provision: string; position: number }[]>();
for (const m of provisions)
  m.attribution?.departments.forEach((d, i) => attributed.set(d.slug, [...(attributed.get(d.slug) ?? []), { provision: m.id, position: i + 1 }]));
const involved = registry.filter((d) => attributed.has(d.id));
/** Bodies the seed's text names outside any attribution (中科院 in 中科院天津创新产业园): a page, no row in the tables. */
const namedOnly = xref.departments.filter((x) => x.tasks.length === 0);
const leadsOf = (id: string) => attributed.get(id)!.filter((l) => l.position === 1).length;
const MATRIX = fileOf(doc('departments/'));
const GRAPH = fileOf(doc('graph/'));
const title = citedTitle(policy);

/** The rows of a department table (.pe-dept-table) on a page. */
function tableRows(html: string): string[] {
  const table = inner(html, 'table', /<table class="pe-dept-table[^"]*"[^>]*>/);
  return [...inner(table, 'tbody').matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => r[1]!);
}

/** Rows are ordered by involvement: provisions, then leads. */
function expectInvolvementOrder(html: string): void {
  const table = inner(html, 'table', /<table class="pe-dept-table[^"]*"[^>]*>/);
  const order = attrs(inner(table, 'tbody'), 'href').map((h) => h.split('/')[2]!);
  expect(order).toHaveLength(involved.length);
  const key = (id: string) => [attributed.get(id)!.length, leadsOf(id)] as const;
  for (let i = 1; i < order.length; i++) {
    const [a, b] = [key(order[i - 1]!), key(order[i]!)];
    expect(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `${order[i - 1]} before ${order[i]}`).toBe(true);
  }
}

describe('/departments/: every department of the library', () => {
  const html = main('departments/index.html');
  test('lists every department named in an attribution, with full name, kind, documents and counts, linking to its page', () => {
    const rows = tableRows(html);
    expect(rows).toHaveLength(involved.length);
    expect(involved.length).toBe(23);
    // A 文件 (documents) column beside the counts.
    expect(htmlText(inner(inner(html, 'table', /<table class="pe-dept-table[^"]*"[^>]*>/), 'thead'))).toMatch(/文件\s*合计\s*牵头\s*参与（配合）/);
    for (const d of involved) {
      const row = rows.find((r) => attrs(r, 'href').includes(`/departments/${d.id}/`));
      expect(row, d.abbr).toBeDefined();
      const text = htmlText(row!);
      const list = attributed.get(d.id)!;
      expect(text).toContain(d.abbr);
      expect(text).toContain(d.name);
      // The seed is the library's only document: each department is listed in 1 document.
      expect(text).toMatch(new RegExp(`1\\s*${list.length}\\s*${leadsOf(d.id)}\\s*${list.length - leadsOf(d.id)}$`));
    }
  });

  test('ordered by involvement: provisions, then leads', () => expectInvolvementOrder(html));

  test('links each document’s 任务分工表', () => {
    const list = inner(html, 'ul', /<ul class="pe-doc-links"[^>]*>/);
    expect(attrs(list, 'href')).toEqual([href(doc('departments/'))]);
    expect(htmlText(list)).toContain(title);
    expect(htmlText(list)).toContain(policy.docNumber);
  });
});

describe('the document’s 任务分工表 page', () => {
  const html = main(MATRIX);
  test('lists the departments its provisions name, with counts in this document, ordered by involvement', () => {
    const rows = tableRows(html);
    expect(rows).toHaveLength(involved.length);
    expect(htmlText(inner(inner(html, 'table', /<table class="pe-dept-table[^"]*"[^>]*>/), 'thead'))).not.toContain('文件');
    for (const d of involved) {
      const row = rows.find((r) => attrs(r, 'href').includes(`/departments/${d.id}/`));
      // 合计, 牵头, 参与（配合）: one vocabulary (issue 22).
      const total = attributed.get(d.id)!.length;
      expect(htmlText(row!)).toMatch(new RegExp(`${total}\\s*${leadsOf(d.id)}\\s*${total - leadsOf(d.id)}$`));
    }
    expectInvolvementOrder(html);
  });

  test('the 任务分工表 marks every link with its position, and nothing else', () => {
    const table = inner(html, 'table', /<table class="pe-matrix__table"[^>]*>/);
    const columns = attrs(inner(table, 'thead'), 'href').map((h) => h.split('/')[2]!);
    expect(new Set(columns)).toEqual(new Set(involved.map((d) => d.id)));
    const rows = [...table.matchAll(/<tr>\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => attrs(r[1]!, 'href')[0])).toEqual(provisions.map((m) => href(provision(m.id))));
    let marks = 0;
    rows.forEach((r, i) => {
      const m = provisions[i]!;
      const cells = [...r[2]!.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>|<td\b[^>]*\/>/g)].map((c) => htmlText(c[1] ?? ''));
      expect(cells).toHaveLength(columns.length);
      const ids = m.attribution?.departments.map((d) => d.slug) ?? [];
      columns.forEach((col, j) => {
        const at = ids.indexOf(col);
        expect(cells[j], `${m.id} × ${col}`).toBe(at < 0 ? '' : at === 0 ? '1牵头' : String(at + 1));
        if (at >= 0) marks++;
      });
      expect(htmlText(r[1]!)).toContain(headlineTitle(m.headline));
    });
    expect(marks).toBe(60);
    for (const c of policy.chapters) expect(htmlText(table)).toContain(c.marker + c.title);
  });

  test('the matrix is a scrollable, focusable region named by its heading', () => {
    expect(html).toMatch(/<div class="pe-matrix" role="region" aria-labelledby="matrix-heading" tabindex="0">/);
    expect(htmlText(inner(html, 'h1'))).toBe('任务分工表');
  });

  test('links to the graph and to the departments across the library', () => {
    expect(attrs(html, 'href')).toEqual(expect.arrayContaining([href(doc('graph/')), '/departments/']));
  });
});

describe('/departments/<id>/', () => {
  test('one page per department', () => {
    const built = pages(DIST).filter((p) => /^departments\/[^/]+\/index\.html$/.test(p)).map((p) => p.split('/')[1]);
    expect(new Set(built)).toEqual(new Set([...involved.map((d) => d.id), ...namedOnly.map((x) => x.dept.id)]));
  });

  test.each(involved.map((d) => [d.abbr, d] as const))('%s: names, every task of the seed grouped by document and chapter, with position and co-listed departments, partners, CSV', (_, d) => {
    const html = main(`departments/${d.id}/index.html`);
    const text = htmlText(html);
    expect(htmlText(inner(html, 'h1'))).toBe(`${d.name}（${d.abbr}）`);
    for (const s of [d.abbr, d.name, d.nameEn]) expect(text).toContain(s);
    const tasks = inner(html, 'section', /<section class="pe-task-list__tasks"[^>]*>/);
    // One group per document: the seed, under an h3 that names it and links to it.
    const groups = [...tasks.matchAll(/<section class="pe-task-doc" id="([^"]+)"/g)].map((m) => m[1]);
    expect(groups).toEqual([`doc-${DOC}`]);
    const group = inner(tasks, 'section', new RegExp(`<section class="pe-task-doc" id="doc-${DOC}"[^>]*>`));
    const h3 = inner(group, 'h3');
    expect(attrs(h3, 'href')).toEqual([href(doc())]);
    expect(htmlText(h3)).toContain(title);
    expect(htmlText(h3)).toContain(policy.docNumber);
    const expected = attributed.get(d.id)!;
    // Within it, one h4 per chapter that has tasks, in reading order.
    const chapters = [...new Set(expected.map((e) => provisions.find((m) => m.id === e.provision)!.chapter))];
    expect([...group.matchAll(/<h4\b[^>]*>([\s\S]*?)<\/h4>/g)].map((h) => htmlText(h[1]!))).toEqual(chapters.map((n) => policy.chapters[n - 1]!.marker + policy.chapters[n - 1]!.title));
    const items = [...group.matchAll(/<li class="pe-task"[^>]*>([\s\S]*?)<\/li>/g)].map((x) => x[1]!);
    expect(items).toHaveLength(expected.length);
    expected.forEach(({ provision: id, position }, i) => {
      const m = provisions.find((x) => x.id === id)!;
      const item = items[i]!;
      const listed = m.attribution!.departments;
      expect(attrs(item, 'href')[0]).toBe(href(provision(m.id)));
      expect(htmlText(item)).toContain(`${chapterLabel(m.chapter)}${labelInChapter(m.number)}${headlineTitle(m.headline)}`);
      // The attribution as the text gives it, this department marked (本部门) among the leads or the partners.
      const units = squash(htmlText(inner(item, 'p', /<p class="pe-task__units"[^>]*>/)));
      const lead = position === 1;
      // A department named alone is 本部门单独负责.
      if (listed.length === 1) expect(units).toBe('本部门单独负责');
      else expect(units).toMatch(new RegExp(`${lead ? '牵头单位' : '配合单位'}[^单]*${d.abbr}（本部门）`, 'u'));
      expect(item.includes('pe-tag--quiet')).toBe(!lead);
      expect(htmlText(inner(item, 'p', /<p class="pe-task__head"[^>]*>/))).toContain(lead ? '牵头' : '参与（配合）');
      const others = listed.filter((x) => x.slug !== d.id);
      expect(attrs(item, 'href').slice(1)).toEqual(others.map((o) => `/departments/${o.slug}/`));
    });
    // Partners: every co-listed department, with the number of shared provisions.
    const x = xref.byId.get(d.id)!;
    const partners = inner(html, 'ol', /<ol class="pe-partners"[^>]*>/);
    expect(attrs(partners, 'href')).toEqual(x.partners.map((p) => `/departments/${p.id}/`));
    expect([...partners.matchAll(/<span class="pe-partners__n"[^>]*>(\d+) 项<\/span>/g)].map((n) => Number(n[1]))).toEqual(x.partners.map((p) => p.provisions.length));
    // The CSV of its own rows (generated by the open-data feature).
    expect(attrs(html, 'href')).toContain(`/data/departments/${d.id}.csv`);
    // The diagram source is kept out of the search index.
    expect(html).toMatch(/<div class="pe-diagram" data-pe-diagram="dept"[^>]*data-pagefind-ignore/);
  });

  test('市人社局: 11 provisions and the seal 市人社局代章 in the signature', () => {
    const html = main('departments/human-resources/index.html');
    expect(attributed.get('human-resources')).toHaveLength(11);
    const mentions = htmlText(inner(html, 'section', /<section class="pe-panel pe-task-list__mentions"[^>]*>/));
    expect(mentions).toContain(policy.signature);
    expect(mentions).toContain('代章');
    // No other department page has a mentions section: the seal is the only mention outside attributions.
    for (const d of involved.filter((x) => x.id !== 'human-resources')) expect(main(`departments/${d.id}/index.html`)).not.toContain('pe-task-list__mentions');
  });

  test('a print button that needs JavaScript: hidden in the HTML', () => {
    expect(main('departments/human-resources/index.html')).toMatch(/<button type="button" class="[^"]*pe-print-button[^"]*" data-print hidden>打印任务清单<\/button>/);
  });
});

describe('links to the department pages', () => {
  test('the full text and the provision pages link every department name', () => {
    const full = inner(page(fileOf(doc('text/'))), 'article');
    const links = [...full.matchAll(/<a class="pe-dept" data-dept="([^"]+)" href="([^"]+)" title="([^"]+)">([^<]+)<\/a>/g)];
    // 60 attributions, the seal, and each mention of a body the text names outside any attribution.
    expect(links).toHaveLength(61 + namedOnly.reduce((n, x) => n + x.mentions.length, 0));
    for (const [, id, link, name, abbr] of links) {
      const d = registry.find((r) => r.id === id)!;
      expect([link, decodeEntities(name!), abbr]).toEqual([`/departments/${id}/`, d.name, d.abbr]);
    }
    for (const m of provisions) {
      const html = main(fileOf(provision(m.id)));
      const list = inner(html, 'ol', /<ol class="pe-dept-list"[^>]*>/);
      expect(attrs(list, 'href')).toEqual((m.attribution?.departments ?? []).map((d) => `/departments/${d.slug}/`));
    }
  });

  test('home → 责任部门 → a department: two clicks; a document’s home → its 任务分工表 → a department: two clicks', () => {
    const home = page('index.html');
    expect(attrs(inner(home, 'header', /<header class="pe-header"[^>]*>/), 'href')).toContain('/departments/');
    for (const d of involved) expect(attrs(main('departments/index.html'), 'href')).toContain(`/departments/${d.id}/`);
    expect(attrs(main(fileOf(doc())), 'href')).toContain(href(doc('departments/')));
    for (const d of involved) expect(attrs(main(MATRIX), 'href')).toContain(`/departments/${d.id}/`);
  });

  test('under a sub-path, department links keep the base', () => {
    for (const p of ['departments/index.html', MATRIX]) {
      const hrefs = attrs(inner(readPage(DIST_SUB, p), 'main'), 'href').filter((h) => h.includes('/departments/'));
      expect(hrefs.length, p).toBeGreaterThan(involved.length);
      for (const h of hrefs) expect(h.startsWith(`${SUB_PATH}departments/`) || h.startsWith(`${SUB_PATH}${doc('departments/')}`), h).toBe(true);
    }
    // The graph, drawn at build time: its nodes link under the base, its stylesheet too.
    const sub = readPage(DIST_SUB, GRAPH);
    const svg = inner(sub, 'svg', /<svg id="pe-graph-all"[^>]*>/);
    expect(attrs(svg, 'href')).toContain(`${SUB_PATH}departments/human-resources/`);
    expect(attrs(svg, 'href')).toContain(`${SUB_PATH}${provision(provisions[0]!.id)}`);
    expect(sub).toContain(`<link rel="stylesheet" href="${SUB_PATH}${doc('graph.css')}">`);
  });
});

describe('the document’s graph page', () => {
  const html = main(GRAPH);
  const chapters = policy.chapters.filter((c) => c.provisions.some((m) => m.attribution)).map((c) => `c${c.number}`);
  test('the whole graph and the first chapter are drawn at build time, inside a data-pagefind-ignore container; the other chapters are mermaid sources for the browser', () => {
    expect(html).toMatch(/<div class="pe-diagram" data-pe-diagram="graph"[^>]*data-pagefind-ignore/);
    const shown = [...html.matchAll(/<div class="pe-diagram__drawing" data-drawing="([^"]+)"([^>]*)>/g)];
    expect(shown.map((d) => [d[1], d[2]!.trim()])).toEqual([['all', 'data-wide'], [chapters[0], 'data-narrow']]);
    expect(html).not.toContain('<template');
    // Each other chapter: a source with that chapter's provisions and departments, drawn when its button is pressed.
    const sources = [...page(GRAPH).matchAll(/<script type="text\/plain" data-source="([^"]+)">([\s\S]*?)<\/script>/g)];
    expect(sources.map((m) => m[1])).toEqual(chapters.slice(1));
    for (const [, key, source] of sources) {
      const chapter = policy.chapters.find((c) => `c${c.number}` === key)!;
      const model = graphModel(crossReference(policy, registry), { chapter: chapter.number });
      expect(source, key).toMatch(/^flowchart LR\n/);
      const links = [...source!.matchAll(/click \S+ "([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(links), key).toEqual(new Set([...model.chapters[0]!.provisions.map((m) => href(provision(m.id))), ...model.departments.map((x) => `/departments/${x.dept.id}/`)]));
      expect([...source!.matchAll(/ (==>|-->) /g)], key).toHaveLength(model.edges.length);
    }
    const all = inner(html, 'svg', /<svg id="pe-graph-all"[^>]*>/);
    expect([...all.matchAll(/<g class="node [^"]*"/g)]).toHaveLength(provisions.length + involved.length);
    expect([...all.matchAll(/<path [^>]*class="[^"]*flowchart-link/g)]).toHaveLength(60);
    expect([...all.matchAll(/<path [^>]*class="[^"]*edge-thickness-thick/g)]).toHaveLength(provisions.filter((m) => m.attribution).length);
    expect(new Set(attrs(all, 'href'))).toEqual(new Set([...provisions.map((m) => href(provision(m.id))), ...involved.map((d) => `/departments/${d.id}/`)]));
  });

  test('the drawn SVGs carry no inline style (the CSP allows none) and their rules sit in graph.css', () => {
    const file = page(GRAPH);
    expect(file).not.toMatch(/<style|\sstyle=/);
    expect(file).toContain(`<link rel="stylesheet" href="${href(doc('graph.css'))}">`);
    const css = readPage(DIST, doc('graph.css'));
    expect(css).toContain('svg.pe-mermaid .pe-d rect{');
    expect(css).not.toContain('#pe-graph-all');
    // Every class the SVGs use for a former style attribute has its rule.
    for (const [cls] of new Set(file.matchAll(/pe-ms-[a-z0-9]+/g))) expect(css, cls).toContain(`.${cls}{`);
  });

  test('the nodes are links out of the Tab order; the canvas takes focus and is described by the text version', () => {
    const canvas = inner(html, 'div', /<div class="pe-diagram__canvas"[^>]*>/);
    expect(html).toMatch(/<div class="pe-diagram__canvas" data-canvas tabindex="0" role="region" aria-label="[^"]+">/);
    const links = [...canvas.matchAll(/<a\b[^>]*>/g)].map((a) => a[0]);
    expect(links.length).toBeGreaterThan(provisions.length);
    for (const a of links) expect(a).toContain('tabindex="-1"');
    expect(canvas).toMatch(/<svg id="pe-graph-all"[^>]*aria-describedby="graph-text"/);
  });

  test('the text equivalent lists every provision with its departments in order, visible without JavaScript', () => {
    const text = inner(html, 'section', /<section class="pe-graph__text"[^>]*>/);
    for (const m of provisions) {
      const abbrs = m.attribution?.departments.map((d) => d.abbr) ?? [];
      expect(squash(htmlText(text))).toContain(squash(`${m.id}${headlineTitle(m.headline)}${abbrs.length ? abbrs.map((a, i) => (i === 0 ? `${a}（牵头）` : a)).join('、') : '未列明责任部门'}`));
    }
    expect(attrs(text, 'href').filter((h) => h.startsWith('/policies/'))).toEqual(provisions.map((m) => href(provision(m.id))));
  });

  test('every script of these pages sits inside the document (nothing after </html>)', () => {
    for (const p of ['departments/index.html', MATRIX, 'departments/human-resources/index.html', GRAPH]) expect(page(p).trimEnd().endsWith('</body></html>'), p).toBe(true);
  });

  test('pages without a diagram load no diagram script', () => {
    for (const p of ['index.html', fileOf(doc()), fileOf(doc('text/')), fileOf(provision('1-1')), 'departments/index.html', MATRIX]) {
      const scripts = [...page(p).matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((s) => s[1]!);
      expect(scripts.filter((s) => /Diagram|mermaid/i.test(s)), p).toEqual([]);
    }
  });
});
