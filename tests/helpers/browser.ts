/**
 * Debian's Chromium driven by playwright-core. There is no fallback: a missing browser is a
 * failing test, not a skipped one (.ci/run installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ARTIFACTS } from './paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--font-render-hinting=none'] });
}

/**
 * One browser for the whole test file: launched before its tests, closed after them; the
 * artifacts folder (screenshots, PDFs) exists. Call at the top level; use the returned getter in tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is only there inside tests');
    return browser;
  };
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };

/** Collects console errors and failed requests of a page, for assertions. */
export function watch(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  return { errors, requests };
}
