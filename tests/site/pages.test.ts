import { describe, expect, test } from 'vitest';
import { chapterLabel, citedTitle, departmentIds, headlineTitle, labelInChapter } from '../../src/model/derive.ts';
import { squash } from '../helpers/mdx-text.ts';
import { attrs, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { provisions, policy, registry, seedText } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { doc, fileOf, href, provision } from '../helpers/urls.ts';

const page = (p: string) => readPage(DIST, p);
const mainText = (p: string) => htmlText(inner(page(p), 'main'));
const seedLines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
const title = citedTitle(policy);
/** Departments the seed's attributions list (the library home counts them). */
const listedDepartments = new Set(provisions.flatMap(departmentIds));
const HOME = fileOf(doc());
const TEXT = fileOf(doc('text/'));

describe('every page', () => {
  const all = pages(DIST);
  test('the reading pages exist', () => {
    for (const p of ['index.html', HOME, TEXT, ...provisions.map((m) => fileOf(provision(m.id)))]) expect(all).toContain(p);
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

  test.each(all)('%s: the header leads to 文库, 我是……, 责任部门, 开放数据 and has a search box', (p) => {
    const header = inner(page(p), 'header', /<header class="pe-header"[^>]*>/);
    const nav = inner(header, 'nav');
    expect(attrs(nav, 'href')).toEqual(['/', '/groups/', '/departments/', '/data/']);
    expect([...nav.matchAll(/<a\b[^>]*>([^<]*)<\/a>/g)].map((m) => m[1])).toEqual(['文库', '我是……', '责任部门', '数据下载']);
    expect(header).toMatch(/<form class="pe-header__search" role="search" method="get" action="\/search\/"/);
    expect(header).toMatch(/<input[^>]* type="search" name="q"/);
  });
});

describe('the document bar and the footer name the document on its pages, and only there', () => {
  const all = pages(DIST);
  const ofDocument = all.filter((p) => p.startsWith(doc()));
  test('the document has its pages: home, text, provisions, 任务分工表, graph, summaries, references, data', () => {
    const expected = ['', 'text/', 'departments/', 'graph/', 'summary/', 'references/', 'data/',
      ...policy.chapters.map((c) => `summary/${c.number}/`), ...provisions.map((m) => `${m.id}/`)];
    expect([...ofDocument].sort()).toEqual(expected.map((p) => fileOf(doc(p))).sort());
  });

  test.each(ofDocument)('%s: the doc bar names the title and 发文字号, links the document’s sections; the footer names it', (p) => {
    const html = page(p);
    const bar = inner(html, 'div', /<div class="pe-docbar"[^>]*>/);
    expect(bar, 'a doc bar').not.toBe('');
    // Above <main>: a reader arriving from a shared link sees it first.
    expect(html.indexOf('class="pe-docbar"')).toBeLessThan(html.indexOf('<main'));
    const titleLink = bar.match(/<a class="pe-docbar__title" href="([^"]+)"[^>]*>([^<]+)<\/a>/);
    expect(titleLink?.slice(1)).toEqual([href(doc()), title]);
    expect(htmlText(bar)).toContain(policy.docNumber);
    const sections = attrs(inner(bar, 'nav'), 'href');
    for (const s of ['', 'text/', 'departments/', 'summary/', 'references/', 'data/']) expect(sections).toContain(href(doc(s)));
    const footer = htmlText(inner(html, 'footer', /<footer class="pe-footer"[^>]*>/));
    expect(footer).toContain(`${title}（${policy.docNumber}）`);
  });

  test.each(all.filter((p) => !p.startsWith('policies/')))('%s: a page outside the document has no doc bar', (p) => {
    expect(page(p)).not.toContain('class="pe-docbar"');
    expect(htmlText(inner(page(p), 'footer', /<footer class="pe-footer"[^>]*>/))).not.toContain(policy.docNumber);
  });
});

describe('library home', () => {
  const html = page('index.html');
  const items = [...inner(html, 'ol', /<ol class="pe-lib__list"[^>]*>/).matchAll(/<li class="pe-lib__item"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
  test('lists the seed with its title, 发文字号, 发文机关, 成文日期 and counts', () => {
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(htmlText(inner(item, 'h3'))).toBe(title);
    const dl = htmlText(inner(item, 'dl'));
    for (const [label, value] of [['发文字号', policy.docNumber], ['发文机关', policy.issuer], ['成文日期', policy.date]] as const) expect(dl).toContain(label + value);
    expect(item).toContain(`<time datetime="${policy.dateISO}"`);
    expect(listedDepartments.size).toBe(23);
    expect(htmlText(item)).toContain(`${provisions.length} 项措施`);
    expect(htmlText(item)).toContain(`${listedDepartments.size} 个责任部门`);
  });
  test('the title opens the document, and its full text is one click away', () => {
    const links = attrs(items[0]!, 'href');
    expect(attrs(inner(items[0]!, 'h3'), 'href')).toEqual([href(doc())]);
    expect(links).toContain(href(doc('text/')));
  });
  test('filters by year and by issuer, each a page that lists the seed', () => {
    const filters = inner(html, 'nav', /<nav class="pe-lib-filters"[^>]*>/);
    const links = [...filters.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, text: m[2]! }));
    const year = links.find((l) => l.text === policy.dateISO!.slice(0, 4));
    // Issuers are grouped through the registry (issue 22): the filter names the body, however the document writes it.
    const issuer = links.find((l) => l.href.startsWith('/library/issuer/'));
    expect(year?.href).toBe(`/library/year/${policy.dateISO!.slice(0, 4)}/`);
    expect(issuer?.href).toMatch(/^\/library\/issuer\/[a-z0-9-]+\/$/);
    for (const l of [year!, issuer!]) {
      const list = inner(page(fileOf(l.href.slice(1))), 'ol', /<ol class="pe-lib__list"[^>]*>/);
      expect(attrs(list, 'href'), l.href).toContain(href(doc()));
      expect(htmlText(list)).toContain(policy.docNumber);
    }
  });
});

describe('document home', () => {
  const text = mainText(HOME);
  test('document header: 标题, 发文字号, 发文机关, 成文日期, 主送, 依据文件', () => {
    const dl = htmlText(inner(page(HOME), 'dl'));
    const rows: [string, string][] = [
      ['标题', policy.title], ['发文字号', policy.docNumber!], ['发文机关', policy.issuer!], ['成文日期', policy.date!],
      ['主送', policy.addressees!.replace(/：$/, '')], ['依据文件', `《${policy.implements!.title}》（${policy.implements!.number}）`],
    ];
    for (const [label, value] of rows) expect(dl).toContain(label + value);
  });
  test('被以下文件引用: no other document of the library cites the seed, and the page says so', () => {
    const row = inner(page(HOME), 'div', /<div class="pe-meta__row" id="cited-by"[^>]*>/);
    expect(htmlText(row)).toMatch(/^被以下文件引用/);
    expect(attrs(row, 'href')).toEqual([]);
    expect(htmlText(row).length).toBeGreaterThan('被以下文件引用'.length);
  });
  test('the notice and the preamble, in full', () => {
    for (const line of [...policy.notice, ...policy.preamble, policy.signature!, policy.date!]) expect(squash(text)).toContain(squash(line));
  });
  test('a table of contents of every chapter and provision, linking to the provision pages', () => {
    const toc = inner(page(HOME), 'nav', /<nav class="pe-toc"[^>]*>/);
    for (const c of policy.chapters) expect(htmlText(toc)).toContain(c.marker + c.title);
    const links = attrs(toc, 'href').filter((h) => !h.includes('#'));
    expect(links).toEqual(provisions.map((m) => href(provision(m.id))));
    for (const m of provisions) expect(htmlText(toc)).toContain(m.marker + headlineTitle(m.headline));
  });
});

describe('full text', () => {
  const html = page(TEXT);
  test('every line of the seed, in order', () => {
    const text = squash(htmlText(inner(html, 'article')));
    let from = 0;
    for (const line of seedLines) {
      const at = text.indexOf(squash(line), from);
      expect(at, line.slice(0, 20)).toBeGreaterThanOrEqual(from);
      from = at + squash(line).length;
    }
  });
  test('ASCII anchors for every chapter and provision, each with a visible copy-link control', () => {
    const ids = attrs(html, 'id');
    for (const c of policy.chapters) expect(ids).toContain(`c${c.number}`);
    for (const m of provisions) {
      expect(ids).toContain(`m${m.id}`);
      expect(html).toContain(`<a class="pe-permalink" href="#m${m.id}" data-copy-link>复制链接`);
    }
  });
});

describe('provision pages', () => {
  test.each(provisions.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const html = page(fileOf(provision(id)));
    const chapter = policy.chapters[m.chapter - 1]!;
    // Breadcrumb: library › chapter › provision (the document bar right above it names the document).
    const crumbs = inner(html, 'nav', /<nav class="pe-breadcrumb"[^>]*>/);
    expect(htmlText(crumbs)).toBe(`文库${chapterLabel(m.chapter)} ${chapter.title}${labelInChapter(m.number)}`);
    expect(attrs(crumbs, 'href')).toEqual(['/', href(doc(`text/#c${m.chapter}`))]);
    expect(html.indexOf('class="pe-docbar"')).toBeLessThan(html.indexOf('class="pe-breadcrumb"'));
    expect(htmlText(inner(html, 'h1'))).toBe(`${chapterLabel(m.chapter)}${labelInChapter(m.number)}${headlineTitle(m.headline)}`);
    expect(htmlText(html)).toContain(chapter.marker + chapter.title);
    // The full text of the provision, exactly.
    expect(htmlText(inner(html, 'div', /<div class="pe-provision__text">/))).toBe(m.marker + m.text);
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
    expect(html).toContain(`<output id="citation-text">${`《${policy.provisionsTitle}》（${policy.docNumber}）${chapterLabel(m.chapter)}${labelInChapter(m.number)}`}</output>`);
    expect(attrs(html, 'href')).toContain(href(doc(`text/#m${m.id}`)));
    // Previous and next.
    const i = provisions.indexOf(m);
    const pager = inner(html, 'nav', /<nav class="pe-pager"[^>]*>/);
    expect(attrs(pager, 'href')).toEqual([provisions[i - 1], provisions[i + 1]].filter(Boolean).map((x) => href(provision(x!.id))));
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
