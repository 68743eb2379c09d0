/**
 * Issue 22, items 7 and 8, and the search parts of 3, in Chromium on the library build: a search
 * that forgives (typos get 您是不是要找 from the library's own words; a compound the text does not
 * hold finds the provisions that hold its words apart; several words that no provision holds
 * together still list the provisions with some of them), department names unmarked inside,
 * paragraph joints not shown as ".", and on a phone the results first, the filters folded away.
 * Expected sets are worked out from the texts (tests/library/expected.ts), not from the site.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { ARTIFACTS } from '../helpers/paths.ts';
import { docs, noticeText, thesaurusTerms } from './expected.ts';

const site = inject('librarySiteUrl');
const browser = useBrowser();
const clean = (s: string) => s.replace(/\s+/gu, '');
const units = docs.flatMap((d) => [
  { key: `${d.id}/document`, text: noticeText(d).split('\n').map(clean).join('\n') },
  ...d.provisions.map((m) => ({ key: `${d.id}/${m.id}`, text: clean(m.line) })),
]);
const holding = (...alternatives: string[][]) => units.filter((u) => alternatives.every((xs) => xs.some((x) => u.text.includes(x)))).map((u) => u.key).sort();

async function search(page: Page, q: string): Promise<void> {
  await page.goto(`${site}search/?${new URLSearchParams({ q })}`);
  await page.waitForSelector('#pe-search-results[data-state="done"]', { state: 'attached', timeout: 20_000 });
}

/** Keys (doc/provision) of a list's results. */
async function listed(page: Page, list: string): Promise<string[]> {
  const hrefs = await page.locator(`${list} > li .pe-result__title a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return hrefs.map((h) => {
    const [, doc, provision] = /^\/policies\/([^/]+)\/(?:([^/]+)\/)?/.exec(new URL(h, site).pathname)!;
    return `${doc}/${provision ?? 'document'}`;
  }).sort();
}

const suggested = (page: Page) => page.locator('#pe-search-suggest a').allInnerTexts();

describe('a search that forgives', () => {
  for (const [typo, meant] of [['户藉', '户籍'], ['社宝', '社保'], ['落护', '落户']] as const) {
    test(`the typo ${typo} gets 您是不是要找“${meant}”, and the link finds it`, async () => {
      const page = await (await browser().newContext(DESKTOP)).newPage();
      const { errors } = watch(page);
      await search(page, typo);
      expect(await page.locator('#pe-search-suggest').innerText()).toMatch(new RegExp(`^${t.search.suggest}`));
      expect(await suggested(page)).toEqual([meant]);
      await page.locator('#pe-search-suggest a').click();
      await page.waitForURL((u) => u.searchParams.get('q') === meant);
      await page.waitForSelector('#pe-search-results[data-state="done"]', { timeout: 20_000 });
      // The word meant finds its provisions, as typed or (社保) through the thesaurus.
      const found = [...await listed(page, '#pe-search-exact'), ...await listed(page, '#pe-search-via-list')];
      expect(found.length, meant).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  test('a word found as typed loads no vocabulary and suggests nothing', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await search(page, '落户');
    expect(await page.locator('#pe-search-suggest').isHidden()).toBe(true);
    expect(fetched).not.toContain('/search/words.json');
    await page.context().close();
  });

  test('农村人才, which no provision holds together, lists exactly the provisions that hold 农村 and 人才 apart', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '农村人才');
    const expected = holding(['农村'], ['人才']);
    expect(holding(['农村人才'])).toEqual([]);
    expect(expected.length).toBeGreaterThan(1);
    expect(await listed(page, '#pe-search-apart-list')).toEqual(expected);
    expect(await page.locator('#pe-search-status').innerText()).toBe(t.search.noneApart.replace('{what}', '“农村人才”').replace('{n}', String(expected.length)));
    expect(await page.locator('#pe-search-apart-list .pe-result__why').first().innerText()).toBe('分别含“农村”“人才”');
    await page.context().close();
  });

  test('农村户口 finds, through the thesaurus, the provisions on 农业转移人口 and 户籍', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '农村户口');
    expect(await listed(page, '#pe-search-via-list')).toEqual(holding(['农业转移人口', '户籍']));
    await page.context().close();
  });

  test('高校毕业生 落户: no provision holds both, so the provisions with either are listed, each saying which', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '高校毕业生 落户');
    expect(holding(['高校毕业生'], ['落户'])).toEqual([]);
    const partial = await listed(page, '#pe-search-partial-list');
    // Every provision with 落户 (fewer than ten), and others only for a piece of 高校毕业生 (高校, 毕业生…).
    const withLuohu = holding(['落户']);
    expect(withLuohu.length).toBeLessThan(10);
    expect(partial).toEqual(expect.arrayContaining(withLuohu));
    expect(partial.length).toBeLessThanOrEqual(10);
    const pieces = ['高校', '毕业', '毕业生', '高校毕业'];
    expect(partial.filter((k) => !withLuohu.includes(k)).every((k) => pieces.some((p) => units.find((u) => u.key === k)!.text.includes(p)))).toBe(true);
    for (const why of await page.locator('#pe-search-partial-list .pe-result__why').allInnerTexts()) expect(why).toMatch(/^含“落户”；不含“高校毕业生”$|只含其中的/);
    await page.context().close();
  });

  for (const q of ['打零工', '公积金']) {
    test(`${q}: what the thesaurus maps it to, or, where no document holds that yet, a plain “没有条文包含”`, async () => {
      const page = await (await browser().newContext(DESKTOP)).newPage();
      const { errors } = watch(page);
      await search(page, q);
      const terms = thesaurusTerms(q);
      const expected = holding(terms);
      expect(await listed(page, '#pe-search-via-list')).toEqual(expected);
      if (!expected.length) expect(await page.locator('#pe-search-status').innerText()).toContain(`没有条文包含“${q}”`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('what a result shows', () => {
  test('退役军人 is marked in the text, never inside 市退役军人局, in the excerpt and on the provision', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '退役军人');
    const item = page.locator('#pe-search-exact > li').filter({ hasText: '市退役军人局' }).first();
    const excerptText = await item.locator('.pe-result__excerpt').innerText();
    const marks = await item.locator('.pe-result__excerpt mark').allInnerTexts();
    const outsideName = (excerptText.split('市退役军人局').join('') .match(/退役军人/g) ?? []).length;
    expect(marks).toEqual(Array(outsideName).fill('退役军人'));
    await item.locator('.pe-result__title a').click();
    await page.waitForSelector('mark.pe-hit');
    const marked = await page.locator('mark.pe-hit').evaluateAll((ms) => ms.map((m) => [m.textContent, Boolean(m.closest('.pe-dept'))]));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every(([, inName]) => !inName)).toBe(true);
    await page.context().close();
  });

  test('an excerpt across paragraphs shows no stray “.”', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '通知');
    const excerpts = await page.locator('.pe-result__excerpt').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const e of excerpts) expect(e, e).not.toMatch(/[^\x00-\x7f]\./u);
    await page.context().close();
  });
});

describe('search on a phone', () => {
  for (const width of [320, 390]) {
    test(`${width} px: with a query the filters fold away and the first result starts on the first screen; without one they are open`, async () => {
      const page = await (await browser().newContext({ ...PHONE, viewport: { width, height: 640 } })).newPage();
      await search(page, '落户');
      expect(await page.locator('#pe-search-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator('select[name="dept"]').isVisible()).toBe(false);
      expect(await page.locator('.pe-search__intro').isVisible()).toBe(false);
      // The first result's title and the start of its excerpt are on the first screen.
      const excerptTop = await page.locator('#pe-search-exact > li .pe-result__excerpt').first().evaluate((p) => p.getBoundingClientRect().top);
      expect(excerptTop).toBeLessThan(640 - 40);
      await page.screenshot({ path: join(ARTIFACTS, `search-phone-${width}.png`) });
      // The summary opens them, and says what is chosen once a filter is.
      await page.locator('#pe-search-fold summary').click();
      expect(await page.locator('select[name="dept"]').isVisible()).toBe(true);
      await search(page, '');
      expect(await page.locator('#pe-search-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.context().close();
    });
  }

  test('1280 px: the filters stay open with a query', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await search(page, '落户');
    expect(await page.locator('select[name="dept"]').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'search-desktop-1280.png') });
    await page.context().close();
  });
});
