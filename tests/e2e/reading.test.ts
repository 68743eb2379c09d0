/** The reading pages in a real Chromium: with and without JavaScript, on a phone and a desktop. */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { citedTitle, headlineTitle } from '../../src/model/derive.ts';
import { DESKTOP, PHONE, useBrowser, watch } from '../helpers/browser.ts';
import { provisions, policy } from '../helpers/model.ts';
import { TEST_SITE } from '../helpers/build.ts';
import { ARTIFACTS } from '../helpers/paths.ts';
import { t } from '../../src/site/strings.ts';
import { doc, provision } from '../helpers/urls.ts';

const site = inject('siteUrl');
const subSite = inject('subSiteUrl');
const browser = useBrowser();
const TEXT = doc('text/');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('without JavaScript', () => {
  test('library → document → table of contents → provision page → full text anchor', async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const { errors, requests } = watch(page);
    await page.goto(site);
    expect(await page.locator('h1').innerText()).toBe('政策文库');
    await page.locator('.pe-lib__title').getByRole('link', { name: citedTitle(policy), exact: true }).click();
    await page.waitForURL(site + doc());
    expect(await page.locator('h1').innerText()).toBe(policy.provisionsTitle);
    // The doc bar names the document and its 发文字号 on a phone too.
    expect(await page.locator('.pe-docbar').isVisible()).toBe(true);
    expect(await page.locator('.pe-docbar').innerText()).toContain(policy.docNumber);
    const m = provisions.find((x) => x.id === '2-3')!;
    await page.getByRole('link', { name: m.marker + headlineTitle(m.headline) }).click();
    await page.waitForURL(site + provision('2-3'));
    expect(await page.locator('h1').innerText()).toContain(headlineTitle(m.headline));
    // Copy buttons need JavaScript: without it they stay hidden, and the citation is plain text.
    // (two: the citation for a report and, with SITE set, the GB/T 7714 form)
    for (const button of await page.locator('button[data-copy-text]').all()) expect(await button.isHidden()).toBe(true);
    expect(await page.locator('#citation-text').innerText()).toBe(`《${policy.provisionsTitle}》（${policy.docNumber}）第二部分第（三）项`);
    await page.getByRole('link', { name: '在全文中查看' }).click();
    await page.waitForURL(`${site}${TEXT}#m2-3`);
    const box = await page.locator('#m2-3').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(PHONE.viewport!.height / 2);
    expect(errors).toEqual([]);
    expect(requests.every((r) => r.startsWith(new URL(site).origin))).toBe(true);
    await context.close();
  });

  test('the page is laid out for a phone: no horizontal scrolling, readable text', async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['', doc(), TEXT, provision('1-1')]) {
      await page.goto(site + path);
      const { scroll, client, font } = await page.evaluate(`({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, font: parseFloat(getComputedStyle(document.querySelector('.pe-provision__text p, .pe-doc__notice p, .pe-lib-header__intro')).fontSize) })`) as { scroll: number; client: number; font: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
      expect(font, path).toBeGreaterThanOrEqual(16);
    }
    await context.close();
  });
});

describe('full text on a phone', () => {
  test('a folded table of contents above the text jumps to a provision; on a desktop the sidebar replaces it', async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site + TEXT);
    const folded = page.locator('details.pe-fulltext__toc-mobile');
    expect(await folded.getAttribute('open')).toBeNull();
    expect(await page.locator('.pe-fulltext__toc').isVisible()).toBe(false);
    await folded.locator('summary').click();
    const m = provisions.find((x) => x.id === '3-3')!;
    await folded.getByRole('link', { name: m.marker + headlineTitle(m.headline) }).click();
    await page.waitForURL(/#m3-3$/);
    const box = await page.locator('#m3-3').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(PHONE.viewport!.height / 2);
    await context.close();

    const desktop = await browser().newContext(DESKTOP);
    const wide = await desktop.newPage();
    await wide.goto(site + TEXT);
    expect(await wide.locator('details.pe-fulltext__toc-mobile').isVisible()).toBe(false);
    expect(await wide.locator('.pe-fulltext__toc').isVisible()).toBe(true);
    await desktop.close();
  });
});

describe('with JavaScript', () => {
  test('copy controls copy the permalink and the citation', async () => {
    const context = await browser().newContext({ ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const { errors } = watch(page);
    await page.goto(site + TEXT);
    await page.locator('a[href="#m3-2"][data-copy-link]').click();
    await expect.poll(() => page.locator('#pe-status').innerText()).toBe('已复制');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${site}${TEXT}#m3-2`);
    expect(page.url()).toBe(`${site}${TEXT}#m3-2`);

    // The copied citation carries the provision's address: the deployment's (SITE, the build's TEST_SITE), not the one it is read at.
    await page.goto(site + provision('3-2'));
    const button = page.getByRole('button', { name: t.provision.copyCitation });
    await button.click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(`《${policy.provisionsTitle}》（${policy.docNumber}）第三部分第（二）项\n${TEST_SITE}/${provision('3-2')}`);
    // 复制本项链接 copies the page's own address, to share.
    await page.evaluate('navigator.clipboard.writeText("")');
    await page.getByRole('link', { name: t.provision.copyLink }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(site + provision('3-2'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('under a sub-path', () => {
  test('styles load and links stay under the base', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    const { errors } = watch(page);
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
    await page.goto(subSite);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.pe-header')).backgroundColor`)).toBe('rgb(155, 28, 28)');
    // The library lists the document; its full text is one click away.
    await page.getByRole('link', { name: new RegExp(`^阅读全文\\s*：${escape(citedTitle(policy))}$`) }).click();
    await page.waitForURL(subSite + TEXT);
    await page.locator('.pe-fulltext__toc .pe-toc a').first().click();
    expect(new URL(page.url()).pathname.startsWith(new URL(subSite).pathname)).toBe(true);
    expect(failed).toEqual([]);
    expect(await page.evaluate(`document.querySelector('link[rel=icon]').href`)).toBe(`${subSite}favicon.svg`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('screenshots for people to look at', () => {
  test.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('%s', async (name, options) => {
    const context = await browser().newContext(options);
    const page = await context.newPage();
    for (const [slug, path] of [['home', ''], ['document', doc()], ['policy', TEXT], ['provision', provision('2-1')]]) {
      await page.goto(site + path);
      const file = join(ARTIFACTS, `${slug}-${name}.png`);
      await page.screenshot({ path: file, fullPage: slug !== 'policy' });
      expect((await page.locator('h1').boundingBox())!.width).toBeGreaterThan(100);
    }
    await context.close();
  });
});
