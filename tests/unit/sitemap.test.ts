import { expect, test } from 'vitest';
import { sitemapXml } from '../../src/integrations/sitemap.ts';

test('sitemap.xml: absolute URLs under the base, 404 left out, sorted, escaped', () => {
  const xml = sitemapXml(new URL('https://example.org'), '/sub/', ['', 'provisions/2-1/', '404/', 'a&b/', 'provisions/2-1/']);
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toEqual(['https://example.org/sub/', 'https://example.org/sub/a&#38;b/', 'https://example.org/sub/provisions/2-1/']);
  expect(sitemapXml(new URL('https://example.org'), '/', ['policy/'])).toContain('<loc>https://example.org/policy/</loc>');
});
