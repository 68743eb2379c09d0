/**
 * Accessibility gate: axe-core (WCAG 2.2 AA rules) on every built page (one page of each type
 * at phone width too), and keyboard use: skip link, visible focus, every control reachable, deep links
 * moving focus to the provision.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { anchors } from '../../src/site/routes.ts';
import { DESKTOP, launchBrowser } from '../helpers/browser.ts';
import { provisions } from '../helpers/model.ts';
import { DIST } from '../helpers/paths.ts';
import { onePerType, sitePages } from '../helpers/site.ts';
import { doc } from '../helpers/urls.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [390, 1280];
const site = inject('siteUrl');
const pages = sitePages(DIST);

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext(DESKTOP);
  page = await context.newPage();
});
afterAll(async () => browser?.close());

interface Violation { id: string; impact: string; help: string; nodes: string[] }

async function axe(p: Page): Promise<Violation[]> {
  if ((await p.evaluate('typeof window.axe')) === 'undefined') await p.addScriptTag({ content: AXE });
  return p.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}

describe('axe-core, WCAG 2.2 AA: zero violations', () => {
  test('the site has pages to check', () => {
    expect(pages.map((p) => p.type)).toEqual(expect.arrayContaining(['home', 'library/year/*', 'library/issuer/*', 'policies/*', 'policies/*/text', 'policies/*/provision',
      'policies/*/departments', 'policies/*/graph', 'policies/*/summary', 'policies/*/summary/*', 'policies/*/references', 'policies/*/data',
      'departments', 'departments/*', 'search', 'data', '404']));
  });
  // Pages of one type share a template: the first of each type is checked at both widths after
  // the network is idle (scripted content included), the others at desktop width once loaded.
  const firsts = new Set(onePerType(pages).map((p) => p.path));
  for (const { path } of pages) {
    const full = firsts.has(path);
    test(`/${path}${full ? ' (390 px and 1280 px)' : ''}`, async () => {
      await page.goto(site + path, { waitUntil: full ? 'networkidle' : 'load' });
      for (const width of full ? WIDTHS : [1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axe(page), `${width}px`).toEqual([]);
      }
    });
  }
});

/** The deepest focused element (into shadow roots), described for assertions. */
const ACTIVE = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  return { key: el.getAttribute('data-pe-tab') ?? '', tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, href: el.getAttribute('href'), shown };
})()`;

describe('keyboard', () => {
  for (const { path } of pages) {
    test(`/${path}: the skip link comes first and moves focus to <main>`, async () => {
      await page.goto(site + path, { waitUntil: 'domcontentloaded' });
      await page.keyboard.press('Tab');
      const first = await page.evaluate(ACTIVE) as { cls: string; href: string; shown: boolean } | null;
      expect(first?.cls).toContain('pe-skip');
      expect(first?.shown).toBe(true);
      const box = await page.locator('.pe-skip').boundingBox();
      expect(box!.y, 'visible when focused').toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('main');
    });
  }

  // Tabbing through a whole page is slow: once per page type (home, provision, department…).
  for (const { path } of onePerType(pages)) {
    test(`/${path}: Tab reaches every control, and focus is always visible`, async () => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(site + path, { waitUntil: 'networkidle' });
        const controls = await page.evaluate(`(() => {
          const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
            // Out of the Tab order on purpose (tabindex="-1"): the graph's nodes, whose links the text version repeats.
            .filter((el) => !el.disabled && el.getAttribute('tabindex') !== '-1' && el.checkVisibility({ visibilityProperty: true }))
            // A group of radios is one Tab stop, its checked radio (the arrow keys move within it).
            .filter((el) => !(el.type === 'radio' && !el.checked && el.form?.querySelector('input[type="radio"][name="' + el.name + '"]:checked')));
          all.forEach((el, i) => el.setAttribute('data-pe-tab', String(i)));
          return all.map((el) => el.outerHTML.slice(0, 120));
        })()`) as string[];
        expect(controls.length).toBeGreaterThan(0);
        const reached = new Set<string>();
        for (let i = 0; i < controls.length + 10; i++) {
          await page.keyboard.press('Tab');
          const el = await page.evaluate(ACTIVE) as { key: string; shown: boolean; tag: string; href: string } | null;
          if (!el) continue;
          expect(el.shown, `focus visible on ${el.tag} ${el.href ?? ''} at ${width}px`).toBe(true);
          // A control that only appears on scrolling (返回目录) is a stop of its own, not one of those counted at load.
          if (el.key !== '') reached.add(el.key);
          if (reached.size === controls.length) break;
        }
        const missed = controls.filter((_, i) => !reached.has(String(i)));
        expect(missed, `${width}px`).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }

  const m = provisions[Math.min(3, provisions.length - 1)]!;
  const other = provisions[provisions.length - 1]!;
  test(`a deep link (/${doc('text/')}#${anchors.provision(m.id)}) moves focus to the provision`, async () => {
    await page.goto(`${site}${doc('text/')}#${anchors.provision(m.id)}`);
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe(anchors.provision(m.id));
    // Tab continues inside the provision: its first control.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.getElementById(${JSON.stringify(anchors.provision(m.id))}).contains(document.activeElement)`)).toBe(true);
  });

  test('following an in-page link to a provision moves focus to it', async () => {
    await page.goto(`${site}${doc('text/')}`);
    await page.locator(`.pe-fulltext__toc a[href="#${anchors.provision(other.id)}"]`).click();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe(anchors.provision(other.id));
    await page.goBack();
    await page.locator(`.pe-fulltext__toc a[href="#${anchors.provision(m.id)}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe(anchors.provision(m.id));
  });
});
