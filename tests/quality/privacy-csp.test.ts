/**
 * Privacy and security headers: every page, served with the recommended headers (a strict
 * Content-Security-Policy among them), loads only from the site's own host, raises no CSP
 * violation and no console error; mermaid loads on the graph page only and renders there;
 * search still answers.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSP, SECURITY_HEADERS } from '../../src/site/security.ts';
import { DESKTOP, launchBrowser } from '../helpers/browser.ts';
import { policy } from '../helpers/model.ts';
import { DIST } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { fileFor, firstSearchResult, onePerType, searchTerm, sitePages } from '../helpers/site.ts';

const pages = sitePages(DIST);
const mermaidFiles = new Map<string, boolean>();
/** Whether a script of the site is mermaid's core (its code defines mermaidAPI), not just a loader naming it. */
function loadsMermaid(url: string): boolean {
  const path = new URL(url).pathname;
  if (!mermaidFiles.has(path)) {
    const file = fileFor(DIST, path.slice(1));
    mermaidFiles.set(path, !!file && readFileSync(file, 'utf8').includes('mermaidAPI'));
  }
  return mermaidFiles.get(path)!;
}
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
let problems: string[] = [];

beforeAll(async () => {
  server = await serveStatic(DIST, '/', SECURITY_HEADERS);
  browser = await launchBrowser();
  context = await browser.newContext(DESKTOP);
  // Nothing leaves the machine: requests to any other host are recorded and refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.origin) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`);
  page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(String(err)));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('served with the recommended headers', () => {
  test('the server sends the Content-Security-Policy', async () => {
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  test('a violation would be caught: an inline script is refused and reported', async () => {
    problems = [];
    await page.goto(server.url);
    await page.evaluate(`{ const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); }`);
    expect(await page.evaluate('window.__inline')).toBeUndefined();
    await expect.poll(() => problems.join('\n')).toContain('CSP violation: script-src');
  });

  // The first page of each type is watched until the network is idle (late, scripted requests
  // included); the others, which share its template, until they have loaded.
  const firsts = new Set(onePerType(pages).map((p) => p.path));
  for (const { path, type } of pages) {
    test(`/${path}: only the site's own host, no CSP violation, no console error, no diagram library on load`, async () => {
      problems = [];
      foreign.length = 0;
      const res = await page.goto(server.url + path, { waitUntil: firsts.has(path) ? 'networkidle' : 'load' });
      expect(res?.status()).toBe(200);
      // Mermaid (the diagram library) loads on no page by itself: the graph page's diagram is drawn
      // at build time and shows under the policy; department pages draw theirs on request.
      const scripts = await page.evaluate(`performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || /\\.m?js$/.test(new URL(r.name).pathname)).map((r) => r.name)`) as string[];
      expect(scripts.some((u) => loadsMermaid(u)), 'mermaid loads').toBe(false);
      if (type === 'policies/*/graph') await page.waitForSelector('main svg.pe-mermaid[aria-roledescription]', { timeout: 15_000 });
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test('search answers under the policy', async () => {
    problems = [];
    await firstSearchResult(page, server.url, DIST, searchTerm(policy.provisionsTitle));
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
