/**
 * Department pages, the matrix and the mermaid graph in Chromium: the graph page's diagram drawn at
 * build time (the chapters after the first drawn in the browser when asked for) and department
 * graphs drawn on request, under a strict Content-Security-Policy;
 * views, keyboard activation of nodes, labels that fit their boxes, phones, printing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chapterLabel, headlineTitle } from '../../src/model/derive.ts';
import { crossReference, graphModel } from '../../src/views/departments.ts';
import { DESKTOP, PHONE, launchBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy, registry } from '../helpers/model.ts';
import { ARTIFACTS, DIST, ROOT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { DOC, doc, href, provision } from '../helpers/urls.ts';

/** The policy the quality gates serve the site with. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
const site = inject('siteUrl');
const xref = crossReference(policy, registry);
/** The document's graph page and its 任务分工表 page. */
const GRAPH = doc('graph/');
const MATRIX = doc('departments/');
const whole = graphModel(xref);
let browser: Browser;
let strict: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  strict = await serveStatic(DIST, '/', { 'content-security-policy': CSP });
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await strict?.close();
});

/** Records CSP violations as console errors, so `watch()` sees them. */
async function reportViolations(page: Page): Promise<void> {
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber))`);
}

/** Waits until the diagram on the page has rendered (or failed). */
async function rendered(page: Page): Promise<string> {
  await expect.poll(() => page.evaluate(`document.querySelector('[data-pe-diagram]')?.dataset.rendered ?? ''`), { timeout: 30_000 }).not.toBe('');
  return (await page.evaluate(`document.querySelector('[data-pe-diagram]').dataset.rendered`)) as string;
}

/** Department pages draw their graph when asked: press the button. */
async function showGraph(page: Page): Promise<void> {
  await page.getByRole('button', { name: '显示关系图' }).click();
}

/** The diagram the reader sees (a drawn page holds a view per screen width, one of them hidden). */
const SHOWN = `[...document.querySelectorAll('[data-canvas] svg')].find((s) => s.getClientRects().length > 0)`;
const counts = (page: Page) => page.evaluate(`(() => { const svg = ${SHOWN}; return {
  nodes: svg.querySelectorAll('g.node').length,
  edges: svg.querySelectorAll('path.flowchart-link').length,
  clusters: svg.querySelectorAll('g.cluster').length,
  links: [...svg.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
}; })()`) as Promise<{ nodes: number; edges: number; clusters: number; links: string[] }>;

/** Nodes whose label (in the browser's own font) overflows its box: the build estimates text widths. */
const overflowing = (page: Page) => page.evaluate(`[...${SHOWN}.querySelectorAll('g.node, g.cluster')].flatMap((n) => {
  const box = n.querySelector(':scope > rect, :scope > polygon').getBoundingClientRect();
  const text = n.querySelector('text').getBoundingClientRect();
  const over = Math.max(box.left - text.left, text.right - box.right, box.top - text.top, text.bottom - box.bottom);
  return over > 0 ? [n.id + ' by ' + over.toFixed(1) + ' px'] : [];
})`) as Promise<string[]>;

describe('the document’s graph page under a strict Content-Security-Policy', () => {
  test('shows every node, edge and chapter group, styled, drawn at build time: no diagram library, no console error or CSP violation', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await reportViolations(page);
    const { errors, requests } = watch(page);
    const scripts = new Map<string, Buffer>();
    page.on('response', async (r) => { if (r.url().endsWith('.js')) scripts.set(r.url(), await r.body()); });
    await page.goto(strict.url + GRAPH);
    expect(await rendered(page)).toBe('all');
    const c = await counts(page);
    expect(c.nodes).toBe(provisions.length + whole.departments.length);
    expect(c.edges).toBe(60);
    expect(c.clusters).toBe(policy.chapters.length + 1);
    expect(new Set(c.links)).toEqual(new Set([...provisions.map((m) => href(provision(m.id))), ...whole.departments.map((x) => `/departments/${x.dept.id}/`)]));
    // Mermaid's stylesheet reached the diagram through adoptedStyleSheets, and the site's node classes apply.
    const look = await page.evaluate(`(() => {
      const dept = document.querySelector('[data-canvas] svg g.node.pe-d rect');
      const lead = document.querySelector('[data-canvas] svg path.flowchart-link.edge-thickness-thick');
      return { fill: getComputedStyle(dept).fill, lead: getComputedStyle(lead).strokeWidth, font: getComputedStyle(document.querySelector('[data-canvas] svg')).fontSize, sheets: document.adoptedStyleSheets.length };
    })()`) as { fill: string; lead: string; font: string; sheets: number };
    // Styled by graph.css (the drawn SVGs carry no style of their own), nothing adopted at run time.
    expect(look).toEqual({ fill: 'rgb(246, 244, 241)', lead: '3px', font: '14px', sheets: 0 });
    expect(await overflowing(page)).toEqual([]);
    // The chapters that name departments stack top-down in reading order (一 above 二 …).
    const linked = policy.chapters.filter((ch) => ch.provisions.some((m) => m.attribution)).map((ch) => ch.number);
    const tops = await page.evaluate(`[${linked.join(',')}].map((n) => ${SHOWN}.querySelector('g.cluster[id$="-c' + n + '"]').getBoundingClientRect().top)`) as number[];
    expect(tops).toHaveLength(linked.length);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(errors).toEqual([]);
    expect(requests.every((r) => r.startsWith(strict.origin))).toBe(true);
    // The JavaScript the page loads: the view and zoom buttons, no mermaid, no layout engine.
    await page.waitForLoadState('networkidle');
    const gzip = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    console.log(`graph page JavaScript: ${scripts.size} files, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(8 * 1024);
    expect([...scripts.keys()].filter((u) => /mermaid|flowDiagram|dagre|elk|graphlib/i.test(u))).toEqual([]);
    expect([...scripts.values()].some((b) => b.toString('utf8').includes('mermaidAPI'))).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'graph-desktop.png'), fullPage: true });
    await context.close();
  });

  test("mermaid's own parser accepts a department page's source (the graph page's views are drawn, so parsed, by the build)", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    // The package's own browser build (same version as the bundled one), served to the page for the test.
    await page.route('**/__mermaid/**', (route) => route.fulfill({
      path: join(ROOT, 'node_modules/mermaid/dist', new URL(route.request().url()).pathname.replace('/__mermaid/', '')),
      contentType: 'text/javascript',
    }));
    await page.goto(`${site}departments/education/`);
    const parse = (source: string) => page.evaluate(`import('/__mermaid/mermaid.esm.min.mjs').then(({ default: m }) => m.parse(${JSON.stringify(source)})).then((r) => r.diagramType)`);
    const dept = await page.evaluate(`document.querySelector('script[data-source]').textContent`) as string;
    expect(await parse(dept)).toBe('flowchart-v2');
    // A broken source is rejected: the check can fail.
    await expect(parse('flowchart LR\n  a[[b --> ')).rejects.toThrow();
    await context.close();
  });

  test('a department node opens its page, with the keyboard and with a click', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const { errors } = watch(page);
    await page.goto(strict.url + GRAPH);
    await rendered(page);
    // Nodes are links out of the Tab order (the text version has the same links); focused, Enter opens them.
    const node = page.locator('[data-canvas] svg a:visible', { hasText: '市人社局' });
    expect(await node.getAttribute('tabindex')).toBe('-1');
    await node.focus();
    expect(await page.evaluate(`document.activeElement.closest('svg') !== null`)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${strict.url}departments/human-resources/`);
    expect(await page.locator('h1').innerText()).toContain('天津市人力资源和社会保障局');
    await page.goBack();
    await rendered(page);
    await page.locator('[data-canvas] svg a:visible', { hasText: '市档案局' }).click();
    await page.waitForURL(`${strict.url}departments/archives/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('every view button shows its view: the nodes, edges and links of that chapter, labels inside their boxes; from the keyboard too', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await reportViolations(page);
    const { errors } = watch(page);
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    const mermaidLoaded = () => scripts.some((u) => /mermaid/i.test(u));
    await page.goto(strict.url + GRAPH);
    await rendered(page);
    const chapters = policy.chapters.filter((c) => c.provisions.some((m) => m.attribution));
    for (const [i, ch] of chapters.entries()) {
      // The first chapter is drawn at build time; the others are drawn by mermaid, loaded when first asked for.
      expect(mermaidLoaded(), `mermaid loaded before c${ch.number}`).toBe(i > 1);
      const button = page.getByRole('button', { name: chapterLabel(ch), exact: true });
      if (i === 0) await button.click();
      else { await button.focus(); await page.keyboard.press(i % 2 ? 'Enter' : 'Space'); }
      // mermaid loads and draws in the browser: give it time on a busy machine.
      await expect.poll(() => page.evaluate(`document.querySelector('[data-pe-diagram]').dataset.rendered`), { timeout: 20_000 }).toBe(`c${ch.number}`);
      const model = graphModel(xref, { chapter: ch.number });
      const c = await counts(page);
      expect(c.nodes, `c${ch.number}`).toBe(model.chapters[0]!.provisions.length + model.departments.length);
      expect(c.edges, `c${ch.number}`).toBe(model.edges.length);
      expect(new Set(c.links)).toEqual(new Set([...model.chapters[0]!.provisions.map((m) => href(provision(m.id))), ...model.departments.map((x) => `/departments/${x.dept.id}/`)]));
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.pe-diagram__views [aria-pressed="true"]').count()).toBe(1);
      expect(await overflowing(page), `c${ch.number}`).toEqual([]);
      expect(mermaidLoaded(), `mermaid loaded after c${ch.number}`).toBe(i > 0);
    }
    // Back to the whole graph.
    await page.getByRole('button', { name: '全部' }).click();
    await expect.poll(() => page.evaluate(`document.querySelector('[data-pe-diagram]').dataset.rendered`)).toBe('all');
    expect((await counts(page)).edges).toBe(60);
    // The zoom buttons resize the drawing; 适合宽度 fits it to the box.
    const width = () => page.evaluate(`${SHOWN}.getBoundingClientRect().width`) as Promise<number>;
    const before = await width();
    await page.getByRole('button', { name: '放大' }).click();
    expect(await width()).toBeGreaterThan(before);
    await page.getByRole('button', { name: '适合宽度' }).click();
    expect(await width()).toBeLessThanOrEqual(await page.evaluate(`document.querySelector('[data-canvas]').clientWidth`) as number);
    // The canvas scrolls from the keyboard: it takes focus.
    await page.locator('[data-canvas]').focus();
    expect(await page.evaluate(`document.activeElement.matches('[data-canvas][tabindex="0"][role="region"]')`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('department pages in Chromium', () => {
  test.each(['human-resources', 'archives'])('%s: the graph of its provisions and co-listed departments renders on request, under the CSP', async (id) => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await reportViolations(page);
    const { errors, requests } = watch(page);
    await page.goto(`${strict.url}departments/${id}/`);
    await page.waitForLoadState('networkidle');
    // The task list page itself loads no diagram library: only the button does.
    expect(requests.filter((r) => /mermaid|flowDiagram|dagre/i.test(r))).toEqual([]);
    expect(await page.locator('[data-status]').isHidden()).toBe(true);
    await showGraph(page);
    // One view per document that lists the department, keyed by the document's id: the seed's.
    expect(await rendered(page)).toBe(DOC);
    expect(await page.evaluate(`document.activeElement.matches('[data-canvas][tabindex="0"][role="region"]')`)).toBe(true);
    const model = graphModel(xref, { department: id });
    const c = await counts(page);
    expect(c.nodes).toBe(xref.byId.get(id)!.tasks.length + model.departments.length);
    expect(model.departments.length).toBe(xref.byId.get(id)!.partners.length + 1);
    expect(c.edges).toBe(model.edges.length);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('[data-canvas] svg g.node.pe-focus rect')).fill`)).toBe('rgb(155, 28, 28)');
    expect(await page.getByRole('button', { name: '打印任务清单' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('pages without a diagram never fetch mermaid', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const { requests } = watch(page);
    for (const path of ['', doc(), doc('text/'), provision('1-3'), 'departments/', MATRIX]) {
      await page.goto(site + path);
      await page.waitForLoadState('networkidle');
    }
    expect(requests.filter((r) => /mermaid|flowDiagram|dagre/i.test(r))).toEqual([]);
    await context.close();
  });

  test('without JavaScript: text equivalents, no print button, a note where the diagram would be', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}departments/human-resources/`);
    expect(await page.locator('button[data-print]').isHidden()).toBe(true);
    expect(await page.locator('.pe-task').count()).toBe(xref.byId.get('human-resources')!.tasks.length);
    expect(await page.locator('.pe-task').count()).toBe(11);
    // The graph page's diagram is in the page: a phone sees its first chapter, with working links.
    await page.goto(site + GRAPH);
    const c = await counts(page);
    expect(c.edges).toBe(graphModel(xref, { chapter: 1 }).edges.length);
    expect(c.links).toContain(href(provision('1-1')));
    expect(await page.locator('.pe-diagram__views').isHidden()).toBe(true);
    expect(await page.locator('#graph-text dt').count()).toBe(provisions.length);
    await context.close();
  });

  test.each(['departments/', MATRIX])('the department list of %s sorts by name (pinyin), by kind and by counts', async (path) => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const { errors } = watch(page);
    await page.goto(site + path);
    const order = () => page.evaluate(`[...document.querySelectorAll('.pe-dept-table tbody th a')].map((a) => a.textContent)`) as Promise<string[]>;
    const initial = await order();
    // The table lists the bodies responsible for a task (a body the text only names has its page, not a row).
    expect(initial).toEqual(xref.departments.filter((x) => x.tasks.length > 0).map((x) => x.dept.abbr));
    // The header buttons read as column headings, not as browser-default grey buttons.
    const look = await page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('.pe-dept-table .pe-sort')); return [s.backgroundColor, s.borderTopStyle, s.fontWeight]; })()`);
    expect(look).toEqual(['rgba(0, 0, 0, 0)', 'none', '700']);
    await page.getByRole('button', { name: '部门' }).click();
    expect(await order()).toEqual([...initial].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(await page.locator('.pe-dept-table th[aria-sort="ascending"]').innerText()).toContain('部门');
    await page.getByRole('button', { name: '牵头' }).click();
    const leads = (abbr: string) => xref.departments.find((x) => x.dept.abbr === abbr)!.leadCount;
    const byLead = await order();
    for (let i = 1; i < byLead.length; i++) expect(leads(byLead[i - 1]!)).toBeGreaterThanOrEqual(leads(byLead[i]!));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('home → 责任部门 → a department in two clicks, on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site);
    await page.locator('.pe-header__nav').getByRole('link', { name: '责任部门', exact: true }).click();
    await page.waitForURL(`${site}departments/`);
    await page.getByRole('link', { name: '市民政局' }).first().click();
    await page.waitForURL(`${site}departments/civil-affairs/`);
    expect(await page.locator('h1').innerText()).toContain('天津市民政局');
    await context.close();
  });

  test('a document’s home → 按责任部门查看 → a department in two clicks, on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site + doc());
    await page.getByRole('link', { name: '按责任部门查看' }).click();
    await page.waitForURL(site + MATRIX);
    await page.locator('.pe-dept-table').getByRole('link', { name: '市民政局' }).click();
    await page.waitForURL(`${site}departments/civil-affairs/`);
    expect(await page.locator('h1').innerText()).toContain('天津市民政局');
    await context.close();
  });
});

describe('phones', () => {
  test('no page-wide horizontal scrolling; the matrix scrolls in its box with its headers in view', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    for (const [path, diagram] of [['departments/', false], [MATRIX, false], ['departments/human-resources/', true], [GRAPH, true]] as const) {
      await page.goto(site + path);
      if (path.startsWith('departments/h')) await showGraph(page);
      if (diagram) await rendered(page);
      const { scroll, client } = await page.evaluate(`({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })`) as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
    await page.goto(site + MATRIX);
    const box = page.locator('.pe-matrix');
    await box.evaluate((el) => { el.scrollLeft = 400; el.scrollTop = 300; });
    const sticky = await page.evaluate(`(() => {
      const box = document.querySelector('.pe-matrix').getBoundingClientRect();
      const corner = document.querySelector('.pe-matrix__corner').getBoundingClientRect();
      const row = [...document.querySelectorAll('.pe-matrix__row')].at(-1).getBoundingClientRect();
      return { top: Math.round(corner.top - box.top), left: Math.round(row.left - box.left) };
    })()`) as { top: number; left: number };
    expect(sticky.top).toBeLessThanOrEqual(1);
    expect(sticky.left).toBeLessThanOrEqual(1);
    await context.close();
  });

  test('the graph starts with one chapter on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site + GRAPH);
    expect(await rendered(page)).toBe('c1');
    await context.close();
  });
});

describe('printing', () => {
  const pdfText = (file: string, page?: number) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
  /** Page sizes in points, rounded to A4's 595 × 842 (Chromium writes 595.92 × 842.88). */
  const a4 = ([w, h]: readonly [number, number]) => [Math.abs(w - 595) < 2 ? 595 : Math.abs(w - 842) < 2 ? 842 : w, Math.abs(h - 595) < 2 ? 595 : Math.abs(h - 842) < 2 ? 842 : h];
  const pageSizes = (file: string) => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
    return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
  };

  /** Pages a task list may need: its text at a conservative 1,000 characters a page, plus the header. */
  const pageBound = (id: string) => Math.ceil(xref.byId.get(id)!.tasks.reduce((n, task) => n + [...task.provision.text].length, 0) / 1000) + 1;
  /** Every page of a PDF carries text (no blank page). */
  const noBlankPage = (file: string, pages: number) => {
    for (let p = 1; p <= pages; p++) expect(pdfText(file, p).replace(/\s+/g, '').length, `page ${p}`).toBeGreaterThan(100);
  };

  test("市人社局's task list prints on A4, with the full text of every task, no blank page and no screen chrome", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${site}departments/human-resources/`);
    await showGraph(page);
    await rendered(page);
    const file = join(ARTIFACTS, 'task-list-human-resources.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const sizes = pageSizes(file);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(pageBound('human-resources'));
    noBlankPage(file, sizes.length);
    for (const size of sizes) expect(a4(size)).toEqual([595, 842]);
    // Without the running footers that page breaks put into the text.
    const text = pdfText(file).replace(/\s+/g, '').replace(/政策通览第\d+页\/共\d+页/g, '');
    expect(text).toContain('天津市人力资源和社会保障局');
    for (const task of xref.byId.get('human-resources')!.tasks) {
      expect(text).toContain(headlineTitle(task.provision.headline));
      // The provision's own text, whole (pdftotext may break a line at a full-width bracket: compare without them).
      const plain = (s: string) => s.replace(/\s+|[（）《》“”]/g, '');
      expect(plain(text)).toContain(plain(task.provision.text));
    }
    expect(text).toContain('市人社局代章');
    // The document the tasks belong to, named on paper.
    expect(text).toContain(policy.docNumber);
    for (const chrome of ['打印任务清单', '下载本部门任务清单', '跳到正文', '关系图需要', '显示关系图']) expect(text).not.toContain(chrome);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(ARTIFACTS, 'task-list-human-resources')]);
    await context.close();
  });

  test('the longest task lists print with no blank page, on as few pages as their text needs', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    for (const x of xref.departments.slice(1, 4)) {
      await page.goto(`${site}departments/${x.dept.id}/`);
      const pdf = await page.pdf({ format: 'A4' });
      const file = join(ARTIFACTS, 'task-list.pdf');
      writeFileSync(file, pdf);
      const pages = pageSizes(file).length;
      expect(pages, x.dept.abbr).toBeLessThanOrEqual(pageBound(x.dept.id));
      noBlankPage(file, pages);
    }
    await context.close();
  });

  test('the matrix prints on one A4 landscape page, every link legible', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(site + MATRIX);
    const file = join(ARTIFACTS, 'departments-matrix.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const sizes = pageSizes(file);
    const pages = sizes.map((_, i) => pdfText(file, i + 1));
    const at = pages.findIndex((p) => p.includes('任务分工表') && p.includes(provisions.at(-1)!.id));
    expect(at, 'one page holds the whole matrix').toBeGreaterThanOrEqual(0);
    expect(a4(sizes[at]!)).toEqual([842, 595]);
    const matrix = pages[at]!.replace(/\s+/g, '');
    for (const m of provisions) expect(matrix).toContain(m.id + headlineTitle(m.headline).slice(0, 4));
    // Every department with a task has its column (a body the text only names has none).
    for (const x of xref.departments.filter((d) => d.tasks.length > 0)) expect(matrix).toContain(x.dept.abbr);
    // The department list before it stays portrait.
    expect(a4(sizes[0]!)).toEqual([595, 842]);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(ARTIFACTS, 'departments-matrix')]);
    await context.close();
  });
});

describe('screenshots for people to look at', () => {
  test.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('%s', async (name, options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const shots = [['departments', 'departments/', 'table'], ['matrix', MATRIX, 'table'], ['department', 'departments/human-resources/', 'on request'],
      ['department-small', 'departments/archives/', 'on request'], ['graph', GRAPH, 'drawn']] as const;
    for (const [slug, path, diagram] of shots) {
      await page.goto(site + path);
      if (diagram !== 'drawn') await page.screenshot({ path: join(ARTIFACTS, `${slug}-top-${name}.png`) });
      if (diagram === 'on request') await showGraph(page);
      if (diagram !== 'table') await rendered(page);
      await page.screenshot({ path: join(ARTIFACTS, `${slug}-${name}.png`), fullPage: true });
      const canvas = page.locator('[data-canvas]');
      if (await canvas.count()) await canvas.screenshot({ path: join(ARTIFACTS, `${slug}-diagram-${name}.png`) });
      expect((await page.locator('h1').boundingBox())!.width).toBeGreaterThan(100);
    }
    await context.close();
  });
});
