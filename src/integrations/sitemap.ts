/**
 * Writes <outDir>/sitemap.xml at the end of `astro build`: one <url> per built page (the 404
 * page excepted), absolute, under the configured `site` and `base`. robots.txt points to it.
 * Without `site` (SITE unset) there is no sitemap: its URLs must be absolute.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sitemap of the given page paths ('' for the home page, 'provisions/2-1/'…). */
export function sitemapXml(site: URL, base: string, pathnames: readonly string[]): string {
  const root = base.replace(/\/?$/, '/');
  const urls = [...new Set(pathnames)]
    .filter((p) => !/^404\/?$/.test(p))
    .map((p) => new URL(root + p.replace(/^\//, ''), site).href)
    .sort();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `  <url><loc>${escapeXml(u)}</loc></url>\n`)
    .join('')}</urlset>\n`;
}

export default function sitemapIntegration(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!site) {
          logger.info('no SITE: sitemap.xml not written (a sitemap needs absolute URLs)');
          return;
        }
        const xml = sitemapXml(site, base, pages.map((p) => p.pathname));
        writeFileSync(fileURLToPath(new URL('sitemap.xml', dir)), xml);
        logger.info(`wrote sitemap.xml (${xml.split('<url>').length - 1} pages)`);
      },
    },
  };
}
