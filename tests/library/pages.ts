/** Reading the library build (dist-library/) without a DOM library: pages, elements, links, text. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities, htmlText } from '../helpers/html.ts';
import { DIST_LIBRARY } from '../helpers/paths.ts';

/** The HTML of a page by its URL path ('' for the home page, 'departments/' …). */
export function page(path: string): string {
  const file = join(DIST_LIBRARY, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`dist-library has no page /${path.replace(/^\//, '')}`);
  return readFileSync(file, 'utf8');
}

export const exists = (path: string): boolean => existsSync(join(DIST_LIBRARY, path.replace(/^\//, '')));

/** Outer HTML of every element whose opening tag matches `open` (e.g. /<li class="pe-lib__item"/), nesting respected. */
export function elements(html: string, tag: string, open: RegExp): string[] {
  const out: string[] = [];
  const starts = new RegExp(open.source, open.flags.includes('g') ? open.flags : `${open.flags}g`);
  for (let m = starts.exec(html); m; m = starts.exec(html)) {
    const start = m.index;
    const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    re.lastIndex = start;
    let depth = 0;
    for (let t = re.exec(html); t; t = re.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) { out.push(html.slice(start, t.index + t[0].length)); break; }
    }
  }
  return out;
}

/** The first such element, or ''. */
export const element = (html: string, tag: string, open: RegExp): string => elements(html, tag, open)[0] ?? '';

/** The page's <main>. */
export const main = (html: string): string => element(html, 'main', /<main\b/);

/** Visible text with whitespace collapsed. */
export const text = (html: string): string => htmlText(html).replace(/\s+/gu, ' ').trim();

/** Visible text without any whitespace, for comparisons with seed lines. */
export const squashed = (html: string): string => htmlText(html).replace(/\s+/gu, '');

/** Every <a href> with its visible text. */
export function anchorsIn(html: string): { href: string; text: string; html: string }[] {
  return elements(html, 'a', /<a\s[^>]*href="/).map((a) => ({
    href: decodeEntities(/href="([^"]*)"/.exec(a)![1]!),
    text: text(a),
    html: a,
  }));
}
