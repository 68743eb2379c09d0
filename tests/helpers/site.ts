/**
 * The built site as a list of pages, read from dist/ so that every page any feature adds is
 * covered by the quality gates without being listed by hand.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface SitePage {
  /** File under the build folder: policies/jjzz-2020-5/2-1/index.html */
  file: string;
  /** URL path under the base: policies/jjzz-2020-5/2-1/ ('' for the home page, 404.html for the 404 page) */
  path: string;
  /** Page type, from the URL pattern (see pageType()). */
  type: string;
}

/** A provision's number path, the last segment of its page: 2-1 (or deeper: 2-1-3). */
const PROVISION = /^\d+(?:-\d+)+$/;

// Page type from the URL pattern, so that pages sharing a template share a type:
//   ''                                  → home
//   library/2/                          → library/*          (later pages of the home list)
//   library/year/2020/, …/2020/2/       → library/year/*
//   library/issuer/<slug>/              → library/issuer/*
//   policies/<id>/                      → policies/*         (a document's home)
//   policies/<id>/2-1/                  → policies/*/provision (a provision)
//   policies/<id>/text/, …/departments/ → policies/*/text, policies/*/departments…
//   policies/<id>/summary/3/            → policies/*/summary/*
//   departments/, departments/<id>/     → departments, departments/*
//   search/, data/, 404.html            → search, data, 404
export function pageType(path: string): string {
  if (path === '') return 'home';
  if (path === '404.html') return '404';
  const parts = path.replace(/\/$/, '').split('/');
  const [first, second, ...rest] = parts as [string, ...string[]];
  if (first === 'policies' && second !== undefined) {
    if (rest.length === 0) return 'policies/*';
    if (PROVISION.test(rest[0]!)) return 'policies/*/provision';
    return ['policies/*', rest[0]!, ...rest.slice(1).map(() => '*')].join('/');
  }
  if (first === 'library' && second !== undefined) return /^\d+$/.test(second) ? 'library/*' : `library/${second}/*`;
  return parts.length > 1 ? `${first}/*` : first;
}

/** Every HTML page of a build, in a stable order (home first). */
export function sitePages(dist: string): SitePage[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
      return { file, path, type: pageType(path) };
    })
    .sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : a.path.localeCompare(b.path, 'en', { numeric: true })));
}

/** The first page of each type: for checks too slow to run on every page. */
export function onePerType(pages: SitePage[]): SitePage[] {
  const seen = new Map<string, SitePage>();
  for (const p of pages) if (!seen.has(p.type)) seen.set(p.type, p);
  return [...seen.values()];
}

/** The file of the build that a URL path under the base serves (directories serve index.html), if any. */
export function fileFor(dist: string, path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path));
  if (!file.startsWith(dist)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return path === '' || path.endsWith('/') ? (existsSync(index) ? index : undefined) : undefined;
  }
  return existsSync(file) ? file : undefined;
}

export type Kind = 'html' | 'css' | 'js' | 'other';
export interface Resource { url: string; kind: Kind; raw: number; gzip: number }
export interface Weight {
  resources: Resource[];
  requests: number;
  bytes: Record<Kind, { raw: number; gzip: number }>;
}

function kindOf(url: string, resourceType: string): Kind {
  const ext = new URL(url).pathname.match(/\.([a-z0-9]+)$/)?.[1];
  if (resourceType === 'document' || ext === 'html') return 'html';
  if (resourceType === 'stylesheet' || ext === 'css') return 'css';
  if (resourceType === 'script' || ext === 'js' || ext === 'mjs') return 'js';
  return 'other';
}

/** Gzip size at the default level: bytes are deterministic, so budgets can be asserted exactly. */
export function gzipSize(buf: Buffer): number {
  return gzipSync(buf).length;
}

/**
 * Loads a page in Chromium and weighs everything it requests until the network is idle,
 * reading each file from the build folder (served at siteUrl).
 */
export async function weighPage(page: Page, siteUrl: string, dist: string, path: string): Promise<Weight> {
  const seen: { url: string; type: string }[] = [];
  const onRequest = (req: { url(): string; resourceType(): string }) => { seen.push({ url: req.url(), type: req.resourceType() }); };
  page.on('request', onRequest);
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
  page.off('request', onRequest);
  const resources: Resource[] = [];
  for (const { url, type } of seen) {
    if (!url.startsWith(siteUrl)) throw new Error(`${path} requested ${url}, outside the site`);
    const file = fileFor(dist, new URL(url).pathname.slice(new URL(siteUrl).pathname.length));
    const buf = file ? readFileSync(file) : Buffer.alloc(0);
    resources.push({ url, kind: kindOf(url, type), raw: buf.length, gzip: buf.length ? gzipSize(buf) : 0 });
  }
  const bytes = { html: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 } };
  for (const r of resources) { bytes[r.kind].raw += r.raw; bytes[r.kind].gzip += r.gzip; }
  return { resources, requests: resources.length, bytes };
}

/** Links in <main> of a built page's static HTML, to tell search results from page chrome. */
export function staticMainLinks(html: string): number {
  // <noscript> content is not part of the page when scripts run.
  const main = (html.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  return (main.match(/<a\s[^>]*href=/g) ?? []).length;
}

/**
 * Opens the search page with a query (routes.search(q) → /search/?q=…) and returns the
 * milliseconds from the start of navigation until the first result link in <main> is painted.
 * The moment is taken in the page: a MutationObserver sees the link added, and the time is read
 * in the frame after it (requestAnimationFrame, then a task), so neither the harness's polling
 * nor the work the page does after its first results (the document choices, more()) counts.
 */
export async function firstSearchResult(page: Page, siteUrl: string, dist: string, query: string, timeout = 15_000): Promise<number> {
  const before = staticMainLinks(readFileSync(join(dist, 'search', 'index.html'), 'utf8'));
  await page.addInitScript((links: number) => {
    const w = window as unknown as { __peFirstResult?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('main a[href]').length <= links) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { w.__peFirstResult = performance.timeOrigin + performance.now(); }, 0));
    }).observe(document, { childList: true, subtree: true });
  }, before);
  const start = Date.now();
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  // A locator, not waitForFunction: a string predicate would be eval'd, which the CSP forbids.
  await page.locator('main a[href]').nth(before).waitFor({ state: 'attached', timeout });
  for (;;) {
    const painted = await page.evaluate(() => (window as unknown as { __peFirstResult?: number }).__peFirstResult);
    if (painted !== undefined) return Math.round(painted - start);
    if (Date.now() - start > timeout) throw new Error(`search for ${query}: the first result was added but never painted`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A query that must find results: a word of the document's title (人才, 流动…). */
export function searchTerm(title: string): string {
  return title.match(/人才|流动|改革/)?.[0] ?? title.slice(0, 2);
}

/** The size of a folder: bytes and number of files, all levels down. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const st = statSync(join(dir, f));
    if (st.isFile()) { bytes += st.size; files++; }
  }
  return { bytes, files };
}
