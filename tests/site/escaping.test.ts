/**
 * Builds a small site from tests/fixtures/syntax.txt, a seed full of characters that MDX and
 * HTML read as syntax, and checks that the pages show them literally and execute nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseSeed } from '../../src/convert/parse.ts';
import { buildSite } from '../helpers/build.ts';
import { htmlText, inner, readPage } from '../helpers/html.ts';
import { squash } from '../helpers/mdx-text.ts';
import { registry } from '../helpers/model.ts';
import { FIXTURES, REGISTRY_FILE, ROOT } from '../helpers/paths.ts';
import { readFileSync } from 'node:fs';

const root = mkdtempSync(join(tmpdir(), 'pe-syntax-'));
const seed = readFileSync(join(FIXTURES, 'syntax.txt'), 'utf8');
/** The fixture's document id, as the converter derives it (from its 发文字号). */
const id = parseSeed('seeds/syntax.txt', seed, registry).id;

beforeAll(() => {
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content'));
  cpSync(join(FIXTURES, 'syntax.txt'), join(root, 'seeds', 'syntax.txt'));
  cpSync(REGISTRY_FILE, join(root, 'content', 'departments.yaml'));
  execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root]);
  buildSite({ outDir: join(root, 'dist'), contentDir: join(root, 'content') });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the full text shows every character of the seed literally', () => {
  const html = readPage(join(root, 'dist'), `policies/${id}/text/index.html`);
  const article = inner(html, 'article');
  const text = squash(htmlText(article));
  for (const line of seed.split('\n').filter((l) => l.trim())) expect(text).toContain(squash(line));
  // Nothing from the text became an element.
  expect(article).not.toMatch(/<script|<b>|<em>|<strong>粗|<a href="http:\/\/example|<code>|<h1>第一部分|<li>/);
  expect(html).not.toContain('alert("x")</script>');
});

test('a provision page shows braces, tags and Markdown characters as text', () => {
  const html = readPage(join(root, 'dist'), `policies/${id}/1-1/index.html`);
  const text = htmlText(inner(html, 'div', /<div class="pe-provision__text">/));
  expect(text).toContain('正文 {表达式} <Cite>伪组件</Cite> [链接](http://example.com) \\反斜杠 | 竖线 | ~波浪~ 1. 列表 - 项 www.example.com 3%-5%');
  expect(text).toContain("import x from 'y'; export const z = 1;");
});

test('the library home, the document bar and the search page show the title with its braces as text', () => {
  const dist = join(root, 'dist');
  const title = parseSeed('seeds/syntax.txt', seed, registry).provisionsTitle;
  expect(title).toContain('{');
  expect(htmlText(inner(readPage(dist, 'index.html'), 'ol', /<ol class="pe-lib__list"[^>]*>/))).toContain(title);
  expect(htmlText(inner(readPage(dist, `policies/${id}/index.html`), 'div', /<div class="pe-docbar"[^>]*>/))).toContain(title);
  expect(htmlText(inner(readPage(dist, 'search/index.html'), 'select', /<select[^>]* name="doc"[^>]*>/))).toContain(title);
});
