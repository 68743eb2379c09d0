/**
 * The search page's library filters, order and scope in Chromium, on the library build: filtering
 * by 文种, 时效性 and 主题分类 narrows the results to the documents the metadata says; 日期 lists
 * them newest first; 标题 finds the words in titles and headlines only; the address carries each
 * choice (shared, reloaded, the back button); the controls work from the keyboard. Expectations are
 * the units of the texts that contain the word (Ctrl-F), filtered through the fixtures' metadata.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { docKinds, docKindSlug } from '../../src/model/doc-kind.ts';
import { STATUS_SLUGS, statusOn, type DocumentMeta } from '../../src/model/status.ts';
import { flattenTopics, topicsOf, topicsSchema } from '../../src/model/topics.ts';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { ARTIFACTS, CONTENT_DIR, LIBRARY_FIXTURES } from '../helpers/paths.ts';
import { docs, noticeText, type ExpectedDoc } from '../library/expected.ts';
import { t } from '../../src/site/strings.ts';

const site = inject('librarySiteUrl');
const browser = useBrowser();

const scheme = flattenTopics(topicsSchema.parse(parseYaml(readFileSync(join(CONTENT_DIR, 'topics.yaml'), 'utf8'))));
const metaYaml = parseYaml(readFileSync(join(LIBRARY_FIXTURES, 'documents.yaml'), 'utf8')) as ({ source: string } & DocumentMeta)[];
const metaOf = (d: ExpectedDoc) => metaYaml.find((m) => m.source === d.file);
const today = new Date().toISOString().slice(0, 10);
/** What each filter value is for a document: its slugs. */
const valuesOf = {
  kind: (d: ExpectedDoc) => docKinds({ title: d.noticeTitle, provisionsTitle: d.title }).map(docKindSlug),
  status: (d: ExpectedDoc) => [STATUS_SLUGS[statusOn(metaOf(d), today).status]],
  topic: (d: ExpectedDoc) => topicsOf(metaOf(d)?.topics ?? [], scheme).map((x) => x.id),
};
/** The 日期 order's date of a document: 发布日期, else 成文日期. */
const dateOf = (d: ExpectedDoc) => metaOf(d)?.published ?? d.dateISO;

const clean = (s: string) => s.replace(/\s+/gu, '');
/** Search units: the notice record (its title is the document's title as published) and each provision (its headline). */
const units = docs.flatMap((d) => [
  { doc: d, key: `${d.id}/document`, title: clean(d.noticeTitle), text: noticeText(d).split('\n').map(clean).join('\n') },
  ...d.provisions.map((m) => ({ doc: d, key: `${d.id}/${m.id}`, title: clean(m.headline), text: clean(m.line) })),
]);
type Unit = (typeof units)[number];
const expectedFor = (word: string, keep: (u: Unit) => boolean = () => true, scope: 'all' | 'title' = 'all') =>
  units.filter((u) => (scope === 'title' ? u.title : u.text).includes(word) && keep(u)).map((u) => u.key).sort();

/** The exact matches on the page, in order, as doc/unit keys. */
async function exactKeys(page: Page): Promise<string[]> {
  await page.waitForFunction(`(() => { const box = document.querySelector('#pe-search-results');
    return box.dataset.state === 'done' && box.dataset.for === location.pathname + location.search; })()`, undefined, { timeout: 15_000 });
  const hrefs = (await page.evaluate(`[...document.querySelectorAll('#pe-search-exact > li')].map((li) => li.querySelector('.pe-result__title a').getAttribute('href'))`)) as string[];
  return hrefs.map((h) => {
    const [, doc, unit] = /^\/policies\/([^/]+)\/(?:([^/]+)\/)?/.exec(new URL(h, site).pathname)!;
    return `${doc}/${unit ?? 'document'}`;
  });
}
const params = (page: Page) => new URL(page.url()).searchParams;

/** A word several documents share, and one whose title matches are fewer than its text matches. */
const WORD = '见习';
const TITLE_WORD = ['就业', '人才', '落户', '见习', '数据', '服务'].find((w) => {
  const inTitles = expectedFor(w, undefined, 'title').length;
  return inTitles > 0 && inTitles < expectedFor(w).length;
})!;

describe('library filters, order and scope in the search', () => {
  test('the words and the filters are worth testing: several documents, and each filter keeps some of them', () => {
    expect(new Set(expectedFor(WORD).map((k) => k.split('/')[0])).size).toBeGreaterThanOrEqual(2);
    expect(TITLE_WORD, 'a word found in some titles but not in all its units').toBeDefined();
  });

  for (const [name, slug] of [['kind', 'banfa'], ['status', STATUS_SLUGS.现行有效], ['topic', 'laodong-renshi'], ['kind', 'tongzhi']] as const) {
    test(`${name}=${slug} keeps the results of the documents it says (in the address, and on reload)`, async () => {
      const page = await (await browser().newContext(DESKTOP)).newPage();
      const { errors } = watch(page);
      await page.goto(`${site}search/?q=${encodeURIComponent(WORD)}`);
      const all = await exactKeys(page);
      expect([...all].sort()).toEqual(expectedFor(WORD));
      await page.selectOption(`select[name="${name}"]`, slug);
      const keep = (u: Unit) => (valuesOf[name](u.doc) as string[]).includes(slug);
      const expected = expectedFor(WORD, keep);
      await page.waitForFunction(`new URLSearchParams(location.search).get(${JSON.stringify(name)}) === ${JSON.stringify(slug)}`);
      expect((await exactKeys(page)).sort()).toEqual(expected);
      expect(params(page).get('q')).toBe(WORD);
      await page.reload();
      expect((await exactKeys(page)).sort()).toEqual(expected);
      expect(await page.locator(`select[name="${name}"]`).inputValue()).toBe(slug);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  test('a filter needs no words: topic alone lists every unit of its documents', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await page.goto(`${site}search/?topic=renshi`);
    const mine = docs.filter((d) => valuesOf.topic(d).includes('renshi'));
    expect(mine.length).toBeGreaterThan(0);
    expect((await exactKeys(page)).sort()).toEqual(units.filter((u) => mine.includes(u.doc)).map((u) => u.key).sort());
    await page.context().close();
  });

  test('日期: the same results, newest document first (reading order within one), and back to 相关度 with the back button', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await page.goto(`${site}search/?q=${encodeURIComponent(WORD)}`);
    const relevance = await exactKeys(page);
    await page.check('input[name="sort"][value="date"]');
    await page.waitForFunction(`new URLSearchParams(location.search).get('sort') === 'date'`);
    const byDate = await exactKeys(page);
    expect([...byDate].sort()).toEqual([...relevance].sort());
    const dates = byDate.map((k) => dateOf(docs.find((d) => d.id === k.split('/')[0])!));
    expect(dates).toEqual([...dates].sort().reverse());
    // Within a document, reading order: the notice first, then the provisions as numbered.
    const order = (k: string) => { const d = docs.find((x) => x.id === k.split('/')[0])!; return units.findIndex((u) => u.key === k) - units.findIndex((u) => u.doc === d); };
    for (let i = 1; i < byDate.length; i++)
      if (byDate[i]!.split('/')[0] === byDate[i - 1]!.split('/')[0]) expect(order(byDate[i]!)).toBeGreaterThan(order(byDate[i - 1]!));
    await page.goBack();
    await page.waitForFunction(`!new URLSearchParams(location.search).has('sort')`);
    expect(await exactKeys(page)).toEqual(relevance);
    expect(await page.isChecked('input[name="sort"][value="relevance"]')).toBe(true);
    await page.context().close();
  });

  test(`标题: “${TITLE_WORD}” only where a title or headline holds it; 全文 again finds every unit`, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    await page.goto(`${site}search/?q=${encodeURIComponent(TITLE_WORD)}&in=title`);
    expect(await page.isChecked('input[name="in"][value="title"]')).toBe(true);
    expect((await exactKeys(page)).sort()).toEqual(expectedFor(TITLE_WORD, undefined, 'title'));
    await page.check('input[name="in"][value="all"]');
    await page.waitForFunction(`!new URLSearchParams(location.search).has('in')`);
    expect((await exactKeys(page)).sort()).toEqual(expectedFor(TITLE_WORD));
    await page.context().close();
  });

  test('keyboard: a filter chosen with the arrow keys, the order and the scope switched with them; the address follows', async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage();
    const { errors } = watch(page);
    await page.goto(`${site}search/`);
    await page.focus('#pe-search-q');
    await page.keyboard.type(WORD);
    await page.keyboard.press('Enter');
    await exactKeys(page);
    // The 文种 select: focused from the keyboard, its first value chosen with ArrowDown.
    await page.focus('select[name="kind"]');
    await page.keyboard.press('ArrowDown');
    const kind = await page.locator('select[name="kind"]').inputValue();
    expect(kind).not.toBe('');
    await page.waitForFunction(`new URLSearchParams(location.search).get('kind') === ${JSON.stringify(kind)}`);
    expect((await exactKeys(page)).sort()).toEqual(expectedFor(WORD, (u) => valuesOf.kind(u.doc).includes(kind)));
    // The radios: Tab reaches the checked one, an arrow key moves the choice.
    await page.focus('input[name="sort"][value="relevance"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(`new URLSearchParams(location.search).get('sort') === 'date'`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('in');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(`new URLSearchParams(location.search).get('in') === 'title'`);
    expect(params(page).get('q')).toBe(WORD);
    expect(params(page).get('kind')).toBe(kind);
    expect((await exactKeys(page)).sort()).toEqual(expectedFor(WORD, (u) => valuesOf.kind(u.doc).includes(kind), 'title'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone with a query, the results come first and the filters fold away; the summary names the choices', async () => {
    const page = await (await browser().newContext(PHONE)).newPage();
    await page.goto(`${site}search/?q=${encodeURIComponent(WORD)}&topic=laodong-renshi&sort=date`);
    await exactKeys(page);
    expect(await page.evaluate(() => (document.querySelector('#pe-search-fold') as HTMLDetailsElement).open)).toBe(false);
    const summary = await page.locator('#pe-search-chosen').textContent();
    const topic = scheme.find((x) => x.id === 'laodong-renshi')!.name;
    expect(summary).toContain(`${t.searchForm.topicFilter}：${topic}`);
    // The status line names each choice by what it filters, after the words: “就业”（主题分类：…，按日期从新到旧）.
    expect(await page.locator('#pe-search-status').innerText()).toContain(`“${WORD}”（${t.searchForm.topicFilter}：${topic}，${t.search.sortDateChosen}）`);
    const first = await page.evaluate(() => document.querySelector('#pe-search-exact > li')!.getBoundingClientRect().top);
    expect(first).toBeLessThan(844);
    await page.screenshot({ path: join(ARTIFACTS, 'search-filters-390.png'), fullPage: false });
    await page.click('#pe-search-fold summary');
    await page.screenshot({ path: join(ARTIFACTS, 'search-filters-open-390.png'), fullPage: true });
    await page.context().close();
  });
});
