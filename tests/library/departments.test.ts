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
  const perDoc = docs.map((d) => ({ doc: d, ...tasksOf(abbr, d) })).filter((x) => x.provisions.length > 0);
  return {
    abbr,
    dept: deptByAbbr(abbr),
    perDoc,
    documents: perDoc.length,
    provisions: perDoc.reduce((n, x) => n + x.provisions.length, 0),
    leads: perDoc.reduce((n, x) => n + x.leads.length, 0),
  };
});
const total = (abbr: string) => totals.find((x) => x.abbr === abbr)!;

/** A department only the fixtures name (not the seed). */
const fixtureOnly = totals.filter((x) => x.perDoc.every((p) => p.doc.fixture));

/**
 * Every page of a department's task list. Page 1 holds the whole list as contents; only the full
 * texts of a list longer than TASK_TEXTS_PER_PAGE go on to …/2/.
 */
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
  const groups = elements(html, 'section', /<section class="pe-task-doc"/).map((g) => ({
    id: /id="([^"]+)"/.exec(g)![1]!,
    heading: element(g, 'h3', /<h3\b/),
    summary: text(element(g, 'p', /<p class="pe-task-doc__summary"/)),
    tasks: elements(g, 'li', /<li class="pe-task"/),
    chapters: elements(g, 'h4', /<h4\b/).map(text),
  }));

  test('市人社局 has tasks in every document of the library', () => {
    expect(x.dept.id).toBe('human-resources');
    expect(x.perDoc.map((p) => p.doc.id)).toEqual(docs.map((d) => d.id));
  });

  test('one page: at this size no task is on a second page', () => {
    expect(x.provisions).toBeGreaterThan(12);
    expect(pages).toHaveLength(1);
    expect(exists(`departments/${x.dept.id}/2/index.html`)).toBe(false);
  });

  test('the total, in one vocabulary: 合计, 牵头, 参与（配合）', () => {
    expect(text(element(html, 'p', /<p class="pe-task-list__summary"/))).toBe(t.dept.summaryAcross(x.documents, x.provisions, x.leads));
    expect(t.dept.summaryAcross(x.documents, x.provisions, x.leads)).toBe(`${x.documents} 份文件合计 ${x.provisions} 项任务：牵头 ${x.leads} 项，参与（配合）${x.provisions - x.leads} 项`);
  });

  test('the contents: every task, grouped by document (newest first), each with 编号, title, role and 完成时限, linked to its text', () => {
    const toc = element(html, 'section', /<section class="pe-task-list__toc"/);
    const tables = elements(toc, 'table', /<table\b/);
    expect(tables).toHaveLength(x.perDoc.length);
    tables.forEach((table, i) => {
      const p = x.perDoc[i]!;
      const caption = text(element(table, 'caption', /<caption\b/));
      expect(caption).toBe(`《${p.doc.title}》${p.doc.docNumber ?? ''}${t.dept.summary(p.provisions.length, p.leads.length)}`);
      expect(elements(element(table, 'thead', /<thead\b/), 'th', /<th\b/).map(text)).toEqual([t.dept.tocNumber, '措施', t.dept.tocRole, t.dept.tocDeadline]);
      const rows = elements(element(table, 'tbody', /<tbody\b/), 'tr', /<tr\b/);
      expect(rows.map((tr) => anchorsIn(tr)[0]!.href)).toEqual(p.provisions.map((m) => `#t-${p.doc.id}-${m.id}`));
      rows.forEach((tr, k) => {
        const m = p.provisions[k]!;
        const cells = elements(tr, 'td', /<td\b/).map(text);
        expect(text(element(tr, 'th', /<th\b/))).toBe(m.headline.replace(/。$/, ''));
        expect(cells[1], `${p.doc.id} ${m.id}`).toBe(m.abbrs[0] === '市人社局' ? t.dept.lead : t.dept.partner);
        expect(cells[2]!.length).toBeGreaterThan(0);
      });
    });
    // Every link leads to a task's full text on this same page.
    for (const a of anchorsIn(toc).filter((l) => l.href.startsWith('#'))) expect(html).toContain(`id="${a.href.slice(1)}"`);
  });

  test('the full texts follow, grouped by document (newest first), each group with its title, 发文字号 and counts', () => {
    expect(groups.map((g) => g.id)).toEqual(x.perDoc.map((p) => `doc-${p.doc.id}`));
    groups.forEach((g, i) => {
      const p = x.perDoc[i]!;
      expect(text(g.heading)).toBe(`《${p.doc.title}》${p.doc.docNumber}`);
      expect(anchorsIn(g.heading)[0]!.href).toBe(`/policies/${p.doc.id}/`);
      expect(g.summary).toBe(t.dept.summary(p.provisions.length, p.leads.length));
      // Exactly the provisions whose attribution lists 市人社局, in reading order, under their chapters.
      expect(g.tasks.map((li) => anchorsIn(element(li, 'p', /<p class="pe-task__head"/))[0]!.href)).toEqual(p.provisions.map((m) => `/policies/${p.doc.id}/${m.id}/`));
      const expectedChapters = p.doc.chapters.filter((c) => c.provisions.some((m) => p.provisions.includes(m)));
      expect(g.chapters).toEqual(expectedChapters.map((c) => `${'一二三四五六七八九十'[c.number - 1]}、${c.title}`));
    });
  });

  test('each task: its full text, 牵头 or 参与（配合）, and who leads and who takes part, as the attribution says — no 列序', () => {
    const byHref = new Map(groups.flatMap((g) => g.tasks).map((li) => [anchorsIn(element(li, 'p', /<p class="pe-task__head"/))[0]!.href, li]));
    for (const p of x.perDoc)
      for (const m of p.provisions) {
        const li = byHref.get(`/policies/${p.doc.id}/${m.id}/`)!;
        expect(text(element(li, 'p', /<p class="pe-task__text"/))).toContain(m.line);
        const lead = m.abbrs[0] === '市人社局';
        expect(text(element(li, 'p', /<p class="pe-task__head"/))).toContain(lead ? t.dept.lead : t.dept.partner);
        expect(li.includes('class="pe-tag"'), `${p.doc.id} ${m.id} lead`).toBe(lead);
        const units = text(element(li, 'p', /<p class="pe-task__units"/));
        if (m.abbrs.length === 1) expect(units).toBe(t.dept.alone);
        else {
          expect(units.startsWith(`${t.dept.leadUnits}${m.abbrs[0]}${lead ? t.dept.self : ''}`), units).toBe(true);
          expect(units).toContain(`${t.dept.partnerUnits}`);
          for (const o of m.abbrs.slice(1)) expect(units).toContain(o);
        }
        expect(text(li)).not.toMatch(/列序|第 \d+ 位/);
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

  test('a 文件 column beside 合计, 牵头 and 参与（配合）: one vocabulary, 参与 never the total', () => {
    expect(head).toEqual([t.dept.department, t.dept.kind, t.dept.documents, '合计', '牵头', '参与（配合）']);
  });

  test('every department an attribution lists, with its documents, provisions and leads summed over all texts', () => {
    expect(rows.map((r) => r.abbr).sort()).toEqual(totals.map((x) => x.abbr).sort());
    for (const x of totals) {
      const row = rows.find((r) => r.abbr === x.abbr)!;
      expect(row.href).toBe(`/departments/${x.dept.id}/`);
      expect(row.cells, x.abbr).toMatchObject({
        [t.dept.documents]: String(x.documents),
        [t.dept.total]: String(x.provisions),
        [t.dept.leads]: String(x.leads),
        [t.dept.partners]: String(x.provisions - x.leads),
      });
    }
  });

  test('most involved first (provisions, then leads)', () => {
    const order = rows.map((r) => total(r.abbr));
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(a.provisions > b.provisions || (a.provisions === b.provisions && a.leads >= b.leads), `${a.abbr} before ${b.abbr}`).toBe(true);
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
      // One document: its totals in its own unit (项措施 here; 条 for a 办法).
      expect(x.documents).toBe(1);
      expect(text(element(html, 'p', /<p class="pe-task-list__summary"/))).toBe(t.dept.summary(x.provisions, x.leads));
      const hrefs = elements(html, 'p', /<p class="pe-task__head"/).map((p) => anchorsIn(p)[0]!.href);
      expect(hrefs).toEqual(x.perDoc.flatMap((p) => p.provisions.map((m) => `/policies/${p.doc.id}/${m.id}/`)));
    });
  }
});

test('every department an attribution lists has its page; the fixtures name no department the registry lacks', () => {
  for (const x of totals) expect(exists(`departments/${x.dept.id}/index.html`), x.abbr).toBe(true);
  for (const d of fixtures)
    for (const m of d.provisions.filter((x) => x.text.endsWith('）'))) expect(m.abbrs.length, `${d.file} ${m.id}`).toBeGreaterThan(0);
});
