import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { headlineTitle, citedLabel } from '../../src/model/derive.ts';
import {
  DEPARTMENT_COLUMNS, RESPONSIBILITY_COLUMNS, SCHEMA_VERSION, type Cataloguing, departmentSummaries, departmentsCsv, libraryIndexData, libraryIndexJsonSchema,
  libraryIndexSchema, policyData, policyJsonSchema, policySchema, responsibilities, responsibilitiesCsv, responsibilityRowsCsv, schemaFields,
} from '../../src/export/opendata.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import { parseCsv, records } from '../helpers/csv.ts';
import { provisions, provisionLinesFromSeed, policy, registry, seedAttributions, seedText } from '../helpers/model.ts';
import { FIXTURES } from '../helpers/paths.ts';

const url = (id: string) => `https://example.org/provisions/${id}/`;
/** As the site files a document nobody has checked and nobody has given topics (content/documents.yaml says nothing of it). */
const UNCHECKED: Cataloguing = { status: '未核对', topics: [] };
const data = policyData(policy, registry, UNCHECKED, url);
const seedLinks = seedAttributions();
/** The small fixture seed (测试市…, 测就字〔2024〕1号): a second document for the library-wide tables. */
const fixture = parseSeed('minimal.txt', readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8'), registry);

describe('policy.json of the seed', () => {
  test('the JSON Schema published beside it (policy.schema.json) accepts it as written to disk', () => {
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
  });

  test('every provision, with its text exactly as the seed line minus its marker', () => {
    const lines = provisionLinesFromSeed();
    expect(data.provisions.map((m) => m.id)).toEqual([...lines.keys()]);
    for (const m of data.provisions) {
      expect(m.marker + m.text).toBe(lines.get(m.id));
      expect(m.url).toBe(`https://example.org/provisions/${m.id}/`);
      const chapterMarker = policy.chapters.find((c) => c.number === m.chapter)!.marker;
      expect(m.citation).toBe(`《${policy.provisionsTitle}》（${policy.docNumber}）第${chapterMarker.slice(0, -1)}部分第${m.marker}项`);
    }
  });

  test('provision-department links in the order the text lists them', () => {
    expect(seedLinks).toHaveLength(60);
    const abbr = (id: string) => registry.find((d) => d.id === id)!.abbr;
    expect(data.responsibilities.map((r) => ({ id: r.provision, abbr: abbr(r.department), position: r.position }))).toEqual(seedLinks);
    expect(data.responsibilities.filter((r) => r.lead).every((r) => r.position === 1)).toBe(true);
  });

  test('version, document and chapters', () => {
    expect(data.$schema).toBe('../policy.schema.json');
    expect(SCHEMA_VERSION).toBe('2.2.0');
    expect(data.version).toEqual({ schema: SCHEMA_VERSION, source: policy.source.replace(/^.*\//, ''), documentDate: policy.dateISO });
    expect(data.version.source).toMatch(/^[^/]+\.txt$/);
    expect(data.document.id).toBe('jjzz-2020-5');
    const lines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(data.document).toMatchObject({ title: lines[0], docNumber: lines[1], addressees: lines[2], seal: '市人社局代章', dateISO: '2020-07-30' });
    expect(data.document.implements).toEqual(policy.implements);
    expect(data.chapters.map((c) => c.provisions)).toEqual(policy.chapters.map((c) => c.provisions.map((m) => m.id)));
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
    const bad = structuredClone(data) as unknown as { provisions: { departments: string[] }[]; version: { schema: string } };
    bad.provisions[0]!.departments.push('不是标识');
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
    // The seed has no topics: a document with one fills the topics' fields too.
    walk(policyData({ ...policy, meta: { checked: '2026-03-01', url: 'https://www.gov.cn/example.htm', topics: ['t'] } }, registry, { status: '现行有效', topics: [{ id: 't', name: '主题' }] }, url), '');
    expect(new Set(fields.map((f) => f.path))).toEqual(paths);
    for (const f of fields) expect(f.description, f.path).not.toBe('');
  });
  test('types, nullable and lists', () => {
    const by = (p: string) => fields.find((f) => f.path === p)!;
    expect(by('document.seal').types).toEqual(['string', 'null']);
    expect(by('provisions[].departments')).toMatchObject({ types: ['array'], itemTypes: ['string'] });
    expect(by('responsibilities[].position').types).toEqual(['integer']);
  });
});

describe('CSV tables', () => {
  test('responsibilities.csv: one row per link; the columns people read, in words, then the codes for systems', () => {
    const csv = parseCsv(responsibilitiesCsv([policy], registry));
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(['文件名称', '发文字号', '编号', '所属部分', '措施标题', '部门简称', '部门全称', '分工', '原文排列顺序', '文件代码（系统对接用）', '措施代码（系统对接用）', '部门代码（系统对接用）']);
    const rows = records(csv);
    expect(rows.map((r) => ({ id: r['措施代码（系统对接用）'], abbr: r['部门简称'], position: Number(r['原文排列顺序']) }))).toEqual(seedLinks);
    // No ASCII code in a column people read (the codes are the last three).
    for (const row of csv.rows.slice(1)) for (const cell of row.slice(0, 8)) expect(cell).not.toMatch(/^[a-z0-9-]+$|[a-z]{2,}-\d/);
    for (const r of rows) {
      expect([r['文件代码（系统对接用）'], r['文件名称'], r['发文字号']]).toEqual(['jjzz-2020-5', policy.provisionsTitle, '津就组字〔2020〕5号']);
      // The seed marks no roles: the first listed leads; the one vocabulary 牵头 / 参与（配合）.
      expect(r['分工']).toBe(r['原文排列顺序'] === '1' ? '牵头' : '参与（配合）');
      const m = provisions.find((x) => x.id === r['措施代码（系统对接用）'])!;
      expect(r['措施标题']).toBe(headlineTitle(m.headline));
      expect(r['编号']).toBe(citedLabel(m));
      expect(r['所属部分']).toBe(`${policy.chapters[m.chapter - 1]!.marker}${policy.chapters[m.chapter - 1]!.title}`);
      expect(r['部门全称']).toBe(registry.find((d) => d.abbr === r['部门简称'])!.name);
    }
  });

  test('departments.csv: one row per registry department', () => {
    const rows = records(parseCsv(departmentsCsv([policy], registry)));
    expect(rows.map((r) => r['部门代码（系统对接用）'])).toEqual(data.departments.map((d) => d.id));
    const cite = (id: string) => `津就组字〔2020〕5号${citedLabel(provisions.find((m) => m.id === id)!)}`;
    for (const r of rows) {
      const links = seedLinks.filter((l) => l.abbr === r['简称']);
      expect(Number(r['文件数'])).toBe(links.length > 0 ? 1 : 0);
      // 合计 = 牵头 + 参与（配合）: 参与 never means the total.
      expect(Number(r['牵头'])).toBe(links.filter((l) => l.position === 1).length);
      expect(Number(r['参与（配合）'])).toBe(links.filter((l) => l.position > 1).length);
      expect(Number(r['合计'])).toBe(links.length);
      expect(r['牵头的措施']).toBe(links.filter((l) => l.position === 1).map((l) => cite(l.id)).join('；'));
      expect(r['参与（配合）的措施']).toBe(links.filter((l) => l.position > 1).map((l) => cite(l.id)).join('；'));
    }
  });

  test('per-department files partition responsibilities.csv', () => {
    const all = parseCsv(responsibilitiesCsv([policy, fixture], registry)).rows;
    const rows = responsibilities([policy, fixture], registry);
    const parts = registry.map((d) => parseCsv(responsibilityRowsCsv(rows.filter((r) => r.department.id === d.id))).rows);
    for (const p of parts) expect(p[0]).toEqual(all[0]);
    expect(parts.flatMap((p) => p.slice(1)).map((r) => r.join()).sort()).toEqual(all.slice(1).map((r) => r.join()).sort());
  });

  test('every column has a header and a description', () => {
    for (const c of [...RESPONSIBILITY_COLUMNS, ...DEPARTMENT_COLUMNS]) expect(c.description.length, c.header).toBeGreaterThan(1);
  });
});

test('a small fixture: a provision without departments, one with a single department', () => {
  const d = policyData(fixture, registry, UNCHECKED, url);
  expect(d.document.id).toBe('cjz-2024-1');
  expect(d.version.source).toBe('minimal.txt');
  expect(d.responsibilities).toEqual([
    { provision: '1-1', department: 'human-resources', position: 1, lead: true },
    { provision: '1-1', department: 'finance', position: 2, lead: false },
    { provision: '1-2', department: 'education', position: 1, lead: true },
  ]);
  expect(d.provisions.find((m) => m.id === '2-1')!.departments).toEqual([]);
  expect(d.provisions.find((m) => m.id === '1-1')!.departmentsEtc).toBe(true);
  expect(d.references.documents).toMatchObject([{ title: '关于做好就业工作的意见', number: '国办发〔2024〕3号', implemented: true, places: ['preamble'] }]);
  expect(d.references.programmes).toMatchObject([{ name: '海河英才', places: ['1-2'] }]);
  const finance = departmentSummaries([fixture], registry).find((s) => s.department.id === 'finance')!;
  expect(finance.leads).toEqual([]);
  expect(finance.participates.map((r) => [r.document.id, r.provision.id, r.chapter.number, r.department.id, r.position])).toEqual([['cjz-2024-1', '1-1', 1, 'finance', 2]]);
  expect(responsibilities([fixture], registry)).toHaveLength(3);
});

describe('several documents', () => {
  const docs = [policy, fixture];

  test('responsibilities: by document, then provision, then position; provision ids repeat across documents', () => {
    const rows = responsibilities(docs, registry);
    expect(rows).toHaveLength(seedLinks.length + 3);
    expect(rows.map((r) => `${r.document.id}/${r.provision.id}@${r.position}`)).toEqual([
      ...seedLinks.map((l) => `jjzz-2020-5/${l.id}@${l.position}`),
      'cjz-2024-1/1-1@1', 'cjz-2024-1/1-1@2', 'cjz-2024-1/1-2@1',
    ]);
    for (const r of rows) {
      expect(r.chapter.provisions).toContain(r.provision);
      expect(r.document.chapters).toContain(r.chapter);
    }
    expect(responsibilities([fixture, policy], registry)[0]!.document.id).toBe('cjz-2024-1');
  });

  test('responsibilities.csv names the document of each row', () => {
    const rows = records(parseCsv(responsibilitiesCsv(docs, registry)));
    expect(rows.filter((r) => r['文件代码（系统对接用）'] === 'cjz-2024-1').map((r) => [r['文件名称'], r['发文字号'], r['措施代码（系统对接用）'], r['部门简称'], r['分工']])).toEqual([
      ['测试市促进就业的若干措施', '测就字〔2024〕1号', '1-1', '市人社局', '牵头'],
      ['测试市促进就业的若干措施', '测就字〔2024〕1号', '1-1', '市财政局', '参与（配合）'],
      ['测试市促进就业的若干措施', '测就字〔2024〕1号', '1-2', '市教委', '牵头'],
    ]);
    expect(rows.filter((r) => r['文件代码（系统对接用）'] === 'jjzz-2020-5')).toHaveLength(seedLinks.length);
  });

  test('departments.csv counts documents and cites provisions as 发文字号 + 编号', () => {
    const rows = records(parseCsv(departmentsCsv(docs, registry)));
    const row = (abbr: string) => rows.find((r) => r['简称'] === abbr)!;
    const hr = seedLinks.filter((l) => l.abbr === '市人社局');
    expect(row('市人社局')['文件数']).toBe('2');
    const label = (id: string) => citedLabel(provisions.find((m) => m.id === id)!);
    expect(row('市人社局')['牵头的措施']!.split('；')).toEqual([...hr.filter((l) => l.position === 1).map((l) => `津就组字〔2020〕5号${label(l.id)}`), `测就字〔2024〕1号${citedLabel(fixture.chapters[0]!.provisions[0]!)}`]);
    expect(Number(row('市人社局')['牵头'])).toBe(hr.filter((l) => l.position === 1).length + 1);
    expect(row('市财政局')['参与（配合）的措施']!.split('；').at(-1)).toBe(`测就字〔2024〕1号${citedLabel(fixture.chapters[0]!.provisions[0]!)}`);
    // A department only the seed names is in one document.
    expect(row('市档案局')['文件数']).toBe('1');
    expect(rows.map((r) => r['部门代码（系统对接用）'])).toHaveLength(registry.length);
  });

  test('department summaries follow the order in which the documents first name them', () => {
    const named = [...new Set(seedLinks.map((l) => l.abbr))];
    expect(departmentSummaries(docs, registry).map((s) => s.department.abbr)).toEqual([...named, ...registry.map((d) => d.abbr).filter((a) => !named.includes(a))]);
    expect(departmentSummaries([fixture, policy], registry).slice(0, 3).map((s) => s.department.abbr)).toEqual(['市人社局', '市财政局', '市教委']);
  });

  test('index.json lists every document with its counts and data files, and validates against its JSON Schema', () => {
    const urls = {
      document: (id: string) => `https://example.org/policies/${id}/`,
      policyJson: (id: string) => `https://example.org/data/${id}/policy.json`,
      responsibilitiesCsv: (id: string) => `https://example.org/data/${id}/responsibilities.csv`,
      docx: (id: string) => `https://example.org/policies/${id}/${id}.docx`,
    };
    const index = libraryIndexData(docs, urls, () => UNCHECKED);
    expect(index.$schema).toBe('index.schema.json');
    expect(index.version.schema).toBe(SCHEMA_VERSION);
    expect(index.documents).toEqual([
      {
        id: 'jjzz-2020-5', title: policy.provisionsTitle, docNumber: '津就组字〔2020〕5号', issuer: '市就业工作领导小组', date: '2020年7月30日', dateISO: '2020-07-30',
        provisions: provisionLinesFromSeed().size, departments: new Set(seedLinks.map((l) => l.abbr)).size,
        url: 'https://example.org/policies/jjzz-2020-5/',
        kinds: ['通知', '措施'], status: '未核对', statusChecked: null, officialUrl: null, topics: [],
        files: { policy: 'https://example.org/data/jjzz-2020-5/policy.json', responsibilities: 'https://example.org/data/jjzz-2020-5/responsibilities.csv', docx: 'https://example.org/policies/jjzz-2020-5/jjzz-2020-5.docx' },
      },
      {
        id: 'cjz-2024-1', title: '测试市促进就业的若干措施', docNumber: '测就字〔2024〕1号', issuer: '测试市就业工作领导小组', date: '2024年2月29日', dateISO: '2024-02-29',
        provisions: 3, departments: 3,
        url: 'https://example.org/policies/cjz-2024-1/',
        kinds: ['通知', '措施'], status: '未核对', statusChecked: null, officialUrl: null, topics: [],
        files: { policy: 'https://example.org/data/cjz-2024-1/policy.json', responsibilities: 'https://example.org/data/cjz-2024-1/responsibilities.csv', docx: 'https://example.org/policies/cjz-2024-1/cjz-2024-1.docx' },
      },
    ]);
    expect(libraryIndexSchema.safeParse(index).success).toBe(true);
    expect(z.fromJSONSchema(libraryIndexJsonSchema()).safeParse(JSON.parse(JSON.stringify(index))).success).toBe(true);
    const bad = structuredClone(index);
    bad.documents[0]!.id = '不是标识';
    expect(z.fromJSONSchema(libraryIndexJsonSchema()).safeParse(bad).success).toBe(false);
    // Without SITE the addresses are site paths, never a placeholder domain.
    const paths = libraryIndexData(docs, { document: (id) => `/policies/${id}/`, policyJson: (id) => `/data/${id}/policy.json`, responsibilitiesCsv: (id) => `/data/${id}/responsibilities.csv`, docx: (id) => `/policies/${id}/${id}.docx` }, () => UNCHECKED);
    expect(paths.documents.map((d) => d.url)).toEqual(docs.map((d) => `/policies/${d.id}/`));
  });
});

describe('how the library files a document, in its data', () => {
  // A document as content/documents.yaml describes it: checked on a day, published at an address, given a sub-topic.
  const filed = { ...fixture, meta: { status: '现行有效' as const, checked: '2026-03-01', url: 'https://www.gov.cn/zhengce/content/example.htm', topics: ['laodong-jiuye'] } };
  const topics = [{ id: 'laodong-renshi', name: '劳动、人事、监察' }, { id: 'laodong-jiuye', name: '劳动就业', parent: 'laodong-renshi' }];
  // The site passes the status on the build day (here: past a term, so no longer what was declared) and the topics with their parents.
  const cataloguing: Cataloguing = { status: '失效', topics };
  const expected = {
    kinds: ['通知', '措施'], status: '失效', statusChecked: '2026-03-01', officialUrl: 'https://www.gov.cn/zhengce/content/example.htm',
    topics: [{ id: 'laodong-renshi', name: '劳动、人事、监察' }, { id: 'laodong-jiuye', name: '劳动就业' }],
  };

  test('policy.json and index.json carry the 文种, the 时效性 given, the day it was checked, the official address and the topics', () => {
    const d = policyData(filed, registry, cataloguing, url);
    expect(d.document).toMatchObject(expected);
    const index = libraryIndexData([filed], { document: (id) => id, policyJson: (id) => id, responsibilitiesCsv: (id) => id, docx: (id) => id }, () => cataloguing);
    expect(index.documents[0]).toMatchObject(expected);
  });

  test('a document issued directly has one 文种; its status and topics come from the site, not the declared status', () => {
    const direct = { ...filed, title: filed.provisionsTitle };
    const d = policyData(direct, registry, { status: '现行有效', topics: [] }, url);
    expect(d.document.kinds).toEqual(['措施']);
    expect(d.document.status).toBe('现行有效');
    expect(d.document.topics).toEqual([]);
  });

  test('the published JSON Schemas list the new fields and refuse a status outside the list', () => {
    const fields = schemaFields(policyJsonSchema() as never).map((f) => f.path);
    for (const f of ['document.kinds', 'document.status', 'document.statusChecked', 'document.officialUrl', 'document.topics[].name']) expect(fields).toContain(f);
    const d = JSON.parse(JSON.stringify(policyData(filed, registry, cataloguing, url)));
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(d).success).toBe(true);
    d.document.status = '作废';
    expect(z.fromJSONSchema(policyJsonSchema()).safeParse(d).success).toBe(false);
  });
});
