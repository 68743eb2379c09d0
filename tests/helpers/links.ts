/**
 * The link checker of the quality gates: every internal href/src/action, #fragment and stylesheet
 * url() of a build resolves to a file of it (tests/quality/links.test.ts, tests/library/quality.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities, readPage } from './html.ts';
import { fileFor, sitePages } from './site.ts';

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

export function brokenLinks(dist: string, base: string): string[] {
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
