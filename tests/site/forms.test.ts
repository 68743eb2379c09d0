/**
 * Builds a site from the fixtures of every document form (tests/fixtures/forms/) and checks that
 * every line of every fixture reaches its pages (the full text, and each provision its own page),
 * with the new structures rendered: sub-items each on their own line, article labels, sections,
 * attachments, the closing parts and the 版记.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { citedTitle, provisionsOf, citedLabel } from '../../src/model/derive.ts';
import { parseQueryTarget, parseProvisionLabel } from '../../src/views/provision-query.ts';
import { LINE_BREAK_RE } from '../../src/convert/lines.ts';
import { buildSite } from '../helpers/build.ts';
import { copyForms, convert, forms, parse, visible } from '../helpers/forms.ts';
import { REGISTRY_FILE } from '../helpers/paths.ts';
import { htmlText, inner, readPage } from '../helpers/html.ts';

/**
 * A fixed folder, not a fresh temporary one: Astro's content cache keeps the file path of an entry
 * whose content has not changed, so a second run from another folder would point at the first.
 */
const root = join(tmpdir(), 'pe-forms-site');
const dist = join(root, 'dist');
const docs = new Map([...forms].map(([name, text]) => [name, parse(text, `seeds/${name}`)]));

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'content'));
  cpSync(REGISTRY_FILE, join(root, 'content', 'departments.yaml'));
  copyForms(root);
  const result = convert(root);
  if (result.status !== 0) throw new Error(result.stderr);
  buildSite({ outDir: dist, contentDir: join(root, 'content') });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (path: string) => readPage(dist, path);
const article = (html: string) => inner(html, 'article');

describe.each([...forms.keys()])('%s', (name) => {
  const doc = docs.get(name)!;

  test('every line reaches the full text', () => {
    const text = visible(htmlText(article(page(`policies/${doc.id}/text/index.html`))));
    for (const line of forms.get(name)!.split(LINE_BREAK_RE).filter((l) => l.trim())) expect(text).toContain(visible(line));
  });

  test('every provision has its own page, with every line of its text and its label', () => {
    for (const m of provisionsOf(doc)) {
      const html = page(`policies/${doc.id}/${m.id}/index.html`);
      const text = visible(htmlText(inner(html, 'div', /<div class="pe-provision__text">/)));
      for (const line of m.text.split('\n')) expect(text).toContain(visible(line));
      expect(htmlText(inner(html, 'h1'))).toContain(citedLabel(m));
    }
  });

  test('the document page: its head, and every attachment', () => {
    const text = visible(htmlText(page(`policies/${doc.id}/index.html`)));
    expect(text).toContain(visible(doc.title));
    for (const a of doc.attachments ?? []) for (const line of [a.label, a.title, ...a.text.split('\n')]) expect(text).toContain(visible(line));
  });

  test('every attachment has its own page, its title the h1', () => {
    for (const a of doc.attachments ?? []) {
      const html = page(`policies/${doc.id}/attachments/${a.number}/index.html`);
      expect(htmlText(inner(html, 'h1'))).toBe(a.title);
      const text = visible(htmlText(article(html)));
      for (const line of [a.label, ...a.text.split('\n')]) expect(text).toContain(visible(line));
    }
  });
});

describe('the new structures, rendered', () => {
  const id = (name: string) => docs.get(name)!.id;

  test('sub-items each in their own paragraph; the attribution line its own', () => {
    const body = inner(page(`policies/${id('direct.txt')}/2-1/index.html`), 'div', /<div class="pe-provision__text">/);
    const paragraphs = [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => htmlText(m[1]!));
    expect(paragraphs.map((p) => p.slice(0, 4))).toEqual(['（一）完', '1.建设', '（1）新', '（2）改', '2.推进', '责任单位']);
  });

  test('a one-sentence provision is a paragraph, its number and headline side by side', () => {
    const body = inner(page(`policies/${id('regulation.txt')}/1-3/index.html`), 'div', /<div class="pe-provision__text">/);
    expect(body.trim()).toMatch(/^<p><span class="pe-marker">第三条<\/span>\u3000<strong class="pe-headline">本规定自发布之日起施行。<\/strong><\/p>$/);
  });

  test('articles are labelled 第N条; chapters 第N章 and sections 第N节 head the full text', () => {
    const html = page(`policies/${id('articles.txt')}/2-4/index.html`);
    expect(htmlText(inner(html, 'h1'))).toContain('第四条');
    expect(html).toContain('《示例市测试数据管理办法》第四条');
    const full = article(page(`policies/${id('articles.txt')}/text/index.html`));
    expect(full).toMatch(/<h2 class="pe-chapter__title"[^>]*>第二章\u3000管理职责<\/h2>/);
    expect(full).toMatch(/<h3 class="pe-section__title"[^>]*>第一节\u3000部门职责<\/h3>/);
  });

  test('the 版记 is metadata on the document page and a footer of the full text', () => {
    const meta = htmlText(inner(page(`policies/${id('direct.txt')}/index.html`), 'dl'));
    expect(meta).toContain('抄送市委各部委，市人大常委会办公厅，市政协办公厅。');
    expect(meta).toContain('印发示例市人民政府办公厅 2022年5月11日');
    expect(article(page(`policies/${id('direct.txt')}/text/index.html`))).toMatch(/<footer class="pe-doc__colophon"[^>]*>/);
  });

  test('lead and partner departments: the lead is tagged 牵头', () => {
    const html = page(`policies/${id('notice.txt')}/2-1/index.html`);
    const list = htmlText(inner(html, 'ol', /<ol class="pe-dept-list"/));
    expect(list.indexOf('市教委')).toBeLessThan(list.indexOf('牵头'));
    expect(list.match(/牵头/g)).toHaveLength(1);
  });

  test('a document without 发文字号 shows none, never "null"', () => {
    for (const name of ['notice-no-number.txt', 'articles.txt']) {
      const html = page(`policies/${id(name)}/index.html`);
      expect(html).not.toMatch(/null|（）/);
    }
  });
});

describe('search: every provision of every form answers to its label (src/views/provision-query.ts)', () => {
  /** The Pagefind filter values a built page carries for one filter. */
  const filterValues = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`<meta name="pagefind-filter-${name}" data-pagefind-filter="${name}\\[content\\]" content="([^"]*)"`, 'g'))].map((m) => m[1]!);

  test.each([...forms.keys()])('%s: its label, 第N章第M条 for an article in a chapter, and nothing else', (name) => {
    const doc = docs.get(name)!;
    const keysOf = new Map(provisionsOf(doc).map((m) => [m.id, filterValues(page(`policies/${doc.id}/${m.id}/index.html`), 'provision')]));
    for (const m of provisionsOf(doc)) {
      const forms = [citedLabel(m), m.id];
      const chapter = doc.chapters.find((c) => c.number === m.chapter)!;
      if (m.kind === 'article' && chapter.kind === 'chapter') forms.push(`${chapter.marker}${citedLabel(m)}`);
      for (const q of forms) {
        const keys = parseProvisionLabel(q);
        expect(keys, `${name} ${q}`).not.toBeNull();
        const named = [...keysOf].filter(([, ks]) => ks.some((k) => keys!.includes(k))).map(([id]) => id);
        expect(named, `${name} ${q}`).toEqual([m.id]);
      }
    }
  });

  test.each([...forms.keys()])('%s: the document answers to its title and, if it has one, its 发文字号', (name) => {
    const doc = docs.get(name)!;
    const values = filterValues(page(`policies/${doc.id}/index.html`), 'place');
    expect(values).toContain(`t:${citedTitle(doc).replace(/（/gu, '(').replace(/）/gu, ')')}`);
    if (doc.docNumber) expect(values).toContain(parseQueryTarget(doc.docNumber)!.document!.key);
    else expect(values.filter((v) => v.startsWith('n:'))).toEqual([]);
  });
});
