/**
 * Issue 21, item 1: registry and document fields full of ASCII punctuation and JSX syntax
 * ("'{}<>`& and an expression that would write a file) reach the pages literally and run nothing.
 * Builds a small site from tests/fixtures/hostile/: a seed whose title, 主送, notice, preamble,
 * chapter, headline and text hold every ASCII punctuation mark, a department whose every field
 * does, and a documents.yaml entry whose url does.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite } from '../helpers/build.ts';
import { decodeEntities, readPage } from '../helpers/html.ts';
import { FIXTURES, REGISTRY_FILE, ROOT } from '../helpers/paths.ts';

const HOSTILE = join(FIXTURES, 'hostile');
const root = mkdtempSync(join(tmpdir(), 'pe-hostile-'));
const dist = join(root, 'dist');
const seed = readFileSync(join(HOSTILE, 'punctuation.txt'), 'utf8');
const department = (parseYaml(readFileSync(join(HOSTILE, 'department.yaml'), 'utf8')) as Record<string, string | string[]>[])[0]!;
const meta = (parseYaml(readFileSync(join(HOSTILE, 'documents.yaml'), 'utf8')) as { url: string }[])[0]!;
/** Visible text, tags removed with their quoted attributes whole (a title may hold > and <). */
const htmlText = (html: string) => decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ''));
const ASCII_PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** What the abbreviation rule forbids (src/model/registry.ts): spaces, brackets, list separators. */
const NOT_IN_ABBR = [...'(),:;'];

beforeAll(() => {
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content'));
  cpSync(join(HOSTILE, 'punctuation.txt'), join(root, 'seeds', 'punctuation.txt'));
  writeFileSync(join(root, 'content', 'departments.yaml'), `${readFileSync(REGISTRY_FILE, 'utf8')}\n${readFileSync(join(HOSTILE, 'department.yaml'), 'utf8')}`);
  cpSync(join(HOSTILE, 'documents.yaml'), join(root, 'content', 'documents.yaml'));
  execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root });
  buildSite({ outDir: dist, contentDir: join(root, 'content') });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('every punctuation mark in every field, shown literally', () => {
  test('the fixtures hold every ASCII punctuation mark in every free-text field', () => {
    for (const field of ['name', 'nameEn', 'note'] as const) expect(ASCII_PUNCTUATION.filter((c) => !String(department[field]).includes(c))).toEqual([]);
    expect(ASCII_PUNCTUATION.filter((c) => !(department.aliases as string[])[0]!.includes(c))).toEqual([]);
    expect(ASCII_PUNCTUATION.filter((c) => !String(department.abbr).includes(c))).toEqual(NOT_IN_ABBR);
    expect(ASCII_PUNCTUATION.filter((c) => !meta.url.includes(c))).toEqual([]);
  });

  test('nothing a field holds ran: no file was written by the expressions in the names', () => {
    for (const dir of [ROOT, root]) for (const name of ['PWNED-1', 'PWNED-2']) expect(existsSync(join(dir, name))).toBe(false);
  });

  test('a provision links the department with its full name, character for character', () => {
    const html = readPage(dist, 'policies/cbz-2024-7/1-1/index.html');
    const link = /<a class="pe-dept" data-dept="hostile"[^>]*title="([^"]*)"[^>]*>([\s\S]*?)<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(decodeEntities(link![1]!)).toBe(department.name);
    expect(htmlText(link![2]!)).toBe(department.abbr);
  });

  test('the department page shows its name, English name and note as text', () => {
    const text = htmlText(readPage(dist, 'departments/hostile/index.html'));
    for (const field of ['name', 'nameEn', 'note', 'abbr'] as const) expect(text).toContain(department[field]);
  });

  test('every line of the seed is on the full-text page, as written', () => {
    const text = htmlText(readPage(dist, 'policies/cbz-2024-7/text/index.html')).replace(/\s+/g, '');
    for (const line of seed.split('\n').filter((l) => l.trim())) expect(text).toContain(line.replace(/\s+/g, ''));
  });

  test('the url of documents.yaml is the 原文 link, unchanged', () => {
    const html = readPage(dist, 'policies/cbz-2024-7/index.html');
    const hrefs = [...html.matchAll(/<a class="pe-print-url" href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
    // The status line and the status note (issue 22) both link the source: every such link is the url as declared.
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs)).toEqual(new Set([meta.url]));
  });

  test('the data files carry the url and the title unchanged (officialUrl in policy.json and index.json)', () => {
    const policy = JSON.parse(readFileSync(join(dist, 'data', 'cbz-2024-7', 'policy.json'), 'utf8')) as { document: { officialUrl: string; title: string } };
    expect(policy.document.officialUrl).toBe(meta.url);
    const index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { documents: { id: string; officialUrl: string }[] };
    expect(index.documents.find((d) => d.id === 'cbz-2024-7')?.officialUrl).toBe(meta.url);
    // The title, with every punctuation mark, is the seed's first line as written.
    expect(policy.document.title).toBe(seed.split('\n')[0]!.trim());
  });
});
