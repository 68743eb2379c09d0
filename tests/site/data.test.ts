/** The open data files as built into dist/: read back and checked against the seed and the model. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { headlineTitle } from '../../src/views/citation.ts';
import { policyJsonSchema } from '../../src/export/opendata.ts';
import { parseCsv, records } from '../helpers/csv.ts';
import { attrs, htmlText, inner, readPage } from '../helpers/html.ts';
import { measureLinesFromSeed, measures, policy, registry, seedAttributions } from '../helpers/model.ts';
import { DIST, DIST_SUB, SUB_PATH } from '../helpers/paths.ts';

const file = (p: string) => readFileSync(join(DIST, 'data', p));
const text = (p: string) => file(p).toString('utf8');
const json = JSON.parse(text('policy.json'));
const schema = JSON.parse(text('policy.schema.json'));
const links = seedAttributions();
const byAbbr = new Map(registry.map((d) => [d.abbr, d]));

describe('policy.json and policy.schema.json', () => {
  test('the schema is JSON Schema draft 2020-12, the one the code validates with', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  test('policy.json validates against the published schema (and a broken copy does not)', () => {
    const validator = z.fromJSONSchema(schema);
    const result = validator.safeParse(json);
    expect(result.error?.issues ?? []).toEqual([]);
    const broken = structuredClone(json);
    broken.responsibilities[0].position = 0;
    expect(validator.safeParse(broken).success).toBe(false);
  });

  test('a version field naming the schema version, the seed and the document date', () => {
    expect(json.$schema).toBe('policy.schema.json');
    expect(json.version).toEqual({ schema: expect.stringMatching(/^\d+\.\d+\.\d+$/), source: policy.source.replace(/^.*\//, ''), documentDate: policy.dateISO });
  });

  test('document metadata as in the seed', () => {
    expect(json.document).toMatchObject({ title: policy.title, docNumber: policy.docNumber, date: policy.date, issuer: policy.issuer, signature: policy.signature, notice: policy.notice, preamble: policy.preamble, implements: policy.implements });
    expect(json.chapters.map((c: { marker: string; title: string }) => c.marker + c.title)).toEqual(policy.chapters.map((c) => c.marker + c.title));
  });

  test('every measure, its text equal to the seed line minus the marker, with a link to its page', () => {
    const lines = measureLinesFromSeed();
    expect(json.measures.map((m: { id: string }) => m.id)).toEqual([...lines.keys()]);
    for (const m of json.measures) {
      expect(lines.get(m.id)).toBe(m.marker + m.text);
      expect(new URL(m.url).pathname).toBe(`/measures/${m.id}/`);
      expect(existsSync(join(DIST, 'measures', m.id, 'index.html'))).toBe(true);
    }
  });

  test('measure-department links and each measure’s departments, in the order written', () => {
    expect(json.responsibilities.map((r: { measure: string; department: string; position: number }) => ({ id: r.measure, abbr: registry.find((d) => d.id === r.department)!.abbr, position: r.position }))).toEqual(links);
    for (const m of json.measures) expect(m.departments.map((id: string) => registry.find((d) => d.id === id)!.abbr)).toEqual(links.filter((l) => l.id === m.id).map((l) => l.abbr));
  });

  test('the department registry, complete', () => {
    expect(json.departments.map((d: { id: string }) => d.id).sort()).toEqual(registry.map((d) => d.id).sort());
    for (const d of json.departments) expect(d).toMatchObject({ ...byAbbr.get(d.abbr), note: byAbbr.get(d.abbr)!.note ?? null });
  });
});

describe('CSV files', () => {
  test('responsibilities.csv: BOM, a Chinese header that round-trips, CRLF, one row per link in order', () => {
    const bytes = file('responsibilities.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3, 3 + Buffer.byteLength('措施编号'))).normalize()).toBe('措施编号');
    const csv = parseCsv(bytes.toString('utf8'));
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]!.slice(0, 2)).toEqual(['措施编号', '章']);
    const rows = records(csv);
    expect(rows).toHaveLength(links.length);
    expect(links).toHaveLength(60);
    rows.forEach((r, i) => {
      const m = measures.find((x) => x.id === links[i]!.id)!;
      expect(r).toMatchObject({
        措施编号: links[i]!.id, 章: String(m.chapter), 措施标题: headlineTitle(m.headline),
        部门简称: links[i]!.abbr, 部门全称: byAbbr.get(links[i]!.abbr)!.name, 列序: String(links[i]!.position),
      });
    });
  });

  test('departments.csv: every department with its counts', () => {
    const rows = records(parseCsv(text('departments.csv')));
    expect(rows.map((r) => r['部门标识'])).toEqual(json.departments.map((d: { id: string }) => d.id));
    for (const r of rows) {
      const d = byAbbr.get(r['简称']!)!;
      expect(r).toMatchObject({ 部门标识: d.id, 全称: d.name, 英文名称: d.nameEn });
      expect(Number(r['牵头措施数'])).toBe(links.filter((l) => l.abbr === d.abbr && l.position === 1).length);
      expect(Number(r['参与措施数'])).toBe(links.filter((l) => l.abbr === d.abbr && l.position > 1).length);
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
    for (const f of ['policy.json', 'policy.schema.json', 'responsibilities.csv', 'departments.csv', ...registry.map((d) => `departments/${d.id}.csv`)]) expect(hrefs).toContain(`/data/${f}`);
    for (const h of hrefs) expect(existsSync(join(DIST, h)), h).toBe(true);
  });
  test('explains every field of policy.json and every CSV column', () => {
    const t = htmlText(main);
    const paths = new Set<string>();
    const walk = (v: unknown, p: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, `${p}[]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const q = p ? `${p}.${k}` : k; paths.add(q); walk(x, q); }
    };
    walk(json, '');
    const codes = [...main.matchAll(/<code class="pe-data__path[^"]*"[^>]*>([^<]*)<\/code>/g)].map((m) => m[1]);
    expect(new Set(codes)).toEqual(paths);
    for (const h of [...parseCsv(text('responsibilities.csv')).rows[0]!, ...parseCsv(text('departments.csv')).rows[0]!]) expect(t).toContain(h);
  });
  test('under a sub-path, the links and the measure URLs carry it', () => {
    const sub = readPage(DIST_SUB, 'data/index.html');
    const hrefs = attrs(inner(sub, 'main'), 'href').filter((h) => h.includes('/data/'));
    expect(hrefs.length).toBeGreaterThan(4);
    for (const h of hrefs) expect(h.startsWith(`${SUB_PATH}data/`), h).toBe(true);
    const subJson = JSON.parse(readFileSync(join(DIST_SUB, 'data', 'policy.json'), 'utf8'));
    expect(new URL(subJson.measures[0].url).pathname).toBe(`${SUB_PATH}measures/${subJson.measures[0].id}/`);
  });
});
