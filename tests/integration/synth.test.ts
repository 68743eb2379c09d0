/**
 * The synthetic libraries of the scale benchmark (tests/bench/synth.ts): what the benchmark's
 * figures rest on. A small library converts without error and has what the benchmark claims:
 * the three forms, fictional titles, citations that become links between documents, departments
 * shared by all documents and fictional ones, a common word in most documents and a rare one in
 * exactly one.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { convert } from '../helpers/forms.ts';
import { CONTENT_DIR, SEEDS_DIR } from '../helpers/paths.ts';
import { COMMON_WORD, longDocument, RARE_WORD, synthesizeLibrary, synthesizeLongLibrary } from '../bench/synth.ts';

const N = 30;
const root = mkdtempSync(join(tmpdir(), 'pe-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`a synthetic library of ${N} documents`, () => {
  const docs = synthesizeLibrary(root, N, CONTENT_DIR);
  const result = convert(root);
  const folders = readdirSync(join(root, 'content', 'policies')).sort();
  const read = (id: string, file: string) => readFileSync(join(root, 'content', 'policies', id, file), 'utf8');

  test('converts without error into one folder per document', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(folders).toHaveLength(N);
    expect(docs).toHaveLength(N);
  });

  test('is fictional: every title says 示例 and 测试, every text says it is not a real policy', () => {
    for (const d of docs) {
      expect(d.title).toMatch(/示例/);
      expect(d.title).toMatch(/测试/);
      expect(d.text).toMatch(/虚构|测试文本/);
    }
  });

  test('has the three forms: 印发 notices, direct opinions with 责任单位 lines, and 办法 in articles', () => {
    const forms = folders.map((id) => (parseYaml(read(id, 'document.mdx').split('---\n')[1]!) as { form: string; chapters: { kind: string }[] }));
    expect(new Set(forms.map((f) => f.form))).toEqual(new Set(['notice', 'direct']));
    expect(new Set(forms.flatMap((f) => f.chapters.map((c) => c.kind)))).toEqual(new Set(['part', 'chapter']));
    expect(docs.some((d) => /^责任单位：/m.test(d.text))).toBe(true);
    expect(docs.some((d) => /^牵头单位：.*配合单位：/m.test(d.text))).toBe(true);
  });

  test('cites earlier documents, and the citations become links to them', () => {
    const links = folders.flatMap((id) => [...`${read(id, 'document.mdx')}${read(id, 'provisions.mdx')}`.matchAll(/<(?:Cite|DocNo) to="([^"]+)"/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThanOrEqual(N - 1);
    expect(links.every((id) => folders.includes(id))).toBe(true);
  });

  test('names departments of the registry and fictional ones', () => {
    const registry = parseYaml(readFileSync(join(CONTENT_DIR, 'departments.yaml'), 'utf8')) as { id: string }[];
    const named = new Set(folders.flatMap((id) => [...read(id, 'provisions.mdx').matchAll(/slug: "([^"]+)"/g)].map((m) => m[1]!)));
    expect([...named].filter((id) => registry.some((d) => d.id === id)).length).toBeGreaterThan(10);
    expect([...named].filter((id) => id.startsWith('synth-dept-')).length).toBeGreaterThanOrEqual(3);
  });

  test(`“${COMMON_WORD}” is in most documents, “${RARE_WORD}” in exactly one`, () => {
    expect(docs.filter((d) => d.text.includes(COMMON_WORD)).length).toBeGreaterThan(N * 0.8);
    expect(docs.filter((d) => d.text.includes(RARE_WORD))).toHaveLength(1);
  });

  test('is the same every time', () => {
    const again = mkdtempSync(join(tmpdir(), 'pe-synth-'));
    try {
      expect(synthesizeLibrary(again, N, CONTENT_DIR).map((d) => d.text)).toEqual(docs.map((d) => d.text));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('the size benchmark’s long document (longDocument())', () => {
  const sizeRoot = mkdtempSync(join(tmpdir(), 'pe-long-'));
  afterAll(() => rmSync(sizeRoot, { recursive: true, force: true }));

  test('the seed and one 办法 of N articles in chapters of 15, converted without error', () => {
    const doc = synthesizeLongLibrary(sizeRoot, 40, SEEDS_DIR, CONTENT_DIR)!;
    expect(doc.title).toMatch(/示例.*测试/);
    const result = convert(sizeRoot);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const folders = readdirSync(join(sizeRoot, 'content', 'policies')).sort();
    expect(folders).toHaveLength(2);
    const long = folders.find((f) => f.endsWith('-40'))!;
    const provisions = (parseYaml(readFileSync(join(sizeRoot, 'content', 'policies', long, 'provisions.mdx'), 'utf8').split('---\n')[1]!) as { provisions: { kind: string; chapter: number }[] }).provisions;
    expect(provisions).toHaveLength(40);
    expect(provisions.every((m) => m.kind === 'article')).toBe(true);
    expect(Math.max(...provisions.map((m) => m.chapter))).toBe(3);
  });

  test('beyond 9,999 provisions (the largest numeral written), items 一、/（一） in chapters of 15', () => {
    const doc = longDocument(10_000);
    expect(doc.text.match(/^（[一二三四五六七八九十]+）/gmu)).toHaveLength(10_000);
    expect(doc.text.match(/^[一二三四五六七八九十百零]+、/gmu)).toHaveLength(Math.ceil(10_000 / 15));
    expect(longDocument(10_000).text).toBe(doc.text);
  });
});
