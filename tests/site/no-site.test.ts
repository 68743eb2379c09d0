/**
 * A deployment that sets no SITE has no absolute address: no page shows one (no canonical URL,
 * no og:url, no placeholder domain anywhere), there is no sitemap.xml and robots.txt names none,
 * printouts show no 本页网址 (a path alone is no address), data files give paths, and the GB/T 7714 citation (which needs
 * the provision's URL) is left out. Built here into dist-nosite/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, TEST_SITE } from '../helpers/build.ts';
import { policy } from '../helpers/model.ts';
import { ROOT } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';
import { t } from '../../src/site/strings.ts';

const DIST_NOSITE = join(ROOT, 'dist-nosite');
const doc = `policies/${policy.id}/`;

beforeAll(() => {
  if (!process.env.PE_SKIP_BUILD || !existsSync(DIST_NOSITE)) buildSite({ outDir: DIST_NOSITE, site: null });
}, 300_000);

const read = (file: string) => readFileSync(join(DIST_NOSITE, file), 'utf8');

describe('built without SITE', () => {
  test('no page has a canonical URL, an og:url or any absolute address of its own', () => {
    const pages = sitePages(DIST_NOSITE);
    expect(pages.length).toBeGreaterThan(20);
    for (const { file } of pages) {
      const html = read(file);
      expect(html, file).not.toMatch(/<link rel="canonical"/);
      expect(html, file).not.toMatch(/property="og:url"/);
      expect(html, file).not.toContain(TEST_SITE);
      expect(html, file).not.toMatch(/policy\.example/);
    }
  });

  test('printouts show no 本页网址: a path alone is no address on paper', () => {
    for (const file of [`${doc}2-1/index.html`, `${doc}departments/index.html`, 'departments/human-resources/index.html', 'index.html']) {
      const html = read(file);
      expect(html, file).not.toContain('pe-print-source');
      expect(html, file).not.toContain('本页网址');
    }
  });

  test('no sitemap.xml; robots.txt names none', () => {
    expect(existsSync(join(DIST_NOSITE, 'sitemap.xml'))).toBe(false);
    expect(read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });

  test('data files give paths, not addresses', () => {
    const json = JSON.parse(read(`data/${policy.id}/policy.json`)) as { provisions: { id: string; url: string }[] };
    for (const m of json.provisions) expect(m.url).toBe(`/${doc}${m.id}/`);
    const index = JSON.parse(read('data/index.json')) as { documents: { url: string; files: Record<string, string> }[] };
    expect(index.documents[0]!.url).toBe(`/${doc}`);
    expect(index.documents[0]!.files.policy).toBe(`/data/${policy.id}/policy.json`);
  });

  test('the citation for a report is there; the GB/T 7714 form, which needs an address, is not', () => {
    const html = read(`${doc}2-1/index.html`);
    expect(html).toContain(`<output id="citation-text">《${policy.provisionsTitle}》（${policy.docNumber}）第二部分第（一）项</output>`);
    expect(html).not.toContain('id="reference-text"');
    // No address is printed; the copy button takes the address the page is read at.
    expect(html).not.toContain(t.provision.address);
    expect(html).toMatch(new RegExp(`<button[^>]*data-copy-address="/${doc}2-1/"`));
  });
});

describe('built with SITE', () => {
  test('the GB/T 7714 form carries the provision’s address and the 引用日期', () => {
    const html = readFileSync(join(ROOT, 'dist', `${doc}2-1/index.html`), 'utf8');
    const ref = html.match(/<output id="reference-text">([^<]+)<\/output>/)?.[1];
    expect(ref).toMatch(new RegExp(`^${policy.issuer}\\. ${policy.provisionsTitle}第二部分第（一）项: ${policy.docNumber}\\[EB/OL\\]\\. \\(${policy.dateISO}\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. ${TEST_SITE}/${doc}2-1/\\.$`));
  });

  test('the citation is shown with the provision’s address, and the copy button carries it', () => {
    const html = readFileSync(join(ROOT, 'dist', `${doc}2-1/index.html`), 'utf8');
    const url = `${TEST_SITE}/${doc}2-1/`;
    expect(html).toContain(`${t.provision.address}<a href="${url}">${url}</a>`);
    expect(html).toMatch(new RegExp(`<button[^>]*data-copy-address="${url}"`));
  });
});
