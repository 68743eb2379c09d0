/** The open data files as built into dist/: read back and checked against the seed and the model. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { citedTitle, headlineTitle, citedLabel } from '../../src/model/derive.ts';
import { libraryIndexJsonSchema, policyJsonSchema } from '../../src/export/opendata.ts';
import { parseCsv, records } from '../helpers/csv.ts';
import { attrs, htmlText, inner, readPage } from '../helpers/html.ts';
import { provisionLinesFromSeed, provisions, policy, registry, seedAttributions } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';
import { DOC, doc, docFile, fileOf, href, provision } from '../helpers/urls.ts';

const file = (p: string) => readFileSync(join(DIST, 'data', p));
const text = (p: string) => file(p).toString('utf8');
const POLICY_JSON = `${DOC}/policy.json`;
const json = JSON.parse(text(POLICY_JSON));
const schema = JSON.parse(text('policy.schema.json'));
const index = JSON.parse(text('index.json'));
const indexSchema = JSON.parse(text('index.schema.json'));
const links = seedAttributions();
const byAbbr = new Map(registry.map((d) => [d.abbr, d]));
const title = citedTitle(policy);

/** Every key path of a JSON value: document.title, provisions[].id… */
function keyPaths(value: unknown): Set<string> {
  const paths = new Set<string>();
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, `${p}[]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const q = p ? `${p}.${k}` : k; paths.add(q); walk(x, q); }
  };
  walk(value, '');
  return paths;
}

describe('policy.json and policy.schema.json', () => {
  test('the schema is JSON Schema draft 2020-12, the one the code validates with', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  test('the seed’s policy.json lives under its id and validates against the published schema (and a broken copy does not)', () => {
    expect(existsSync(join(DIST, 'data', 'policy.json')), 'no library-wide policy.json: one per document').toBe(false);
    const validator = z.fromJSONSchema(schema);
    const result = validator.safeParse(json);
    expect(result.error?.issues ?? []).toEqual([]);
    const broken = structuredClone(json);
    broken.responsibilities[0].position = 0;
    expect(validator.safeParse(broken).success).toBe(false);
  });

  test('a $schema that resolves to the schema file, and a version field naming the schema version, the seed and the document date', () => {
    expect(new URL(json.$schema, `https://example.org/${docFile('policy.json')}`).pathname).toBe('/data/policy.schema.json');
    expect(json.version).toEqual({ schema: expect.stringMatching(/^\d+\.\d+\.\d+$/), source: policy.source.replace(/^.*\//, ''), documentDate: policy.dateISO });
  });

  test('document metadata as in the seed', () => {
    expect(json.document).toMatchObject({ id: DOC, title: policy.title, provisionsTitle: policy.provisionsTitle, docNumber: policy.docNumber, date: policy.date, dateISO: policy.dateISO, issuer: policy.issuer, signature: policy.signature, notice: policy.notice, preamble: policy.preamble, implements: policy.implements });
    expect(json.chapters.map((c: { marker: string; title: string }) => c.marker + c.title)).toEqual(policy.chapters.map((c) => c.marker + c.title));
  });

  test('every provision, its text equal to the seed line minus the marker, with a link to its page', () => {
    const lines = provisionLinesFromSeed();
    expect(json.provisions.map((m: { id: string }) => m.id)).toEqual([...lines.keys()]);
    for (const m of json.provisions) {
      expect(lines.get(m.id)).toBe(m.marker + m.text);
      expect(new URL(m.url).pathname).toBe(href(provision(m.id)));
      expect(existsSync(join(DIST, fileOf(provision(m.id))))).toBe(true);
    }
  });

  test('provision-department links and each provision’s departments, in the order written', () => {
    expect(json.responsibilities.map((r: { provision: string; department: string; position: number }) => ({ id: r.provision, abbr: registry.find((d) => d.id === r.department)!.abbr, position: r.position }))).toEqual(links);
    for (const m of json.provisions) expect(m.departments.map((id: string) => registry.find((d) => d.id === id)!.abbr)).toEqual(links.filter((l) => l.id === m.id).map((l) => l.abbr));
  });

  test('the department registry, complete', () => {
    expect(json.departments.map((d: { id: string }) => d.id).sort()).toEqual(registry.map((d) => d.id).sort());
    // Every registry field but the aliases, which serve search (/search/lexicon.json), not the document's data.
    for (const d of json.departments) {
      const { aliases: _aliases, ...entry } = byAbbr.get(d.abbr)!;
      expect(d).toMatchObject({ ...entry, note: entry.note ?? null });
    }
  });
});

describe('index.json and index.schema.json: the library', () => {
  test('the schema is JSON Schema draft 2020-12, the one the code validates with; index.json validates (a broken copy does not)', () => {
    expect(indexSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(indexSchema).toEqual(JSON.parse(JSON.stringify(libraryIndexJsonSchema())));
    expect(new URL(index.$schema, 'https://example.org/data/index.json').pathname).toBe('/data/index.schema.json');
    const validator = z.fromJSONSchema(indexSchema);
    expect(validator.safeParse(index).error?.issues ?? []).toEqual([]);
    const broken = structuredClone(index);
    broken.documents[0].provisions = -1;
    expect(validator.safeParse(broken).success).toBe(false);
  });

  test('one entry, the seed: its metadata and counts, its page and its files', () => {
    expect(index.version.schema).toBe(json.version.schema);
    expect(index.documents).toHaveLength(1);
    const [entry] = index.documents;
    const departments = new Set(links.map((l) => l.abbr)).size;
    expect(departments).toBe(23);
    expect(entry).toMatchObject({ id: DOC, title, docNumber: policy.docNumber, issuer: policy.issuer, date: policy.date, dateISO: policy.dateISO, provisions: provisions.length, departments });
    expect(new URL(entry.url).pathname).toBe(href(doc()));
    expect(new URL(entry.files.policy).pathname).toBe(`/${docFile('policy.json')}`);
    expect(new URL(entry.files.responsibilities).pathname).toBe(`/${docFile('responsibilities.csv')}`);
    for (const u of [entry.url, entry.files.policy, entry.files.responsibilities]) {
      const path = new URL(u).pathname.slice(1);
      expect(existsSync(join(DIST, path.endsWith('/') ? fileOf(path) : path)), u).toBe(true);
    }
  });
});

describe('CSV files', () => {
  const DOC_COLUMNS = ['文件名称', '发文字号'];
  test('responsibilities.csv: BOM, a Chinese header that round-trips, CRLF, one row per link of the library in order', () => {
    const bytes = file('responsibilities.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3, 3 + Buffer.byteLength('文件名称'))).normalize()).toBe('文件名称');
    const csv = parseCsv(bytes.toString('utf8'));
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]!.slice(0, 4)).toEqual([...DOC_COLUMNS, '编号', '所属部分']);
    const rows = records(csv);
    expect(rows).toHaveLength(links.length);
    expect(links).toHaveLength(60);
    rows.forEach((r, i) => {
      const m = provisions.find((x) => x.id === links[i]!.id)!;
      expect(r).toMatchObject({
        '文件代码（系统对接用）': DOC, 文件名称: title, 发文字号: policy.docNumber,
        '措施代码（系统对接用）': links[i]!.id, 措施标题: headlineTitle(m.headline),
        部门简称: links[i]!.abbr, 部门全称: byAbbr.get(links[i]!.abbr)!.name, 原文排列顺序: String(links[i]!.position),
        分工: links[i]!.position === 1 ? '牵头' : '参与（配合）',
      });
    });
  });

  test('the seed’s own responsibilities.csv: the same header, its rows of the library file', () => {
    const all = parseCsv(text('responsibilities.csv')).rows;
    const own = parseCsv(text(docFile('responsibilities.csv').slice('data/'.length)));
    expect(own.bom).toBe(true);
    expect(own.rows[0]).toEqual(all[0]);
    const code = all[0]!.indexOf('文件代码（系统对接用）');
    expect(own.rows.slice(1)).toEqual(all.slice(1).filter((r) => r[code] === DOC));
    expect(own.rows).toHaveLength(links.length + 1);
  });

  test('departments.csv: every department with its counts, documents and provisions', () => {
    const rows = records(parseCsv(text('departments.csv')));
    expect(rows.map((r) => r['部门代码（系统对接用）'])).toEqual(json.departments.map((d: { id: string }) => d.id));
    for (const r of rows) {
      const d = byAbbr.get(r['简称']!)!;
      const leads = links.filter((l) => l.abbr === d.abbr && l.position === 1);
      const others = links.filter((l) => l.abbr === d.abbr && l.position > 1);
      expect(r).toMatchObject({ '部门代码（系统对接用）': d.id, 全称: d.name, 英文名称: d.nameEn });
      expect(Number(r['文件数'])).toBe(leads.length + others.length > 0 ? 1 : 0);
      expect(Number(r['牵头'])).toBe(leads.length);
      expect(Number(r['参与（配合）'])).toBe(others.length);
      expect(Number(r['合计'])).toBe(leads.length + others.length);
      const cite = (id: string) => `${policy.docNumber}${citedLabel(provisions.find((m) => m.id === id)!)}`;
      expect(r['牵头的措施']).toBe(leads.map((l) => cite(l.id)).join('；'));
      expect(r['参与（配合）的措施']).toBe(others.map((l) => cite(l.id)).join('；'));
    }
  });

  test('per-department files partition responsibilities.csv', () => {
    const all = parseCsv(text('responsibilities.csv')).rows;
    const union: string[][] = [];
    for (const d of registry) {
      const part = parseCsv(text(`departments/${d.id}.csv`));
      expect(part.bom).toBe(true);
      expect(part.rows[0]).toEqual(all[0]);
      for (const row of part.rows.slice(1)) expect(row[all[0]!.indexOf('部门简称')]).toBe(d.abbr);
      union.push(...part.rows.slice(1));
    }
    expect(union.map((r) => r.join('|')).sort()).toEqual(all.slice(1).map((r) => r.join('|')).sort());
  });
});

describe('/data/ page', () => {
  const html = readPage(DIST, 'data/index.html');
  const main = inner(html, 'main');
  test('links to every file, and every link resolves', () => {
    const hrefs = attrs(main, 'href').filter((h) => h.startsWith('/data/'));
    const files = ['index.json', 'index.schema.json', 'policy.schema.json', `${DOC}/policy.json`, `${DOC}/responsibilities.csv`,
      'responsibilities.csv', 'departments.csv', ...registry.map((d) => `departments/${d.id}.csv`)];
    for (const f of files) expect(hrefs).toContain(`/data/${f}`);
    for (const h of hrefs) expect(existsSync(join(DIST, h)), h).toBe(true);
  });
  test('explains every field of index.json and policy.json and every CSV column', () => {
    const t = htmlText(main);
    const codes = (section: string) => new Set([...inner(main, 'section', new RegExp(`<section id="${section}"[^>]*>`))
      .matchAll(/<code class="pe-data__path[^"]*"[^>]*>([^<]*)<\/code>/g)].map((m) => m[1]));
    expect(codes('policy-json')).toEqual(keyPaths(json));
    expect(codes('index-json')).toEqual(keyPaths(index));
    for (const h of [...parseCsv(text('responsibilities.csv')).rows[0]!, ...parseCsv(text('departments.csv')).rows[0]!]) expect(t).toContain(h);
  });
  test('under a sub-path, the links and the URLs in the files carry it', () => {
    const sub = readPage(DIST_SUB, 'data/index.html');
    const hrefs = attrs(inner(sub, 'main'), 'href').filter((h) => h.includes('/data/'));
    expect(hrefs.length).toBeGreaterThan(4);
    for (const h of hrefs) expect(h.startsWith(`${SUB_PATH}data/`), h).toBe(true);
    const subJson = JSON.parse(readFileSync(join(DIST_SUB, docFile('policy.json')), 'utf8'));
    expect(new URL(subJson.provisions[0].url).pathname).toBe(`${SUB_PATH}${provision(subJson.provisions[0].id)}`);
    const subIndex = JSON.parse(readFileSync(join(DIST_SUB, 'data', 'index.json'), 'utf8'));
    const [entry] = subIndex.documents;
    expect([entry.url, entry.files.policy, entry.files.responsibilities].map((u: string) => new URL(u).pathname))
      .toEqual([`${SUB_PATH}${doc()}`, `${SUB_PATH}${docFile('policy.json')}`, `${SUB_PATH}${docFile('responsibilities.csv')}`]);
  });
});

describe('the document’s data page', () => {
  const main = inner(readPage(DIST, fileOf(doc('data/'))), 'main');
  test('links to the seed’s own files, which exist, and to /data/ for what the fields mean', () => {
    const hrefs = attrs(main, 'href');
    expect(hrefs).toEqual(expect.arrayContaining([`/${docFile('policy.json')}`, `/${docFile('responsibilities.csv')}`, '/data/']));
    for (const h of hrefs.filter((x) => x.startsWith('/data/') && x !== '/data/')) expect(existsSync(join(DIST, h)), h).toBe(true);
    expect(htmlText(main)).toContain(title);
    expect(htmlText(main)).toContain(`${provisions.length} 项措施`);
    expect(htmlText(main)).toContain(`${links.length} 行`);
  });
});
