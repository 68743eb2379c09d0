/**
 * Open data of the library build: /data/index.json lists every document with its files (which
 * exist); /data/responsibilities.csv has one row per link across all documents, with the document
 * columns; each /data/<id>/policy.json validates and uses the ids of the page routes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parseCsv, records } from '../helpers/csv.ts';
import { DIST_LIBRARY } from '../helpers/paths.ts';
import { fileFor } from '../helpers/site.ts';
import { deptByAbbr, departmentsOf, docs, links, tasksOf } from './expected.ts';

const read = (p: string) => readFileSync(join(DIST_LIBRARY, 'data', p), 'utf8');
const json = (p: string) => JSON.parse(read(p));
const csv = (p: string) => records(parseCsv(read(p)));
/** A URL of the build (absolute, on the configured site) → the file it serves, if any. */
const served = (url: string) => fileFor(DIST_LIBRARY, new URL(url).pathname.replace(/^\//, ''));
const headline = (h: string) => h.replace(/。$/u, '');

describe('/data/index.json', () => {
  const index = json('index.json');

  test('validates against /data/index.schema.json', () => {
    const result = z.fromJSONSchema(json('index.schema.json')).safeParse(index);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('every document, newest first, with its metadata and counts from the texts', () => {
    expect(index.documents.map((d: { id: string }) => d.id)).toEqual(docs.map((d) => d.id));
    index.documents.forEach((x: Record<string, unknown>, i: number) => {
      const d = docs[i]!;
      expect(x).toMatchObject({
        id: d.id, title: d.title, docNumber: d.docNumber, issuer: d.issuer, date: d.date, dateISO: d.dateISO,
        provisions: d.provisions.length, departments: departmentsOf(d).size,
      });
    });
  });

  test('each document’s page and data files exist in the build', () => {
    for (const x of index.documents as { id: string; url: string; files: Record<string, string> }[]) {
      expect(new URL(x.url).pathname).toBe(`/policies/${x.id}/`);
      expect(served(x.url), x.url).toBeDefined();
      expect(new URL(x.files.policy!).pathname).toBe(`/data/${x.id}/policy.json`);
      expect(new URL(x.files.responsibilities!).pathname).toBe(`/data/${x.id}/responsibilities.csv`);
      expect(new URL(x.files.docx!).pathname).toBe(`/policies/${x.id}/${x.id}.docx`);
      for (const f of Object.values(x.files)) expect(served(f), f).toBeDefined();
    }
  });
});

describe('/data/responsibilities.csv: every link of every document', () => {
  const rows = csv('responsibilities.csv');

  test('one row per provision-department link across all documents, in order, with the document columns', () => {
    expect(rows).toHaveLength(links.length);
    rows.forEach((r, i) => {
      const l = links[i]!;
      expect(r).toMatchObject({
        '文件代码（系统对接用）': l.doc.id, 文件名称: l.doc.title, 发文字号: l.doc.docNumber,
        '措施代码（系统对接用）': l.provision.id, 措施标题: headline(l.provision.headline),
        '部门代码（系统对接用）': deptByAbbr(l.abbr).id, 部门简称: l.abbr, 原文排列顺序: String(l.position), 分工: l.position === 1 ? '牵头' : '参与（配合）',
      });
    });
    expect(new Set(rows.map((r) => r['文件代码（系统对接用）']))).toEqual(new Set(docs.map((d) => d.id)));
  });

  test('each document’s own responsibilities.csv holds exactly its rows', () => {
    for (const d of docs) {
      const own = csv(`${d.id}/responsibilities.csv`);
      expect(own.map((r) => `${r['文件代码（系统对接用）']} ${r['措施代码（系统对接用）']} ${r.部门简称} ${r.原文排列顺序}`)).toEqual(
        links.filter((l) => l.doc === d).map((l) => `${d.id} ${l.provision.id} ${l.abbr} ${l.position}`));
    }
  });

  test('each department’s CSV (/data/departments/<id>.csv) holds its rows from every document', () => {
    for (const abbr of new Set(links.map((l) => l.abbr))) {
      const own = csv(`departments/${deptByAbbr(abbr).id}.csv`);
      expect(own.map((r) => `${r['文件代码（系统对接用）']} ${r['措施代码（系统对接用）']} ${r.原文排列顺序}`), abbr).toEqual(
        links.filter((l) => l.abbr === abbr).map((l) => `${l.doc.id} ${l.provision.id} ${l.position}`));
    }
  });

  test('departments.csv: documents, leads and participations summed over the library', () => {
    const depts = csv('departments.csv');
    for (const abbr of new Set(links.map((l) => l.abbr))) {
      const row = depts.find((r) => r.简称 === abbr)!;
      const per = docs.map((d) => tasksOf(abbr, d));
      const leads = per.reduce((n, x) => n + x.leads.length, 0);
      const all = per.reduce((n, x) => n + x.provisions.length, 0);
      expect(row, abbr).toMatchObject({ 文件数: String(per.filter((x) => x.provisions.length > 0).length), 牵头: String(leads), '参与（配合）': String(all - leads), 合计: String(all) });
    }
  });
});

describe('/data/<id>/policy.json', () => {
  const schema = z.fromJSONSchema(json('policy.schema.json'));
  const dataIds = readdirSync(join(DIST_LIBRARY, 'data'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'departments').map((e) => e.name).sort();
  const pageIds = readdirSync(join(DIST_LIBRARY, 'policies')).sort();

  test('one data folder per document, with the same ids as the page routes', () => {
    expect(dataIds).toEqual(docs.map((d) => d.id).sort());
    expect(dataIds).toEqual(pageIds);
  });

  for (const d of docs) {
    test(`${d.id}: validates against policy.schema.json; the document, its provisions and their URLs`, () => {
      const data = json(`${d.id}/policy.json`);
      const result = schema.safeParse(data);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(data.document).toMatchObject({ id: d.id, title: d.noticeTitle, provisionsTitle: d.title, docNumber: d.docNumber, issuer: d.issuer, date: d.date, dateISO: d.dateISO, signature: d.signature, notice: d.notice, preamble: d.preamble });
      expect(data.version.source).toBe(d.file);
      expect(data.provisions.map((m: { id: string }) => m.id)).toEqual(d.provisions.map((m) => m.id));
      for (const m of data.provisions as { id: string; marker: string; text: string; url: string; departments: string[] }[]) {
        const e = d.provisions.find((x) => x.id === m.id)!;
        expect(m.marker + m.text).toBe(e.line);
        expect(m.departments).toEqual(e.abbrs.map((a) => deptByAbbr(a).id));
        expect(new URL(m.url).pathname).toBe(`/policies/${d.id}/${m.id}/`);
        expect(existsSync(join(DIST_LIBRARY, 'policies', d.id, m.id, 'index.html')), m.url).toBe(true);
      }
      expect(data.responsibilities.map((r: { provision: string; department: string; position: number }) => `${r.provision} ${r.department} ${r.position}`)).toEqual(
        links.filter((l) => l.doc === d).map((l) => `${l.provision.id} ${deptByAbbr(l.abbr).id} ${l.position}`));
    });
  }
});
