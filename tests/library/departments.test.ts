/**
 * Department pages span the library: a department's task list groups its provisions by document
 * (newest first) with per-document and total counts that match the attributions in the texts;
 * /departments/ shows totals across documents; a department only a fixture names is there too.
 */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { deptByAbbr, docs, fixtures, links, seed, tasksOf } from './expected.ts';
import { anchorsIn, element, elements, exists, main, page, text } from './pages.ts';

/** Every abbreviation an attribution lists, with its totals across the library. */
const totals = [...new Set(links.map((l) => l.abbr))].map((abbr) => {
  const perDoc = docs.map((d) => ({ doc: d, ...tasksOf(abbr, d) })).filter((x) => x.measures.length > 0);
  return {
    abbr,
    dept: deptByAbbr(abbr),
    perDoc,
    documents: perDoc.length,
    measures: perDoc.reduce((n, x) => n + x.measures.length, 0),
    leads: perDoc.reduce((n, x) => n + x.leads.length, 0),
  };
});
const total = (abbr: string) => totals.find((x) => x.abbr === abbr)!;

/** A department only the fixtures name (not the seed). */
const fixtureOnly = totals.filter((x) => x.perDoc.every((p) => p.doc.fixture));

/** Every page of a department's task list (…/, …/2/, …): a long list is split into pages. */
function taskListPages(id: string): string[] {
  const out = [main(page(`departments/${id}/`))];
  for (let n = 2; exists(`departments/${id}/${n}/index.html`); n++) out.push(main(page(`departments/${id}/${n}/`)));
  return out;
}

function taskList(abbr: string) {
  const x = total(abbr);
  const pages = taskListPages(x.dept.id);
  return { x, html: pages[0]!, pages };
}

describe('a department’s task list spans documents: /departments/human-resources/ (市人社局)', () => {
  const { x, html, pages } = taskList('市人社局');
  /** The document groups of all pages, a group continued on a later page joined to its start. */
  const groups = (() => {
    const byId = new Map<string, { id: string; heading: string; summary: string; tasks: string[]; chapters: string[] }>();
    for (const p of pages)
      for (const g of elements(p, 'section', /<section class="pe-task-doc"/)) {
        const id = /id="([^"]+)"/.exec(g)![1]!;
        const seen = byId.get(id);
        const tasks = elements(g, 'li', /<li class="pe-task"/);
        const chapters = elements(g, 'h4', /<h4\b/).map(text);
        if (seen) {
          expect(text(element(g, 'h3', /<h3\b/))).toContain(t.dept.continued);
          seen.tasks.push(...tasks);
          seen.chapters.push(...chapters.filter((c) => !seen.chapters.includes(c)));
        } else byId.set(id, { id, heading: element(g, 'h3', /<h3\b/), summary: text(element(g, 'p', /<p class="pe-task-doc__summary"/)), tasks, chapters });
      }
    return [...byId.values()];
  })();

  test('市人社局 has tasks in every document of the library', () => {
    expect(x.dept.id).toBe('human-resources');
    expect(x.perDoc.map((p) => p.doc.id)).toEqual(docs.map((d) => d.id));
  });

  test('the total: documents, provisions and leads, from the attributions of all texts', () => {
    expect(text(element(html, 'p', /<p class="pe-task-list__summary"/))).toBe(t.dept.summaryAcross(x.documents, x.measures, x.leads));
  });

  test('tasks grouped by document, newest first, each group with its title, 发文字号 and counts', () => {
    expect(groups.map((g) => g.id)).toEqual(x.perDoc.map((p) => `doc-${p.doc.id}`));
    groups.forEach((g, i) => {
      const p = x.perDoc[i]!;
      const heading = g.heading;
      expect(text(heading)).toBe(`《${p.doc.title}》${p.doc.docNumber}`);
      expect(anchorsIn(heading)[0]!.href).toBe(`/policies/${p.doc.id}/`);
      expect(g.summary).toBe(t.dept.summary(p.measures.length, p.leads.length));
      // Exactly the provisions whose attribution lists 市人社局, in reading order, under their chapters.
      const tasks = g.tasks;
      expect(tasks.map((li) => anchorsIn(element(li, 'p', /<p class="pe-task__head"/))[0]!.href)).toEqual(p.measures.map((m) => `/policies/${p.doc.id}/${m.id}/`));
      tasks.forEach((li, k) => {
        const m = p.measures[k]!;
        expect(text(element(li, 'p', /<p class="pe-task__position"/))).toContain(t.dept.positionValue(m.abbrs.indexOf('市人社局') + 1, m.abbrs.length));
        expect(li.includes('class="pe-tag"'), `${p.doc.id} ${m.id} lead`).toBe(m.abbrs[0] === '市人社局');
      });
      const chapters = g.chapters;
      const expectedChapters = p.doc.chapters.filter((c) => c.measures.some((m) => p.measures.includes(m)));
      expect(chapters).toEqual(expectedChapters.map((c) => `${'一二三四五六七八九十'[c.number - 1]}、${c.title}`));
    });
  });

  test('each page opens with a table of contents of its tasks, linking to each, by document', () => {
    const all: string[] = [];
    for (const p of pages) {
      const nav = element(p, 'nav', /<nav class="pe-task-list__toc"/);
      const hrefs = elements(nav, 'li', /<li\b/).map((li) => anchorsIn(li)[0]!.href);
      // Every entry leads to a task of the same page.
      for (const h of hrefs) expect(p).toContain(`id="${h.slice(1)}"`);
      all.push(...hrefs);
      // Where a page holds several documents, each is named with its counts.
      const docLines = elements(nav, 'p', /<p class="pe-task-list__toc-doc"/);
      for (const line of docLines) {
        const d = x.perDoc.find((q) => line.includes(`#doc-${q.doc.id}`))!;
        expect(text(line)).toBe(`《${d.doc.title}》${t.dept.summary(d.measures.length, d.leads.length)}`);
      }
    }
    expect(all).toEqual(x.perDoc.flatMap((p) => p.measures.map((m) => `#t-${p.doc.id}-${m.id}`)));
  });

  test('each task carries the provision’s full text, its role and the other departments', () => {
    const byHref = new Map(groups.flatMap((g) => g.tasks).map((li) => [anchorsIn(element(li, 'p', /<p class="pe-task__head"/))[0]!.href, li]));
    for (const p of x.perDoc)
      for (const m of p.measures) {
        const li = byHref.get(`/policies/${p.doc.id}/${m.id}/`)!;
        expect(text(element(li, 'p', /<p class="pe-task__text"/))).toContain(m.line);
        expect(text(element(li, 'p', /<p class="pe-task__position"/))).toContain(m.abbrs[0] === '市人社局' ? t.dept.lead : t.dept.partner);
        const others = text(element(li, 'p', /<p class="pe-task__others"/));
        for (const o of m.abbrs.filter((a) => a !== '市人社局')) expect(others).toContain(o);
      }
  });
});

describe('/departments/: totals across documents', () => {
  const html = main(page('departments/'));
  const table = element(html, 'table', /<table\b/);
  const head = elements(element(table, 'thead', /<thead\b/), 'th', /<th\b/).map(text);
  const rows = elements(element(table, 'tbody', /<tbody\b/), 'tr', /<tr\b/).map((tr) => ({
    href: anchorsIn(tr)[0]!.href,
    abbr: text(element(tr, 'a', /<a\b/)),
    cells: Object.fromEntries(elements(tr, 'td', /<td\b/).map((td, i) => [head[i + 1]!, text(td)])),
  }));

  test('a 文件 column beside 参与措施 and 牵头', () => {
    expect(head).toEqual([t.dept.department, t.dept.kind, t.dept.documents, t.dept.measures, t.dept.leads]);
  });

  test('every department an attribution lists, with its documents, provisions and leads summed over all texts', () => {
    expect(rows.map((r) => r.abbr).sort()).toEqual(totals.map((x) => x.abbr).sort());
    for (const x of totals) {
      const row = rows.find((r) => r.abbr === x.abbr)!;
      expect(row.href).toBe(`/departments/${x.dept.id}/`);
      expect(row.cells, x.abbr).toMatchObject({
        [t.dept.documents]: String(x.documents),
        [t.dept.measures]: String(x.measures),
        [t.dept.leads]: String(x.leads),
      });
    }
  });

  test('most involved first (provisions, then leads)', () => {
    const order = rows.map((r) => total(r.abbr));
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(a.measures > b.measures || (a.measures === b.measures && a.leads >= b.leads), `${a.abbr} before ${b.abbr}`).toBe(true);
    }
  });

  test('the intro counts documents, departments and links of the whole library', () => {
    expect(text(html)).toContain(t.dept.libraryIntro(totals.length, docs.length, links.length));
  });

  test('each document’s 任务分工表 is linked', () => {
    const hrefs = anchorsIn(html).map((a) => a.href);
    for (const d of docs) expect(hrefs).toContain(`/policies/${d.id}/departments/`);
  });
});

describe('a department that only a fixture names', () => {
  test('the fixtures name a department the seed does not', () => {
    expect(fixtureOnly.length).toBeGreaterThan(0);
    for (const x of fixtureOnly) expect(seed.body.includes(x.abbr)).toBe(false);
  });

  for (const x of fixtureOnly) {
    test(`${x.abbr}: listed on /departments/ and on its own page, with its tasks from the fixture`, () => {
      expect(anchorsIn(main(page('departments/'))).map((a) => a.href)).toContain(`/departments/${x.dept.id}/`);
      expect(exists(`departments/${x.dept.id}/index.html`)).toBe(true);
      const html = main(page(`departments/${x.dept.id}/`));
      expect(text(element(html, 'h1', /<h1\b/))).toBe(`${x.dept.name}（${x.abbr}）`);
      expect(text(element(html, 'p', /<p class="pe-task-list__summary"/))).toBe(t.dept.summaryAcross(x.documents, x.measures, x.leads));
      const hrefs = elements(html, 'p', /<p class="pe-task__head"/).map((p) => anchorsIn(p)[0]!.href);
      expect(hrefs).toEqual(x.perDoc.flatMap((p) => p.measures.map((m) => `/policies/${p.doc.id}/${m.id}/`)));
    });
  }
});

test('every department an attribution lists has its page; the fixtures name no department the registry lacks', () => {
  for (const x of totals) expect(exists(`departments/${x.dept.id}/index.html`), x.abbr).toBe(true);
  for (const d of fixtures)
    for (const m of d.measures.filter((x) => x.text.endsWith('）'))) expect(m.abbrs.length, `${d.file} ${m.id}`).toBeGreaterThan(0);
});
