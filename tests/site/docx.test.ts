/**
 * Taking a document away (issue 22): its Word file is built at policies/<id>/<id>.docx, served
 * under that .docx name, and linked as “下载 Word 文件（.docx）” from its home, full text and data
 * pages and from /data/, at the root and under a sub-path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { decodeEntities, htmlText, readPage } from '../helpers/html.ts';
import { policy } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { DOC, doc, fileOf } from '../helpers/urls.ts';

const FILE = `${DOC}.docx`;
const PAGES = [doc(), doc('text/'), doc('data/'), 'data/'];

/** The links of a page to its document's Word file: href, download name and text. */
const docxLinks = (html: string, target: string) =>
  [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)]
    .map(([, a, body]) => ({ href: decodeEntities(/\shref="([^"]*)"/.exec(a!)?.[1] ?? ''), download: /\sdownload="([^"]*)"/.exec(a!)?.[1], text: htmlText(body!) }))
    .filter((l) => l.href === target);

describe.each([
  ['/', DIST],
  [SUB_PATH, DIST_SUB],
])('under %s', (base, dist) => {
  const target = `${base}${doc(FILE)}`;

  test('the Word file is built under the document’s id, and is a Word file', () => {
    const file = join(dist, 'policies', DOC, FILE);
    expect(existsSync(file)).toBe(true);
    const parts = unzipSync(readFileSync(file));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']));
    expect(new TextDecoder().decode(parts['[Content_Types].xml'])).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  });

  test.each(PAGES)('%s links it as “下载 Word 文件（.docx）”, saved as <id>.docx', (page) => {
    const links = docxLinks(readPage(dist, fileOf(page)), target);
    expect(links.length, page).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.text.startsWith(t.doc.docx)).toBe(true);
      expect(l.download).toBe(FILE);
    }
  });
});

test('/data/ names the document of each Word file link for screen readers', () => {
  const [link] = docxLinks(readPage(DIST, 'data/index.html'), `/${doc(FILE)}`);
  expect(link!.text).toContain(policy.provisionsTitle);
});

test('index.json lists the Word file among the document’s files', () => {
  const index = JSON.parse(readFileSync(join(DIST, 'data', 'index.json'), 'utf8')) as { documents: { id: string; files: Record<string, string> }[] };
  const entry = index.documents.find((d) => d.id === DOC)!;
  expect(new URL(entry.files.docx!).pathname).toBe(`/${doc(FILE)}`);
});

test.each(['siteUrl', 'subSiteUrl'] as const)('the server of %s sends it as a Word document', async (key) => {
  const res = await fetch(`${inject(key)}${doc(FILE)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  expect(new URL(res.url).pathname.endsWith(`/${FILE}`)).toBe(true);
});
