/**
 * Reading as the public does, in Chromium: 长辈模式 (larger text: size ratio, no sideways
 * scrolling at 320/390/1280 px, remembered across pages and visits with no flash of the small
 * size, switched back, printed at the normal size, no axe violation), the way back on the long
 * full text of a phone, and tap targets of at least 24×24 px.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy } from '../helpers/model.ts';
import { ARTIFACTS } from '../helpers/paths.ts';

const site = inject('siteUrl');
const browser = useBrowser();
const doc = `policies/${policy.id}/`;
/** One page of each kind a member of the public reads. */
const PAGES = [
  '', doc, `${doc}text/`, `${doc}2-1/`, `${doc}summary/`, `${doc}departments/`, `${doc}references/`, `${doc}data/`, 'departments/', 'departments/human-resources/',
  'groups/', 'groups/skilled-workers/', 'library/year/2020/', 'search/', 'data/',
];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const bodySize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('长辈模式 (larger text)', () => {
  for (const width of [320, 390, 1280]) {
    test(`${width} px: at least 1.25× the text, wider lines, no sideways scrolling, on every kind of page`, async () => {
      const context = await browser().newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const { errors } = watch(page);
      for (const path of PAGES) {
        await page.goto(site + path);
        const normal = await bodySize(page);
        const normalLine = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize));
        const toggle = page.locator('[data-large-toggle]');
        await expect.poll(() => toggle.isVisible()).toBe(true);
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        await toggle.click();
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        const large = await bodySize(page);
        expect(large / normal, `/${path}`).toBeGreaterThanOrEqual(1.25);
        const largeLine = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize));
        expect(largeLine, `/${path} line spacing`).toBeGreaterThan(normalLine);
        expect(await overflow(page), `/${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        if (width === 390) await page.screenshot({ path: join(ARTIFACTS, `large-${path.replace(/\//g, '_') || 'home'}-390.png`) });
        await toggle.click();
        expect(await bodySize(page)).toBe(normal);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('remembered across pages and visits, applied before the first paint, switched back', async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site);
    const normal = await bodySize(page);
    await page.locator('[data-large-toggle]').click();
    // Another page, then a new visit: the size is there when the document is parsed, before any paint.
    for (const path of [`${doc}2-1/`, `${doc}text/`]) {
      await page.goto(site + path, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.body !== null);
      expect(await page.evaluate(() => document.documentElement.classList.contains('pe-large'))).toBe(true);
      await page.waitForLoadState('domcontentloaded');
      expect(await bodySize(page)).toBeGreaterThanOrEqual(normal * 1.25);
    }
    const again = await context.newPage();
    await again.goto(site + doc);
    expect(await bodySize(again)).toBeGreaterThanOrEqual(normal * 1.25);
    expect(await again.locator('[data-large-toggle]').getAttribute('aria-pressed')).toBe('true');
    await again.locator('[data-large-toggle]').click();
    await again.goto(site);
    expect(await bodySize(again)).toBe(normal);
    await context.close();
  });

  test('prints at the normal size', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(site + `${doc}2-1/`);
    await page.emulateMedia({ media: 'print' });
    const printed = await bodySize(page);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-large-toggle]').click();
    await page.emulateMedia({ media: 'print' });
    expect(await bodySize(page)).toBe(printed);
    expect(await page.locator('[data-large-toggle]').isVisible()).toBe(false);
    await context.close();
  });

  test('axe reports nothing in the larger-text mode', async () => {
    const context = await browser().newContext(PHONE);
    await context.addInitScript(() => localStorage.setItem('pe-large', '1'));
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(site + path);
      expect(await page.evaluate(() => document.documentElement.classList.contains('pe-large'))).toBe(true);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
        .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`);
      expect(violations, `/${path}`).toEqual([]);
    }
    await context.close();
  });

  test('without JavaScript there is no toggle, and the page follows the browser’s zoom', async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site + `${doc}text/`);
    expect(await page.locator('[data-large-toggle]').isHidden()).toBe(true);
    await context.close();
  });
});

describe('长辈模式 layouts on phones (320 and 390 px), in the seed build and the library build', () => {
  const library = inject('librarySiteUrl');
  /** Library pages besides the seed's: an expired document, a group with its provisions, an issuer. */
  const LIBRARY_PAGES = [...PAGES, 'policies/jcz-2021-3/', 'policies/jcz-2021-3/1-2/', 'library/issuer/employment-leading-group/', 'library/topic/laodong-renshi/', 'library/kind/tongzhi/', 'library/status/in-force/'];
  for (const [name, base, paths] of [['seed', site, PAGES], ['library', library, LIBRARY_PAGES]] as const) {
    for (const { width, height } of [{ width: 320, height: 640 }, { width: 390, height: 844 }]) {
      test(`${name} build, ${width}×${height}: nothing wider than the screen or cut off, the document bar’s sections whole, a provision on the first screen`, async () => {
        const context = await browser().newContext({ viewport: { width, height }, locale: 'zh-CN' });
        await context.addInitScript(() => localStorage.setItem('pe-large', '1'));
        const page = await context.newPage();
        const { errors } = watch(page);
        for (const path of paths) {
          await page.goto(base + path);
          expect(await page.evaluate(() => document.documentElement.classList.contains('pe-large')), path).toBe(true);
          expect(await overflow(page), `/${path} scrolls sideways`).toBeLessThanOrEqual(0);
          // No box of the page (a group card, a list, a bar) reaches past the screen's edge or crops its own text.
          const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pe-header *, .pe-docbar *, main *')]
            .filter((el) => {
              if (el.closest('.pe-visually-hidden, svg, table, pre, [data-scroll]')) return false;
              const cs = getComputedStyle(el);
              if (cs.display === 'none' || cs.visibility === 'hidden' || cs.display === 'inline' || cs.clipPath !== 'none') return false;
              const r = el.getBoundingClientRect();
              // Hidden for screen readers only (1×1 px, clipped on purpose).
              if (r.width <= 1) return false;
              // A box that scrolls sideways (a wide table's wrapper) shows all of its content; one that clips crops it.
              return r.width > 0 && (r.right > document.documentElement.clientWidth + 0.5 || r.left < -0.5 || el.scrollWidth > el.clientWidth + 1 && ['hidden', 'clip'].includes(cs.overflowX));
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}px`));
          expect(wide, `/${path}`).toEqual([]);
          // The document bar's sections: each whole on screen, none scrolled out of sight.
          const tabs = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pe-docbar__nav a')].map((a) => {
            const r = a.getBoundingClientRect();
            const ul = a.closest('ul')!;
            return { text: a.textContent, cut: r.right > ul.getBoundingClientRect().right + 0.5 || ul.scrollWidth > ul.clientWidth + 1 };
          }));
          expect(tabs.filter((x) => x.cut), `/${path}`).toEqual([]);
          if (/\/\d+-\d+\/$/u.test(path)) {
            // A provision page: the header and the document bar leave most of the first screen to the
            // provision, whose heading starts on it (a 320×640 phone: at most 60 %; 390×844: half).
            // A document replaced or amended says so in the bar, which then may take more; the heading still starts on the first screen.
            const bars = await page.evaluate(() => document.querySelector('.pe-docbar')!.getBoundingClientRect().bottom);
            const related = await page.locator('.pe-docbar .pe-status__rel').count();
            if (!related) expect(bars, `/${path}: the header and the document bar take ${Math.round(bars)} px`).toBeLessThan(height * (width === 320 ? 0.6 : 0.5));
            const top = await page.evaluate(() => document.querySelector('.pe-provision-page__title')!.getBoundingClientRect().top);
            expect(top, `/${path}: the provision's heading starts at ${Math.round(top)} px`).toBeLessThan(height * (related ? 1 : 0.9));
            // On a 390×844 phone the text itself starts on the first screen.
            const text = await page.evaluate(() => document.querySelector('.pe-provision-page__body')!.getBoundingClientRect().top);
            if (width === 390) expect(text, `/${path}: the provision's text starts at ${Math.round(text)} px`).toBeLessThan(height);
          }
          if (width === 320) await page.screenshot({ path: join(ARTIFACTS, `large-${name}-${path.replace(/\//g, '_') || 'home'}-320.png`) });
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('a way around the long full text on a phone', () => {
  test('返回目录 appears after the first screen and leads to the table of contents; chapter headings link back', async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site + `${doc}text/`);
    const back = page.locator('.pe-back__link');
    expect(await back.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
    await expect.poll(() => back.isVisible()).toBe(true);
    const box = (await back.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.viewport!.height);
    await back.click();
    await page.waitForURL(/#toc-mobile$/);
    // The folded table of contents opens on the way to it, and its first chapter is on screen.
    expect(await page.locator('details.pe-fulltext__toc-mobile').getAttribute('open')).not.toBeNull();
    const first = page.locator('details.pe-fulltext__toc-mobile .pe-toc__chapter').first();
    expect(await first.isVisible()).toBe(true);
    // Every chapter heading of the full text has a link back to the table of contents.
    expect(await page.locator('.pe-chapter .pe-to-toc--narrow').count()).toBe(policy.chapters.length);
    await page.locator(`#c3 .pe-to-toc--narrow`).click();
    await page.waitForURL(/#toc-mobile$/);
    await context.close();
  });

  test('on a desktop the sidebar marks the section being read', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(site + `${doc}text/#m3-2`);
    const marked = page.locator('.pe-fulltext__toc a[aria-current="location"]');
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    const hrefs = await marked.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.some((h) => h.endsWith('#c3'))).toBe(true);
    await page.evaluate(() => document.getElementById('m4-3')!.scrollIntoView());
    await expect.poll(() => marked.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).toContainEqual(expect.stringMatching(/#c4$/));
    await context.close();
  });
});

describe('tap targets of at least 24×24 px', () => {
  test('department links in attributions, permalinks, and every link that fits on one line', async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    for (const path of [`${doc}text/`, `${doc}2-1/`, 'departments/human-resources/', `${doc}departments/`, 'departments/', '']) {
      await page.goto(site + path);
      const small = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('main a[href], main button, .pe-docbar a')) {
          const cs = getComputedStyle(el);
          if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('[hidden]')) continue;
          const rects = [...el.getClientRects()].filter((r) => r.width > 0);
          if (rects.length === 0) continue;
          // A long link in running text that wraps is an inline target (WCAG 2.5.8 exception); a department name never wraps.
          if (rects.length > 1 && !el.matches('a.pe-dept, a.pe-fig-ref')) continue;
          for (const r of rects) if (r.height < 24 || r.width < 24) out.push(`${el.textContent!.trim().slice(0, 15)} ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
        return out;
      });
      expect(small, `/${path}`).toEqual([]);
    }
    // The attributions' department links are among them, on one line each.
    await page.goto(site + `${doc}text/`);
    const depts = await page.locator('.pe-duty a.pe-dept').evaluateAll((as) => as.map((a) => a.getClientRects().length));
    expect(depts.length).toBe(provisions.reduce((n, m) => n + (m.attribution?.departments.length ?? 0), 0));
    expect(depts.every((n) => n === 1)).toBe(true);
    await context.close();
  });
});

describe('时效性 in Chromium (the library build)', () => {
  const library = inject('librarySiteUrl');
  test('on a phone the status line is on screen with the title; an expired document says so; the seed says 未核对', async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    for (const [path, expected] of [[`policies/${policy.id}/2-1/`, '时效性：未核对'], ['policies/jcz-2021-3/text/', '时效性：失效（有效期至2022年12月31日，已过期）']] as const) {
      await page.goto(library + path);
      const status = page.locator('.pe-docbar .pe-status');
      expect(await status.isVisible()).toBe(true);
      expect((await status.innerText()).replace(/\s+/g, '')).toContain(expected);
      const box = (await status.boundingBox())!;
      expect(box.y + box.height, path).toBeLessThan(PHONE.viewport!.height / 2);
    }
    await context.close();
  });
});
