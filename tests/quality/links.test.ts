/**
 * Links: every internal href/src/action and #fragment on every page resolves to a file of the
 * build, at the root and under a sub-path; url() references in the stylesheets too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { brokenLinks } from '../helpers/links.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';

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
