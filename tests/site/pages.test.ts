import { describe, expect, test } from 'vitest';
import { chapterLabel, citeMeasure, headlineTitle, measureLabel } from '../../src/views/citation.ts';
import { squash } from '../helpers/mdx-text.ts';
import { attrs, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { measures, policy, registry, seedText } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';

const page = (p: string) => readPage(DIST, p);
const mainText = (p: string) => htmlText(inner(page(p), 'main'));
const seedLines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);

describe('every page', () => {
  const all = pages(DIST);
  test('the reading pages exist', () => {
    for (const p of ['index.html', 'policy/index.html', ...measures.map((m) => `measures/${m.id}/index.html`)]) expect(all).toContain(p);
  });

  test.each(all)('%s: zh-CN, one h1, title, description, canonical, skip link, landmarks', (p) => {
    const html = page(p);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/i);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toMatch(/<title>[^<]{4,}<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]{10,}">/);
    // The 404 page is served at any missing address: no canonical URL, kept out of search engines.
    if (p === '404.html') expect(html).toContain('<meta name="robots" content="noindex">');
    else expect(html).toMatch(/<link rel="canonical" href="https:\/\/[^"]+\/">/);
    expect(html).toContain('<a class="pe-skip" href="#main">');
    expect(html).toMatch(/<main id="main"/);
  });

  test.each(all)('%s: loads nothing from another host', (p) => {
    const html = page(p);
    const external = [...html.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/rel="canonical"/.test(tag))
      .filter((tag) => /(src|href)="(https?:)?\/\//.test(tag));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import|fonts\.googleapis|<link[^>]+rel="preconnect"/);
  });
});

describe('home page', () => {
  const text = mainText('index.html');
  test('document header: 标题, 发文字号, 发文机关, 成文日期, 主送', () => {
    const dl = htmlText(inner(page('index.html'), 'dl'));
    const rows: [string, string][] = [
      ['标题', policy.title], ['发文字号', policy.docNumber!], ['发文机关', policy.issuer], ['成文日期', policy.date],
      ['主送', policy.addressees!.replace(/：$/, '')], ['依据文件', `《${policy.implements!.title}》（${policy.implements!.number}）`],
    ];
    for (const [label, value] of rows) expect(dl).toContain(label + value);
  });
  test('the notice and the preamble, in full', () => {
    for (const line of [...policy.notice, ...policy.preamble, policy.signature!, policy.date]) expect(squash(text)).toContain(squash(line));
  });
  test('a table of contents of every chapter and measure, linking to the measure pages', () => {
    const toc = inner(page('index.html'), 'nav', /<nav class="pe-toc"[^>]*>/);
    for (const c of policy.chapters) expect(htmlText(toc)).toContain(c.marker + c.title);
    const links = attrs(toc, 'href').filter((h) => h.startsWith('/measures/'));
    expect(links).toEqual(measures.map((m) => `/measures/${m.id}/`));
    for (const m of measures) expect(htmlText(toc)).toContain(m.marker + headlineTitle(m.headline));
  });
});

describe('full text', () => {
  const html = page('policy/index.html');
  test('every line of the seed, in order', () => {
    const text = squash(htmlText(inner(html, 'article')));
    let from = 0;
    for (const line of seedLines) {
      const at = text.indexOf(squash(line), from);
      expect(at, line.slice(0, 20)).toBeGreaterThanOrEqual(from);
      from = at + squash(line).length;
    }
  });
  test('ASCII anchors for every chapter and measure, each with a visible copy-link control', () => {
    const ids = attrs(html, 'id');
    for (const c of policy.chapters) expect(ids).toContain(`c${c.number}`);
    for (const m of measures) {
      expect(ids).toContain(`m${m.id}`);
      expect(html).toContain(`<a class="pe-permalink" href="#m${m.id}" data-copy-link>复制链接`);
    }
  });
});

describe('measure pages', () => {
  test.each(measures.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const html = page(`measures/${id}/index.html`);
    const chapter = policy.chapters[m.chapter - 1]!;
    // Breadcrumb: home › chapter › measure.
    const crumbs = htmlText(inner(html, 'nav', /<nav class="pe-breadcrumb"[^>]*>/));
    expect(crumbs).toBe(`首页${chapterLabel(m.chapter)} ${chapter.title}${measureLabel(m.number)}`);
    expect(htmlText(inner(html, 'h1'))).toBe(`${chapterLabel(m.chapter)}${measureLabel(m.number)}${headlineTitle(m.headline)}`);
    expect(htmlText(html)).toContain(chapter.marker + chapter.title);
    // The full text of the measure, exactly.
    expect(htmlText(inner(html, 'div', /<div class="pe-measure__text">/))).toBe(m.marker + m.text);
    // Responsible departments in the order listed, lead first.
    const list = inner(html, 'ol', /<ol class="pe-dept-list">/);
    const abbrs = [...list.matchAll(/pe-dept-list__abbr">([^<]+)</g)].map((x) => x[1]);
    expect(abbrs).toEqual(m.attribution?.departments.map((d) => d.abbr) ?? []);
    if (m.attribution) {
      expect(list.indexOf('牵头')).toBeLessThan(list.indexOf('</li>'));
      const lead = registry.find((d) => d.abbr === m.attribution!.departments[0]!.abbr)!;
      expect(htmlText(list)).toContain(lead.name);
    }
    // The citation, ready to paste.
    expect(html).toContain(`<output id="citation-text">${citeMeasure(policy.measuresTitle, m.chapter, m.number)}</output>`);
    // Previous and next.
    const i = measures.indexOf(m);
    const pager = inner(html, 'nav', /<nav class="pe-pager"[^>]*>/);
    expect(attrs(pager, 'href')).toEqual([measures[i - 1], measures[i + 1]].filter(Boolean).map((x) => `/measures/${x!.id}/`));
  });
});

describe('under a sub-path', () => {
  test.each(pages(DIST_SUB))('%s: every internal link and asset is under the base', (p) => {
    const html = readPage(DIST_SUB, p);
    const refs = [...attrs(html, 'href'), ...attrs(html, 'src')].filter((r) => !r.startsWith('#') && !/^https?:/.test(r));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.startsWith(SUB_PATH), r).toBe(true);
  });
});
