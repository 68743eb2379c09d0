/**
 * Metadata of the library build: with several documents, every page still has its own <title>
 * and canonical URL, and the sitemap lists every page of every document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { decodeEntities } from '../helpers/html.ts';
import { DIST_LIBRARY } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';

const content = sitePages(DIST_LIBRARY).filter((p) => p.path !== '404.html');
const read = (file: string) => readFileSync(join(DIST_LIBRARY, file), 'utf8');
const origin = new URL(read('index.html').match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin;

test('every page of the library build has a unique <title> and its own canonical URL', () => {
  const titles = new Map<string, string>();
  const clashes: string[] = [];
  for (const { file, path } of content) {
    const html = read(file);
    const title = decodeEntities(html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '');
    if (titles.has(title)) clashes.push(`/${path} and /${titles.get(title)}: ${title}`);
    titles.set(title, path);
    expect(html.match(/<link rel="canonical" href="([^"]+)"/)?.[1], path).toBe(new URL(`/${path}`, origin).href);
  }
  expect(clashes).toEqual([]);
});

test('the sitemap lists every page of every document (the 404 page aside)', () => {
  const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeEntities(m[1]!));
  expect(locs.sort()).toEqual(content.map((p) => new URL(`/${p.path}`, origin).href).sort());
});
