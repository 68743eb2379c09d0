/** Reading built HTML without a DOM library: enough for the checks in tests/site. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return named[e.toLowerCase()]!;
  });
}

/** The visible text of an HTML fragment (scripts and styles dropped). */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '').replace(/<[^>]+>/g, ''));
}

/** The inner HTML of the first element matching an opening-tag pattern, e.g. /<main\b[^>]*>/. */
export function inner(html: string, tag: string, open: RegExp = new RegExp(`<${tag}\\b[^>]*>`)): string {
  const start = html.search(open);
  if (start < 0) return '';
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(html.indexOf('>', start) + 1, m.index);
  }
  return '';
}

export function attrs(html: string, attr: 'href' | 'src' | 'id'): string[] {
  return [...html.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]!));
}

/** Every built page, as a path relative to the site root (provisions/2-1/index.html). */
export function pages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
}

export function readPage(dist: string, page: string): string {
  return readFileSync(join(dist, page), 'utf8');
}
