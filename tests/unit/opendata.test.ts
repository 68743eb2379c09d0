import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { headlineTitle } from '../../src/views/citation.ts';
import {
  DEPARTMENT_COLUMNS, RESPONSIBILITY_COLUMNS, departmentSummaries, departmentsCsv, inputFromModel, policyData, policyJsonSchema,
  policySchema, responsibilities, responsibilitiesCsv, schemaFields,
} from '../../src/export/opendata.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import { parseCsv, records } from '../helpers/csv.ts';
import { measures, measureLinesFromSeed, policy, registry, seedAttributions } from '../helpers/model.ts';
import { FIXTURES } from '../helpers/paths.ts';

const url = (id: string) => `https://example.org/measures/${id}/`;
const input = inputFromModel(policy, registry, url);
const data = policyData(input);
const seedLinks = seedAttributions();

describe('policy.json of the seed', () => {
  test('validates against its schema, and the JSON Schema accepts it too', () => {
    expect(() => policySchema.parse(data)).not.toThrow();
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
  });

  test('every measure, with its text exactly as the seed line minus its marker', () => {
    const lines = measureLinesFromSeed();
    expect(data.measures.map((m) => m.id)).toEqual([...lines.keys()]);
    for (const m of data.measures) expect(m.marker + m.text).toBe(lines.get(m.id));
  });

  test('measure-department links in the order the text lists them', () => {
    expect(seedLinks).toHaveLength(60);
    const abbr = (id: string) => registry.find((d) => d.id === id)!.abbr;
    expect(data.responsibilities.map((r) => ({ id: r.measure, abbr: abbr(r.department), position: r.position }))).toEqual(seedLinks);
    expect(data.responsibilities.filter((r) => r.lead).every((r) => r.position === 1)).toBe(true);
  });

  test('version, document and chapters', () => {
    expect(data.version).toEqual({ schema: expect.stringMatching(/^\d+\.\d+\.\d+$/), source: policy.source.replace(/^.*\//, ''), documentDate: policy.dateISO });
    expect(data.document.implements).toEqual(policy.implements);
    expect(data.chapters.map((c) => c.measures)).toEqual(policy.chapters.map((c) => c.measures.map((m) => m.id)));
  });

  test('department counts add up to the links', () => {
    for (const d of data.departments) {
      expect(d.leads).toBe(seedLinks.filter((l) => l.abbr === d.abbr && l.position === 1).length);
      expect(d.participates).toBe(seedLinks.filter((l) => l.abbr === d.abbr && l.position > 1).length);
    }
    // In the order the text first names them, then the departments it never names.
    const named = [...new Set(seedLinks.map((l) => l.abbr))];
    expect(data.departments.map((d) => d.abbr)).toEqual([...named, ...registry.map((d) => d.abbr).filter((a) => !named.includes(a))]);
  });

  test('the schema rejects what it should', () => {
    const bad = structuredClone(data) as unknown as { measures: { departments: string[] }[]; version: { schema: string } };
    bad.measures[0]!.departments.push('不是标识');
    expect(policySchema.safeParse(bad).success).toBe(false);
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(bad).success).toBe(false);
    const noVersion = { ...data, version: undefined };
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(noVersion).success).toBe(false);
  });
});

describe('field documentation comes from the schema', () => {
  const fields = schemaFields(policyJsonSchema() as Parameters<typeof schemaFields>[0]);
  test('every key of policy.json is documented, with a description', () => {
    const paths = new Set<string>();
    const walk = (v: unknown, p: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, `${p}[]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const q = p ? `${p}.${k}` : k; paths.add(q); walk(x, q); }
    };
    walk(data, '');
    expect(new Set(fields.map((f) => f.path))).toEqual(paths);
    for (const f of fields) expect(f.description, f.path).not.toBe('');
  });
  test('types, nullable and lists', () => {
    const by = (p: string) => fields.find((f) => f.path === p)!;
    expect(by('document.seal').types).toEqual(['string', 'null']);
    expect(by('measures[].departments')).toMatchObject({ types: ['array'], itemTypes: ['string'] });
    expect(by('responsibilities[].position').types).toEqual(['integer']);
  });
});

describe('CSV tables', () => {
  test('responsibilities.csv: one row per link, the six named columns and more', () => {
    const csv = parseCsv(responsibilitiesCsv(input));
    expect(csv.bom).toBe(true);
    for (const h of ['措施编号', '章', '措施标题', '部门简称', '部门全称', '列序']) expect(csv.rows[0]).toContain(h);
    const rows = records(csv);
    expect(rows.map((r) => ({ id: r['措施编号'], abbr: r['部门简称'], position: Number(r['列序']) }))).toEqual(seedLinks);
    for (const r of rows) {
      const m = measures.find((x) => x.id === r['措施编号'])!;
      expect(r['措施标题']).toBe(headlineTitle(m.headline));
      expect(r['章']).toBe(String(m.chapter));
      expect(r['部门全称']).toBe(registry.find((d) => d.abbr === r['部门简称'])!.name);
    }
  });

  test('departments.csv: one row per registry department', () => {
    const rows = records(parseCsv(departmentsCsv(input)));
    expect(rows.map((r) => r['部门标识'])).toEqual(data.departments.map((d) => d.id));
    for (const r of rows) {
      const links = seedLinks.filter((l) => l.abbr === r['简称']);
      expect(Number(r['牵头措施数'])).toBe(links.filter((l) => l.position === 1).length);
      expect(Number(r['参与措施数'])).toBe(links.filter((l) => l.position > 1).length);
      expect(r['参与措施']).toBe(links.filter((l) => l.position > 1).map((l) => l.id).join(' '));
    }
  });

  test('per-department files partition responsibilities.csv', () => {
    const all = parseCsv(responsibilitiesCsv(input)).rows;
    const parts = registry.map((d) => parseCsv(responsibilitiesCsv(input, d.id)).rows);
    for (const p of parts) expect(p[0]).toEqual(all[0]);
    expect(parts.flatMap((p) => p.slice(1)).map((r) => r.join()).sort()).toEqual(all.slice(1).map((r) => r.join()).sort());
  });

  test('every column has a header and a description', () => {
    for (const c of [...RESPONSIBILITY_COLUMNS, ...DEPARTMENT_COLUMNS]) expect(c.description.length, c.header).toBeGreaterThan(1);
  });
});

test('a small fixture: a measure without departments, one with a single department', () => {
  const fixture = parseSeed('minimal.txt', readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8'), registry);
  const small = inputFromModel(fixture, registry, url);
  const d = policyData(small);
  expect(d.responsibilities).toEqual([
    { measure: '1-1', department: 'human-resources', position: 1, lead: true },
    { measure: '1-1', department: 'finance', position: 2, lead: false },
    { measure: '1-2', department: 'education', position: 1, lead: true },
  ]);
  expect(d.measures.find((m) => m.id === '2-1')!.departments).toEqual([]);
  expect(d.references.documents).toMatchObject([{ title: '关于做好就业工作的意见', number: '国办发〔2024〕3号', implemented: true, places: ['preamble'] }]);
  expect(d.references.programmes).toMatchObject([{ name: '海河英才', places: ['1-2'] }]);
  expect(departmentSummaries(small).find((s) => s.department.id === 'finance')).toMatchObject({ leads: [], participates: [{ id: '1-1' }] });
  expect(responsibilities(small)).toHaveLength(3);
});
