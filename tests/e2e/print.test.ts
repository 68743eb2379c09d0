/**
 * Printing in Chromium: pages print to A4 PDFs that we read back with poppler-utils (page count,
 * text, word positions). Summaries fit their page limits; no screen chrome reaches the paper;
 * every page carries page numbers and the running footer (a document's pages: its title and
 * 发文字号; the library's pages: the site's name); the full text follows GB/T 9704 margins.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { headlineTitle } from '../../src/model/derive.ts';
import { t } from '../../src/site/strings.ts';
import { DESKTOP, PHONE, launchBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy, seedText } from '../helpers/model.ts';
import { ARTIFACTS } from '../helpers/paths.ts';
import { MM, pdfPageSize, pdfToPng, pdfWords, printPdf, type PrintedPdf } from '../helpers/pdf.ts';
import { doc, provision } from '../helpers/urls.ts';

const site = inject('siteUrl');
let browser: Browser;
let js: BrowserContext;
let noJs: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
  js = await browser.newContext({ ...DESKTOP });
  noJs = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
});
afterAll(async () => browser?.close());

const flat = (s: string) => s.replace(/\s+/gu, '');
/** The running footer of a document's pages, and of the library's pages. */
const footer = flat(`《${policy.provisionsTitle}》${policy.docNumber}`);
const libraryFooter = flat(t.siteName);
/** Screen chrome that must never reach paper: skip link, navigation, the doc bar, copy and print controls. */
const CHROME = [t.skipLink, t.nav.data, t.nav.search, t.siteName, t.docNav.belongsTo, t.docNav.home, t.copy.link, t.provision.copyCitation, t.provision.copyLink, t.provision.address, t.provision.inFullText,
  t.print.button, t.summary.choose, t.summary.selectAll, t.summary.prev, t.summary.next, t.toTop];
/** The library's pages say in their prose that documents can be printed: there the chrome is the print buttons' own labels. */
const LIBRARY_CHROME = [...CHROME.filter((c) => c !== t.print.button && c !== t.siteName), t.print.policy, t.print.summary, t.dept.print, t.dept.printMatrix, t.summary.printSelected];
const summary = (n?: number) => doc(n ? `summary/${n}/` : 'summary/');

async function print(path: string, name: string, context = js): Promise<PrintedPdf> {
  const page = await context.newPage();
  const { errors } = watch(page);
  await page.goto(site + path);
  const pdf = await printPdf(page, name);
  expect(errors).toEqual([]);
  await page.close();
  return pdf;
}

function expectPaper(pdf: PrintedPdf, name: string, running = footer): void {
  // The library's pages print the site's name in their footer.
  for (const chrome of running === footer ? CHROME : LIBRARY_CHROME) expect(pdf.flat, `${name}: ${chrome}`).not.toContain(flat(chrome));
  for (let n = 1; n <= pdf.pages; n++) expect(pdf.flat, name).toContain(`第${n}页/共${pdf.pages}页`);
  // The lowest line of every page is the running footer: title, 发文字号, page number.
  const words = pdfWords(pdf.file);
  for (let n = 1; n <= pdf.pages; n++) {
    const onPage = words.filter((w) => w.page === n);
    const bottom = Math.max(...onPage.map((w) => w.yMin));
    const line = flat(onPage.filter((w) => w.yMin > bottom - 2).map((w) => w.text).join(''));
    expect(line, `${name}: footer of page ${n}`).toBe(`${running}第${n}页/共${pdf.pages}页`);
  }
  expect(pdfPageSize(pdf.file).map(Math.round), name).toEqual([595, 842]);
}

test('the seed itself contains none of the chrome words (so their absence on paper means something)', () => {
  for (const chrome of [...CHROME, ...LIBRARY_CHROME]) expect(seedText).not.toContain(chrome);
});

describe('chapter summaries', () => {
  test.each(policy.chapters.map((c) => [c.number, c] as const))('summary/%i/ prints on one A4 page with every headline', async (n, chapter) => {
    const pdf = await print(summary(n), `summary-${n}`);
    pdfToPng(pdf.file);
    expect(pdf.pages).toBe(1);
    expectPaper(pdf, `summary ${n}`);
    expect(pdf.flat).toContain(flat(`${chapter.marker}${chapter.title}`));
    expect(pdf.flat).toContain(flat(policy.provisionsTitle));
    for (const m of chapter.provisions) {
      expect(pdf.flat).toContain(flat(headlineTitle(m.headline)));
      // Provision ids are visible on paper.
      expect(pdf.text).toMatch(new RegExp(`(^|\\s)${m.id}(\\s|$)`, 'm'));
    }
    // Other chapters' provisions are not on this page.
    for (const m of provisions.filter((x) => x.chapter !== n)) expect(pdf.flat).not.toContain(flat(headlineTitle(m.headline)));
    // Where the page came from, for whoever holds the paper.
    expect(pdf.flat).toContain(`本页网址：`);
    expect(pdf.flat).toContain(`/${summary(n)}`);
  });
});

describe('the whole summary', () => {
  test('prints each chapter on a page of its own, with every headline and the lead departments', async () => {
    const pdf = await print(summary(), 'summary-all');
    pdfToPng(pdf.file);
    expect(pdf.pages).toBe(policy.chapters.length);
    expectPaper(pdf, 'summary');
    for (const m of provisions) expect(pdf.flat).toContain(flat(headlineTitle(m.headline)));
    for (const m of provisions.filter((x) => x.attribution)) expect(pdf.flat).toContain(`${m.attribution!.departments[0]!.abbr}（牵头）`);
    // Each chapter on the page of its number; no provision split across pages: its headline and its 责任部门 row share a page.
    const words = pdfWords(pdf.file);
    for (const m of provisions) {
      const start = words.findIndex((w) => flat(w.text).includes(flat(headlineTitle(m.headline))));
      const end = words.findIndex((w, i) => i > start && w.text === t.summary.departments);
      expect(start, m.id).toBeGreaterThanOrEqual(0);
      expect(words[start]!.page, m.id).toBe(m.chapter);
      expect(words[end]!.page, m.id).toBe(words[start]!.page);
    }
  });

  test('a reader chooses the chapters to print, and only those print', async () => {
    const page = await js.newPage();
    const { errors } = watch(page);
    await page.goto(site + summary());
    const chooser = page.locator('fieldset[data-print-choose]');
    expect(await chooser.isVisible()).toBe(true);
    const skip = [2, 4];
    for (const n of skip) await page.getByRole('checkbox', { name: new RegExp(policy.chapters[n - 1]!.title) }).uncheck();
    const pdf = await printPdf(page, 'summary-chosen');
    pdfToPng(pdf.file);
    for (const m of provisions) {
      if (skip.includes(m.chapter)) expect(pdf.flat, m.id).not.toContain(flat(headlineTitle(m.headline)));
      else expect(pdf.flat, m.id).toContain(flat(headlineTitle(m.headline)));
    }
    expectPaper(pdf, 'summary chosen');
    const whole = await print(summary(), 'summary-all-again');
    expect(pdf.pages).toBeLessThanOrEqual(whole.pages);
    // The screen says which chapters will not print.
    expect(await page.locator('#sc2 .pe-sum-chapter__skipped').isVisible()).toBe(true);
    expect(await page.locator('#sc1 .pe-sum-chapter__skipped').isVisible()).toBe(false);

    // Nothing chosen: the print button is disabled and the page says why.
    for (const c of policy.chapters) await page.getByRole('checkbox', { name: new RegExp(c.title) }).uncheck();
    const button = page.getByRole('button', { name: t.summary.printSelected });
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByText(t.summary.noneSelected).isVisible()).toBe(true);
    await page.getByRole('button', { name: t.summary.selectAll }).click();
    expect(await button.isEnabled()).toBe(true);
    expect(await page.locator('.pe-print-skip').count()).toBe(0);

    // The button opens the print dialog.
    await page.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
    await button.click();
    expect(await page.evaluate('window.__printed')).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('without JavaScript: no print controls, links to each chapter summary instead', async () => {
    const page = await noJs.newPage();
    await page.goto(site + summary());
    expect(await page.locator('fieldset[data-print-choose]').isHidden()).toBe(true);
    expect(await page.locator('main button').filter({ visible: true }).count()).toBe(0);
    for (const c of policy.chapters) {
      const link = page.locator('.pe-sum-tools__chapters a', { hasText: c.title });
      expect(new URL(await link.getAttribute('href') ?? '', page.url()).href).toBe(site + summary(c.number));
    }
    await page.close();
  });
});

describe('print buttons', () => {
  test.each([[summary(3), t.print.summary], [doc('text/'), t.print.policy]])('%s: shown with JavaScript and prints, hidden without', async (path, label) => {
    const page = await js.newPage();
    await page.goto(site + path);
    await page.evaluate('window.print = () => { window.__printed = true; }');
    await page.getByRole('button', { name: label }).click();
    expect(await page.evaluate('window.__printed')).toBe(true);
    await page.close();
    const plain = await noJs.newPage();
    await plain.goto(site + path);
    expect(await plain.locator('button[data-print]').isHidden()).toBe(true);
    await plain.close();
  });
});

describe('the full text on paper (GB/T 9704-2012)', () => {
  test('title, 发文字号, every headline and nothing but the official text; 37/35/28/26 mm margins; 16pt on a 28-character line', async () => {
    const pdf = await print(doc('text/'), 'policy');
    pdfToPng(pdf.file, 40);
    expectPaper(pdf, 'policy');
    expect(pdf.flat).toContain(flat(policy.title));
    expect(pdf.flat).toContain(flat(policy.docNumber!));
    for (const m of provisions) expect(pdf.flat).toContain(flat(m.marker + headlineTitle(m.headline)));
    // The body text sits inside the type area: 28 mm from the left, 26 mm from the right, 37 mm from the top.
    const [width, height] = pdfPageSize(pdf.file);
    const body = pdfWords(pdf.file).filter((w) => w.yMax < height - 35 * MM);
    expect(Math.min(...body.map((w) => w.xMin))).toBeGreaterThan(28 * MM - 1);
    expect(Math.min(...body.map((w) => w.xMin))).toBeLessThan(28 * MM + 3);
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThan(width - 26 * MM + 1);
    // Word boxes are font boxes (taller than the line): compare their middles with the first line of the type area.
    const top = Math.min(...body.map((w) => (w.yMin + w.yMax) / 2));
    expect(top).toBeGreaterThan(37 * MM);
    expect(top).toBeLessThan(37 * MM + 29);
    // Body text on the standard's grid: 3号 (16pt) characters, 28 to a full line.
    const lines = body.filter((w) => w.page > 1 && [...w.text].length >= 20 && !/[\x00-\x7f]/u.test(w.text));
    const advances = lines.map((w) => (w.xMax - w.xMin) / [...w.text].length).sort((a, b) => a - b);
    expect(advances[Math.floor(advances.length / 2)]).toBeGreaterThan(15);
    expect(advances[Math.floor(advances.length / 2)]).toBeLessThan(16.5);
    expect(Math.max(...lines.map((w) => [...w.text].length))).toBe(28);
    // Inside the official layout only the official text: no provision ids, no page address, no screen labels.
    for (const m of provisions) expect(pdf.text).not.toMatch(new RegExp(`(^|\\s)${m.id}(\\s|$)`, 'm'));
    for (const label of [t.print.url, t.copy.link, t.doc.backToToc, '单独阅读']) expect(pdf.flat).not.toContain(flat(label));
    // No chapter heading is left alone at the foot of a page: a body line follows it on the same page.
    for (const c of policy.chapters) {
      const i = body.findIndex((w) => flat(w.text) === flat(c.marker + c.title));
      expect(i, c.marker).toBeGreaterThanOrEqual(0);
      expect(body[i + 1]?.page, c.marker).toBe(body[i]!.page);
    }
  });
});

test('the full text prints in a serif CJK face (the system stands in for 仿宋 and 小标宋)', async () => {
  const page = await js.newPage();
  await page.goto(site + doc('text/'));
  await page.emulateMedia({ media: 'print' });
  // Wait until the print rules apply and the fonts they ask for are loaded and laid out.
  await page.waitForFunction(`getComputedStyle(document.querySelector('.pe-doc__notice p')).fontFamily.includes('Serif CJK')`);
  await page.evaluate(`document.fonts.ready.then(() => document.body.getBoundingClientRect().height)`);
  const cdp = await js.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  await cdp.send('CSS.enable');
  const fontsOf = async (selector: string) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  };
  for (const selector of ['.pe-doc__title', '.pe-doc__notice p', '.pe-provision__text p']) {
    expect((await fontsOf(selector)).some((f) => /Serif CJK|Song|FangSong|仿宋|宋/i.test(f)), selector).toBe(true);
  }
  // 3号 = 16pt = 21.33 CSS px.
  expect(parseFloat(await page.evaluate(`getComputedStyle(document.querySelector('.pe-provision__text p')).fontSize`) as string)).toBeCloseTo((16 * 96) / 72, 2);
  await page.close();
});

describe('every page prints cleanly', () => {
  test.each([['library', '', libraryFooter], ['document', doc(), footer], ['provision', provision('2-1'), footer], ['departments', 'departments/', libraryFooter]])('%s', async (name, path, running) => {
    const pdf = await print(path, `page-${name}`);
    pdfToPng(pdf.file, 40);
    expectPaper(pdf, name, running);
  });
});

test('under a sub-path the print stylesheet loads too', async () => {
  const page = await js.newPage();
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await page.goto(inject('subSiteUrl') + summary(2));
  const pdf = await printPdf(page, 'summary-2-sub-path');
  expect(failed).toEqual([]);
  expect(pdf.pages).toBe(1);
  expectPaper(pdf, 'sub-path');
  await page.close();
});

describe('screenshots of the summaries for people to look at', () => {
  test.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('%s', async (name, options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    for (const [slug, path] of [['summary', summary()], ['summary-1', summary(1)]]) {
      await page.goto(site + path);
      await page.screenshot({ path: join(ARTIFACTS, `${slug}-${name}.png`), fullPage: true });
      const { scroll, client } = await page.evaluate(`({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })`) as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
    await context.close();
  });
});

/** Lines of body text on each page (the running footer left out): a page that holds only a footer or a line or two is waste. */
function bodyLines(pdf: PrintedPdf): number[] {
  const [, height] = pdfPageSize(pdf.file);
  const words = pdfWords(pdf.file).filter((w) => w.yMax < height - 20 * MM);
  return Array.from({ length: pdf.pages }, (_, i) => new Set(words.filter((w) => w.page === i + 1).map((w) => Math.round(w.yMin))).size);
}

describe('a department’s task list on paper (/departments/human-resources/)', () => {
  const tasks = provisions.filter((m) => m.attribution?.departments.some((d) => d.slug === 'human-resources'));

  test('the contents table (编号, 措施, 牵头/参与, 完成时限) of every task, then every task’s full text, as one document', async () => {
    const pdf = await print('departments/human-resources/', 'department-human-resources');
    pdfToPng(pdf.file, 40);
    expectPaper(pdf, 'department', libraryFooter);
    // pdftotext reads a table column by column: each heading is there, in the order of the columns.
    const headings = [t.dept.tocNumber, '措施', t.dept.tocRole, t.dept.tocDeadline].map((h) => pdf.flat.indexOf(flat(h)));
    expect(headings.every((at) => at >= 0), `${headings}`).toBe(true);
    const leads = tasks.filter((m) => m.attribution!.departments[0]!.slug === 'human-resources').length;
    expect(pdf.flat).toContain(flat(t.dept.summary(tasks.length, leads)));
    for (const m of tasks) {
      // Once in the contents, once over its full text.
      expect(pdf.flat.split(flat(headlineTitle(m.headline))).length - 1, m.id).toBeGreaterThanOrEqual(2);
      expect(pdf.flat, m.id).toContain(flat(m.text.slice(-40)));
    }
    // The words of the screen are not on paper: no 列序, no screen instructions, no links to other departments.
    for (const word of ['列序', t.dept.tocIntro, t.dept.partnersHeading, t.dept.graphHeading, t.dept.backToIndex]) expect(pdf.flat).not.toContain(flat(word));
    // No page is (nearly) empty: the last holds more than a few lines.
    const lines = bodyLines(pdf);
    expect(Math.min(...lines), `lines per page ${lines}`).toBeGreaterThanOrEqual(8);
  });

  test('the 任务分工表 prints no page that holds only a footer or the page address', async () => {
    const pdf = await print(doc('departments/'), 'matrix');
    pdfToPng(pdf.file, 40);
    const lines = bodyLines(pdf);
    expect(Math.min(...lines), `lines per page ${lines}`).toBeGreaterThanOrEqual(5);
    expect(pdf.flat).not.toContain(flat(t.dept.matrixScroll));
    expect(pdf.flat).not.toContain(flat(t.dept.indexHint));
  });

  test('a provision page prints its citation without the screen’s instructions', async () => {
    const pdf = await print(provision('2-1'), 'provision-2-1-citation');
    expect(pdf.flat).not.toContain(flat(t.provision.citationHint));
    expect(pdf.flat).not.toContain(flat(t.provision.groupsHint));
  });
});
