/** Department cross-references, the matrix and the graph model, on the seed and on small fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { crossReference, graphModel, matrix, mermaidSource, mermaidText, nodeId, textRuns, wrapLabel } from '../../src/views/departments.ts';
import type { Department, Provision } from '../../src/model/types.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import { provisionLinesFromSeed, provisions, policy, registry, seedText } from '../helpers/model.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const xref = crossReference(policy, registry);
/** The registry ids a provision lists, read off its attribution. */
const listed = (m: Provision) => m.attribution?.departments.map((d) => d.slug) ?? [];
/** Attributions straight from the seed text: the （…按职责分工） or （市…） closing a provision line. */
const seedAttributions = [...provisionLinesFromSeed().values()]
  .map((line) => /（([^（）]*?)(?:等部门按职责分工)?）$/u.exec(line)?.[1] ?? '')
  .filter((list) => list.startsWith('市'))
  .map((list) => list.split('、'));
const byAbbr = new Map(registry.map((d) => [d.abbr, d]));

const mermaidOptions = {
  provisionUrl: (id: string) => `/provisions/${id}/`,
  departmentUrl: (id: string) => `/departments/${id}/`,
  title: 'T', description: 'D',
  chapterLabel: (c: { marker: string; title: string }) => c.marker + c.title,
  departmentsLabel: '责任部门',
};

describe('on the seed', () => {
  test('the department set equals the set of abbreviations in the attributions', () => {
    const abbrs = new Set(seedAttributions.flat());
    expect(abbrs.size).toBeGreaterThan(10);
    expect(new Set(xref.departments.filter((x) => x.tasks.length > 0).map((x) => x.dept.abbr))).toEqual(abbrs);
    // The other mentions: the seal, whose department is also in the attributions, 中科院 in the
    // prose of （二） (加快中科院天津创新产业园建设), a State Council body of the registry without a task,
    // and the issuer 市就业工作领导小组 (in the registry since issuers are normalised through it), named in
    // the addressees and the signature.
    expect(new Set(xref.departments.map((x) => x.dept.abbr))).toEqual(new Set([...abbrs, '中科院', '市就业工作领导小组']));
    expect(xref.byId.get('employment-leading-group')).toMatchObject({ tasks: [] });
    expect(xref.byId.get('cas')).toMatchObject({ tasks: [], mentions: [expect.objectContaining({ place: expect.anything(), abbr: '中科院' })] });
  });

  test('each department lists exactly the provisions that name it, in the right positions', () => {
    const lines = seedText.split('\n').map((l) => l.trim());
    let chapter = 0;
    let n = 0;
    const expected = new Map<string, string[]>();
    for (const line of lines) {
      if (/^[一二三四五六七八九十]+、/.test(line)) { chapter++; n = 0; continue; }
      if (!/^（[一二三四五六七八九十]+）/.test(line)) continue;
      n++;
      const m = /（([^（）]*?)(?:等部门按职责分工)?）$/u.exec(line);
      if (!m || !m[1]!.startsWith('市')) continue;
      m[1]!.split('、').forEach((abbr, i) => {
        const id = byAbbr.get(abbr)!.id;
        expected.set(id, [...(expected.get(id) ?? []), `${chapter}-${n}@${i + 1}`]);
      });
    }
    for (const x of xref.departments) {
      expect(x.tasks.map((t) => `${t.provision.id}@${t.position}`), x.dept.abbr).toEqual(expected.get(x.dept.id) ?? []);
      expect(x.leadCount).toBe(x.tasks.filter((t) => t.position === 1).length);
      for (const t of x.tasks) {
        expect(t.lead).toBe(t.position === 1);
        expect(t.others).toEqual(listed(t.provision).filter((d) => d !== x.dept.id));
        expect(t.listed).toBe(listed(t.provision).length);
      }
    }
    expect(xref.links).toBe(seedAttributions.flat().length);
    expect(xref.links).toBe(60);
  });

  test('departments are ordered by involvement', () => {
    const keys = xref.departments.map((x) => [x.tasks.length, x.leadCount]);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!)).toBe(true);
    }
    expect(xref.departments[0]!.dept.abbr).toBe('市人社局');
  });

  test('partners: the departments most often listed together, with the shared provisions', () => {
    for (const x of xref.departments) {
      const counts = new Map<string, string[]>();
      for (const m of provisions) {
        const ids = m.attribution?.departments.map((d) => d.slug) ?? [];
        if (!ids.includes(x.dept.id)) continue;
        for (const o of ids) if (o !== x.dept.id) counts.set(o, [...(counts.get(o) ?? []), m.id]);
      }
      expect(new Map(x.partners.map((p) => [p.id, p.provisions]))).toEqual(counts);
      for (let i = 1; i < x.partners.length; i++) expect(x.partners[i - 1]!.provisions.length).toBeGreaterThanOrEqual(x.partners[i]!.provisions.length);
    }
  });

  test('other mentions: the seal in the signature (市人社局代章), found by code', () => {
    const outside = seedText.replace(/（[^（）]*?(?:等部门按职责分工)?）(?=\s*$)/gmu, (s) => (s.startsWith('（市') && !s.includes('代章') ? '' : s));
    for (const x of xref.departments) {
      const count = outside.split(x.dept.abbr).length - 1;
      expect(x.mentions.length, x.dept.abbr).toBe(count);
    }
    const hr = xref.byId.get('human-resources')!;
    expect(hr.mentions).toEqual([{ place: 'signature', provisionId: undefined, text: policy.signature, abbr: '市人社局', seal: true }]);
    expect(policy.signature).toContain('市人社局代章');
  });

  test('the matrix marks every link with its position, and nothing else', () => {
    const mx = matrix(xref);
    expect(mx.groups.map((g) => g.chapter.number)).toEqual(policy.chapters.map((c) => c.number));
    expect(mx.groups.flatMap((g) => g.rows.map((r) => r.provision.id))).toEqual(provisions.map((m) => m.id));
    let marks = 0;
    for (const g of mx.groups)
      for (const r of g.rows) {
        const m = provisions.find((x) => x.id === r.provision.id)!;
        const ids = m.attribution?.departments.map((d) => d.slug) ?? [];
        r.cells.forEach((cell, i) => {
          const col = mx.columns[i]!.dept.id;
          const at = ids.indexOf(col);
          expect(cell).toEqual(at < 0 ? null : { position: at + 1, lead: at === 0 });
          if (cell) marks++;
        });
      }
    expect(marks).toBe(60);
  });

  test('the mermaid source: one node per provision and department, one edge per link, a click per node', () => {
    const src = mermaidSource(graphModel(xref), mermaidOptions);
    const nodes = [...src.matchAll(/^\s+([md]\w+)\["/gm)].map((m) => m[1]);
    expect(nodes.filter((n) => n!.startsWith('m'))).toEqual(provisions.map((m) => nodeId.provision(m.id)));
    // A department the text names without a task (中科院 in the prose) has no edge, so no node.
    const linked = xref.departments.filter((x) => x.tasks.length > 0);
    expect(new Set(nodes.filter((n) => n!.startsWith('d_')))).toEqual(new Set(registry.filter((d) => linked.some((x) => x.dept.id === d.id)).map((d) => nodeId.department(d.id))));
    expect(nodes).toHaveLength(provisions.length + linked.length);
    const edges = [...src.matchAll(/^\s+(m\w+) (-->|==>) (d_\w+)$/gm)];
    expect(edges).toHaveLength(60);
    expect(edges.filter((e) => e[2] === '==>')).toHaveLength(provisions.filter((m) => m.attribution).length);
    expect([...src.matchAll(/^\s+click /gm)]).toHaveLength(nodes.length);
    expect([...src.matchAll(/^\s+subgraph c\d+\[/gm)]).toHaveLength(policy.chapters.length);
    expect(src).toContain('subgraph depts["责任部门"]');
    expect(src).toContain('click d_human_resources "/departments/human-resources/"');
  });

  test('a chapter graph and a department graph', () => {
    const c2 = graphModel(xref, { chapter: 2 });
    expect(c2.chapters.map((c) => c.chapter.number)).toEqual([2]);
    expect(c2.edges).toHaveLength(policy.chapters[1]!.provisions.reduce((n, m) => n + (m.attribution?.departments.length ?? 0), 0));
    const hr = graphModel(xref, { department: 'human-resources' });
    const own = xref.byId.get('human-resources')!;
    expect(hr.chapters.flatMap((c) => c.provisions.map((m) => m.id))).toEqual(own.tasks.map((t) => t.provision.id));
    expect(new Set(hr.departments.map((x) => x.dept.id))).toEqual(new Set(['human-resources', ...own.partners.map((p) => p.id)]));
    const src = mermaidSource(hr, { ...mermaidOptions, focus: 'human-resources' });
    expect(src).toContain('class d_human_resources pe-focus');
  });
});

describe('on fixtures', () => {
  const reg: Department[] = [
    { id: 'a', abbr: '市甲局', name: '甲', nameEn: 'A', kind: 'government' },
    { id: 'b', abbr: '市乙委', name: '乙', nameEn: 'B', kind: 'government' },
    { id: 'c', abbr: '市丙办', name: '丙', nameEn: 'C', kind: 'party' },
    { id: 'unused', abbr: '市丁局', name: '丁', nameEn: 'D', kind: 'government' },
  ];
  const m = (id: string, departments: string[], body = '') => makeProvision(id, departments, reg, { headline: '标题。', body });
  const doc = makeDoc({
    signature: '某小组（市丙办代章）',
    issuer: '某小组',
    chapters: [
      makeChapter(1, [m('1-1', ['b', 'a']), m('1-2', ['b'])], '章一'),
      makeChapter(2, [m('2-1', ['a', 'b', 'c']), m('2-2', [], '由市丙办和市甲局会同。')], '章二'),
    ],
  });
  const x = crossReference(doc, reg);

  test('positions, leads, ordering and unused registry entries', () => {
    expect(x.departments.map((d) => d.dept.id)).toEqual(['b', 'a', 'c']);
    expect(x.byId.get('b')!.leadCount).toBe(2);
    expect(x.byId.get('a')!.tasks.map((t) => [t.provision.id, t.position])).toEqual([['1-1', 2], ['2-1', 1]]);
    expect(x.byId.has('unused')).toBe(false);
    expect(x.links).toBe(6);
  });

  test('mentions outside the attributions, the seal marked', () => {
    expect(x.byId.get('c')!.mentions.map((mm) => [mm.place, mm.seal, mm.provisionId])).toEqual([['signature', true, undefined], ['provision', false, '2-2']]);
    expect(x.byId.get('a')!.mentions.map((mm) => mm.place)).toEqual(['provision']);
  });

  test('a department named only outside the attributions still gets an entry, but no matrix column', () => {
    const y = crossReference({ ...doc, notice: ['请市丁局配合。'] }, reg);
    expect(y.byId.get('unused')!.tasks).toEqual([]);
    expect(y.byId.get('unused')!.mentions.map((mm) => [mm.place, mm.text])).toEqual([['notice', '请市丁局配合。']]);
    expect(matrix(y).columns.map((c) => c.dept.id)).toEqual(['b', 'a', 'c']);
  });

  test('unknown departments and duplicates are errors', () => {
    expect(() => crossReference({ ...doc, chapters: [makeChapter(1, [m('1-1', ['zz'])])] }, reg)).toThrow(/zz/);
    expect(() => crossReference({ ...doc, chapters: [makeChapter(1, [m('1-1', ['a', 'a'])])] }, reg)).toThrow(/twice/);
    // A department named outside the attributions must be in the registry too.
    expect(() => crossReference(doc, reg.filter((d) => d.id !== 'c'))).toThrow(/"c"/);
  });

  test('mermaid text escaping and label wrapping', () => {
    expect(mermaidText('a"b<c>#&')).toBe('a#34;b#60;c#62;#35;#38;');
    expect(wrapLabel('一二三四五六七八九十', 8)).toEqual(['一二三四五', '六七八九十']);
    expect(wrapLabel('短', 8)).toEqual(['短']);
    const src = mermaidSource(graphModel(x), { ...mermaidOptions, wrap: 4 });
    expect(src).toContain('m1_1["1-1<br>标题"]');
    expect(src).toContain('m2_1 ==> d_a');
    expect(src).toContain('m2_1 --> d_c');
  });

  test('the provision text of a fixture seed: mentions in the body are found', () => {
    const text = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');
    const doc = parseSeed('minimal.txt', text, registry);
    const y = crossReference(doc, registry);
    expect(y.links).toBe(doc.chapters.flatMap((c) => c.provisions).reduce((n, mm) => n + (mm.attribution?.departments.length ?? 0), 0));
    // The departments named outside the attributions are in the signature 测试市就业工作领导小组（市人社局代章）:
    // the seal, and the registry's 市就业工作领导小组, which the mention scan finds after the fictional 测试 (as
    // it would find 市人社局 in 测试市人社局: a 市… abbreviation is read wherever it is written).
    expect(text).toContain('测试市就业工作领导小组（市人社局代章）');
    expect(y.departments.flatMap((d) => d.mentions.map((mm) => [d.dept.abbr, mm.place, mm.seal]))).toEqual([['市人社局', 'signature', true], ['市就业工作领导小组', 'signature', false]]);
  });
});

describe('textRuns: the text outside the attributions', () => {
  test('every part of the document, in reading order', () => {
    const sources = textRuns(policy);
    expect(sources.map((s) => s.place)).toEqual([
      'title', 'addressees', ...policy.notice.map(() => 'notice'), 'signature', ...policy.preamble.map(() => 'preamble'), ...provisions.map(() => 'provision'),
    ]);
    const lines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(sources.slice(0, 2).map((s) => s.text)).toEqual(lines.slice(0, 1).concat(lines[2]!));
    expect(sources.find((s) => s.place === 'signature')!.text).toBe('市就业工作领导小组（市人社局代章）');
  });

  test("a provision's text is its seed line without the marker and the closing attribution", () => {
    const lines = provisionLinesFromSeed();
    const ofProvisions = textRuns(policy).filter((s) => s.place === 'provision');
    expect(ofProvisions.map((s) => s.provisionId)).toEqual([...lines.keys()]);
    for (const s of ofProvisions) {
      const line = lines.get(s.provisionId!)!;
      const m = /^（[一二三四五六七八九十]+）(.*?)(（市[^（）]*）)?$/u.exec(line)!;
      expect(s.text, s.provisionId).toBe(m[1]);
    }
  });
});
