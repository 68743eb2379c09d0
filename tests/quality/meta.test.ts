/**
 * What search engines and chat apps read: per-page title, description, canonical URL, Open
 * Graph tags; the sitemap and robots.txt (honouring `site` and `base`); the Chinese 404 page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { chapterLabel, headlineTitle, labelInChapter } from '../../src/model/derive.ts';
import { t } from '../../src/site/strings.ts';
import { decodeEntities, htmlText, inner, readPage } from '../helpers/html.ts';
import { provisions } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';
import { fileOf, provision } from '../helpers/urls.ts';

const site = inject('siteUrl');

function head(html: string) {
  const meta = (key: string) => {
    const m = html.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`));
    return m ? decodeEntities(m[1]!) : undefined;
  };
  return {
    title: decodeEntities(html.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''),
    description: meta('description'),
    canonical: html.match(/<link rel="canonical" href="([^"]+)"/)?.[1],
    robots: meta('robots'),
    og: { title: meta('og:title'), description: meta('og:description'), url: meta('og:url'), type: meta('og:type'), locale: meta('og:locale'), siteName: meta('og:site_name') },
    twitterCard: meta('twitter:card'),
  };
}

/** The locations sitemap.xml lists. */
function sitemapUrls(dist: string): string[] {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeEntities(m[1]!));
}

describe.each([
  { name: 'root', dist: DIST, base: '/' },
  { name: 'sub-path', dist: DIST_SUB, base: SUB_PATH },
])('every page ($name build)', ({ dist, base }) => {
  const pages = sitePages(dist);
  const content = pages.filter((p) => p.type !== '404');
  const origin = new URL(head(readPage(dist, 'index.html')).canonical!).origin;

  test('a unique title and description, a canonical URL, Open Graph and Twitter card tags', () => {
    const titles = new Set<string>();
    for (const { file, path } of content) {
      const h = head(readPage(dist, file));
      const canonical = new URL(base + path, origin).href;
      expect(h.title, path).toMatch(new RegExp(`${t.siteName}$`));
      expect(titles.has(h.title), `title of /${path} is unique`).toBe(false);
      titles.add(h.title);
      expect(h.description?.length, path).toBeGreaterThan(10);
      expect(h.canonical, path).toBe(canonical);
      expect(h.og, path).toEqual({ title: expect.any(String), description: h.description, url: canonical, type: expect.any(String), locale: 'zh_CN', siteName: t.siteName });
      expect(h.title.startsWith(h.og.title!), path).toBe(true);
      expect(h.twitterCard, path).toBe('summary');
    }
  });

  test('the sitemap lists every page but the 404, with absolute URLs under the base', () => {
    expect(sitemapUrls(dist).sort()).toEqual(content.map((p) => new URL(base + p.path, origin).href).sort());
  });

  test('robots.txt points to the sitemap', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = robots.match(/^Sitemap: (\S+)$/m)?.[1];
    expect(sitemap).toBe(new URL(`${base}sitemap.xml`, origin).href);
    expect(existsSync(join(dist, new URL(sitemap!).pathname.slice(base.length)))).toBe(true);
  });
});

describe('a link to a provision shared in a chat shows its headline', () => {
  test.each(provisions.map((m) => [provision(m.id), m] as const))('%s', (path, m) => {
    const h = head(readPage(DIST, fileOf(path)));
    const headline = headlineTitle(m.headline);
    expect(h.og.title).toBe(`${chapterLabel(m.chapter)}${labelInChapter(m.number)} ${headline}`);
    expect(h.og.description).toContain(headline);
    expect(h.title).toContain(headline);
  });
});

describe('the 404 page', () => {
  const html = readPage(DIST, '404.html');
  test('in Chinese, not indexed, with the ways back: the library, the departments, search', () => {
    const h = head(html);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(htmlText(inner(html, 'h1'))).toBe(t.notFound.title);
    expect(h.robots).toBe('noindex');
    expect(h.canonical).toBeUndefined();
    const main = inner(html, 'main');
    const links = [...main.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/', t.notFound.home],
      ['/departments/', t.notFound.departments],
      ['/search/', t.notFound.search],
    ]);
    for (const [link] of links) expect(existsSync(join(DIST, link!, 'index.html')), link).toBe(true);
  });
  test('the server answers a missing address with it, status 404', async () => {
    const res = await fetch(`${site}no-such-page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(t.notFound.title);
  });
});
