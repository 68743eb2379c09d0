/**
 * Links: every internal href/src/action and #fragment on every page resolves to a file of the
 * build, at the root and under a sub-path; url() references in the stylesheets too.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeEntities, readPage } from '../helpers/html.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { fileFor, sitePages } from '../helpers/site.ts';

/** Every URL a page refers to: href, src, action, srcset candidates, and og:url/og:image. */
function references(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(href|src|action|srcset|content)="([^"]*)"/g)) {
    const value = decodeEntities(m[2]!);
    if (m[1] === 'srcset') out.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
    else if (m[1] === 'content') { if (/^https?:\/\//.test(value)) out.push(value); }
    else out.push(value);
  }
  return out;
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

/** The site's origin, from the home page's canonical URL (it is the configured `site`). */
function siteOrigin(dist: string): string {
  const canonical = readPage(dist, 'index.html').match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  if (!canonical) throw new Error('the home page has no canonical URL');
  return new URL(canonical).origin;
}

function brokenLinks(dist: string, base: string): string[] {
  const origin = siteOrigin(dist);
  const ids = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    if (!ids.has(file)) ids.set(file, idsOf(readFileSync(file, 'utf8')));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  /** Why a reference is broken, or undefined when it resolves. */
  const problem = (pageUrl: URL, ref: string): string | undefined => {
    if (/^(mailto|tel|data):/i.test(ref)) return undefined;
    if (/^javascript:/i.test(ref)) return 'javascript: URL';
    const target = new URL(ref, pageUrl);
    if (target.origin !== origin) return undefined; // a link to another site (requests are the privacy gate's)
    if (!target.pathname.startsWith(base)) return `outside the base ${base}`;
    const file = fileFor(dist, target.pathname.slice(base.length));
    if (!file) return 'no such file';
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && !(file.endsWith('.html') && idsIn(file).has(fragment))) return `no id="${fragment}"`;
    return undefined;
  };
  const check = (from: string, pageUrl: URL, ref: string) => {
    const why = problem(pageUrl, ref);
    if (why) broken.push(`${from}: ${ref} (${why})`);
  };
  const pages = sitePages(dist);
  for (const { file, path } of pages) {
    const pageUrl = new URL(base + path, origin);
    for (const ref of references(readPage(dist, file))) check(`/${path}`, pageUrl, ref);
  }
  const assets = join(dist, '_astro');
  for (const css of readdirSync(assets).filter((f) => f.endsWith('.css'))) {
    const cssUrl = new URL(`${base}_astro/${css}`, origin);
    for (const m of readFileSync(join(assets, css), 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) check(`_astro/${css}`, cssUrl, m[1]!);
  }
  return broken;
}

describe('internal links and fragments resolve', () => {
  test('at the root (dist/)', () => {
    expect(sitePages(DIST).length).toBeGreaterThan(3);
    expect(brokenLinks(DIST, '/')).toEqual([]);
  });
  test(`under a sub-path (dist-sub/, ${SUB_PATH})`, () => {
    expect(sitePages(DIST_SUB).map((p) => p.path)).toEqual(sitePages(DIST).map((p) => p.path));
    expect(brokenLinks(DIST_SUB, SUB_PATH)).toEqual([]);
  });
  test('the checker reports a missing page, a missing fragment, an escape from the base and a broken css url()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pe-links-'));
    const canonical = '<link rel="canonical" href="https://example.org/sub/">';
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'index.html'), `${canonical}<p id="top"></p><a href="a/#top">ok</a><a href="#top">ok</a><a href="https://elsewhere.example/">other site</a>`);
    writeFileSync(join(dir, 'a', 'index.html'), '<h1 id="top"></h1><a href="../#nope">x</a><a href="/sub/b/">y</a><img src="/other/x.png" alt="">');
    writeFileSync(join(dir, '_astro', 's.css'), 'a { background: url("./missing.svg"); }');
    expect(brokenLinks(dir, '/sub/')).toEqual([
      '/a/: ../#nope (no id="nope")',
      '/a/: /sub/b/ (no such file)',
      '/a/: /other/x.png (outside the base /sub/)',
      '_astro/s.css: ./missing.svg (no such file)',
    ]);
  });
});
