/** The reference index and the open data page in a real Chromium, on a phone and a desktop. */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { parseCsv } from '../helpers/csv.ts';
import { ARTIFACTS } from '../helpers/paths.ts';
import { doc, provision } from '../helpers/urls.ts';

const site = inject('siteUrl');
const subSite = inject('subSiteUrl');
const browser = useBrowser();

describe('following a reference, without JavaScript', () => {
  test.each([['site', () => site], ['sub-path site', () => subSite]])('%s: provision → cited document → back to the provision', async (_, base) => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const { errors, requests } = watch(page);
    await page.goto(base() + provision('1-3'));
    await page.getByRole('link', { name: '《天津市优化营商环境条例》' }).click();
    await page.waitForURL((u) => u.href.startsWith(base() + doc('references/#doc-')) && /^#doc-\d+$/.test(u.hash));
    const anchor = new URL(page.url()).hash;
    const entry = page.locator(anchor);
    expect(await entry.locator('h3').innerText()).toBe('《天津市优化营商环境条例》');
    const box = (await entry.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(PHONE.viewport!.height / 2);
    await entry.getByRole('link', { name: /第一部分第（三）项/ }).click();
    await page.waitForURL(base() + provision('1-3'));
    expect(errors).toEqual([]);
    expect(requests.every((r) => r.startsWith(new URL(base()).origin))).toBe(true);
    await context.close();
  });

  test('a programme name links to its entry, which lists every place it appears', async () => {
    const context = await browser().newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site + provision('3-3'));
    await page.getByRole('link', { name: '“海河工匠”' }).click();
    await page.waitForURL((u) => u.href.startsWith(site + doc('references/#prog-')) && /^#prog-\d+$/.test(u.hash));
    const entry = page.locator(new URL(page.url()).hash);
    const places = await entry.locator('li a').allInnerTexts();
    expect(places.map((p) => p.slice(0, 9))).toEqual(['第一部分第（一）项', '第三部分第（三）项']);
    await context.close();
  });
});

describe('layout and files', () => {
  test.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('%s: no horizontal scrolling; screenshots', async (name, device) => {
    const context = await browser().newContext({ ...device, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [slug, path] of [['references', doc('references/')], ['data', 'data/'], ['document-data', doc('data/')]]) {
      await page.goto(site + path);
      const { scroll, client } = await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })') as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
      await page.screenshot({ path: join(ARTIFACTS, `${slug}-${name}.png`), fullPage: true });
    }
    await page.goto(site + doc('references/#figures'));
    await page.screenshot({ path: join(ARTIFACTS, `references-figures-${name}.png`) });
    await context.close();
  });

  test('the download links serve UTF-8 CSV with a BOM that a reader parses', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(site + 'data/');
    // 数据下载 in plain words (issue 22): the link names the table, not the file.
    const href = await page.getByRole('link', { name: '下载责任分工表', exact: true }).getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).href);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Columns in words first; the codes for systems last (issue 22).
    expect(parseCsv(body.toString('utf8')).rows[0]!.slice(0, 3)).toEqual(['文件名称', '发文字号', '编号']);
    await context.close();
  });
});
