/** Summaries against the seed (expected values read from the text itself) and a small fixture. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSeed } from '../../src/convert/parse.ts';
import { ownText, citedLabel } from '../../src/model/derive.ts';
import { departmentsLine, summarisePolicy, type ProvisionSummary } from '../../src/views/summary.ts';
import { policyReferences, referenceCounts } from '../../src/model/references.ts';
import { provisionLinesFromSeed, policy, registry, seedText } from '../helpers/model.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const summary = summarisePolicy(policy, registry);
const all = summary.chapters.flatMap((c) => c.provisions);
const seedLines = provisionLinesFromSeed();
const byAbbr = new Map(registry.map((d) => [d.abbr, d]));
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The closing （…） of a seed line, split into abbreviations: what the reader sees as 责任部门. */
function attributionOf(line: string): { abbrs: string[]; etc: boolean } {
  const m = /（(市[^（）]*)）$/u.exec(line);
  if (!m) return { abbrs: [], etc: false };
  const etc = m[1]!.endsWith('等部门按职责分工');
  return { abbrs: m[1]!.replace(/等部门按职责分工$/u, '').split('、'), etc };
}

describe('summary of the seed', () => {
  test('every chapter and provision, in order, with id, label and headline', () => {
    expect(summary.chapters.map((c) => `${c.marker}${c.title}`)).toEqual(policy.chapters.map((c) => `${c.marker}${c.title}`));
    expect(all.map((m) => m.id)).toEqual([...seedLines.keys()]);
    for (const m of all) {
      const line = seedLines.get(m.id)!;
      // The headline is the seed line's first sentence, after the marker, without its 。
      expect(line.startsWith(`${m.marker}${m.headline}。`), m.id).toBe(true);
      expect(m.headline).not.toMatch(/。/u);
      expect(m.label).toMatch(/^第[一二三四五六七八九十]+部分第（[一二三四五六七八九十]+）项$/u);
    }
  });

  test('departments: the attribution of each provision, in order, the first one leading', () => {
    for (const m of all) {
      const { abbrs, etc } = attributionOf(seedLines.get(m.id)!);
      expect(m.departments.map((d) => d.abbr), m.id).toEqual(abbrs);
      expect(m.departments.map((d) => d.lead), m.id).toEqual(abbrs.map((_, i) => i === 0));
      expect(m.departments.map((d) => d.name), m.id).toEqual(abbrs.map((a) => byAbbr.get(a)!.name));
      expect(m.departmentsEtc, m.id).toBe(etc);
    }
    // Chapter five assigns no department; every other provision does.
    expect(all.filter((m) => m.departments.length === 0).map((m) => m.chapter)).toEqual(policy.chapters.at(-1)!.provisions.map(() => policy.chapters.length));
  });

  test('cited documents: every 《…》 of the provision except the policy itself, once each', () => {
    for (const m of all) {
      const line = seedLines.get(m.id)!;
      const cited = unique([...line.matchAll(/《([^》]*)》/gu)].map((x) => x[1]!)).filter((t) => t !== policy.provisionsTitle);
      expect(m.documents.map((d) => d.title), m.id).toEqual(cited);
    }
    const title = (t: string) => all.flatMap((m) => m.documents).find((d) => d.title.startsWith(t));
    expect(title('天津市乡村振兴战略规划')!.title).toContain('（2018-2022年）');
  });

  test('programmes: every quoted name of the provision, once each, in order', () => {
    for (const m of all) {
      const quoted = unique([...seedLines.get(m.id)!.matchAll(/“([^”]*)”/gu)].map((x) => x[1]!));
      expect(m.programmes, m.id).toEqual(quoted);
    }
  });

  test('commitments: every Arabic figure outside cited titles and quoted names, with the clause that states it', () => {
    for (const m of all) {
      const text = seedLines.get(m.id)!.replace(/《[^》]*》/gu, '').replace(/“\d+”/gu, '');
      const digits = text.match(/\d/gu)?.length ?? 0;
      expect(m.commitments.map((c) => c.figure).join('').match(/\d/gu)?.length ?? 0, m.id).toBe(digits);
      for (const c of m.commitments) {
        expect(c.clause).toContain(c.figure);
        expect(text).toContain(c.clause);
        expect(c.clause).not.toMatch(/[，。；：、]$/u);
      }
    }
    // The percentages, shares and time limits the issue names are all there, each in its provision.
    const where = (fig: string) => all.filter((m) => m.commitments.some((c) => c.figure === fig)).map((m) => m.id);
    for (const fig of ['3%-5%', '65%', '80%', '满1年', '1年及以上']) {
      expect(where(fig)).toEqual([...seedLines].filter(([, line]) => line.includes(fig)).map(([id]) => id));
    }
    expect(all.find((m) => m.commitments.some((c) => c.figure === '65%'))!.commitments.find((c) => c.figure === '65%')!.kind).toBe('percentage');
    // A year range inside a cited title is part of the title, not a commitment.
    expect(all.flatMap((m) => m.commitments).map((c) => c.figure)).not.toContain('2018-2022年');
  });

  test('totals', () => {
    const lines = [...seedLines.values()];
    expect(summary.totals.provisions).toBe(lines.length);
    expect(summary.totals.departments).toBe(new Set(lines.flatMap((l) => attributionOf(l).abbrs)).size);
    // Documents, programmes and figures are the whole document's, counted as its reference index counts them
    // (the notice and preamble cite too), so the summary and /references/ agree.
    const body = seedText.split(/\r?\n/).slice(1).join('\n');
    const cited = new Set([...body.matchAll(/《([^》]*)》/gu)].map((x) => x[1]));
    cited.delete(policy.provisionsTitle);
    expect(summary.totals.documents).toBe(cited.size);
    expect(summary.totals.programmes).toBe(new Set([...body.matchAll(/“([^”]*)”/gu)].map((x) => x[1])).size);
    expect(summary.totals).toMatchObject(((c) => ({ documents: c.documents, programmes: c.programmes, commitments: c.figures }))(referenceCounts(policyReferences(policy, registry))));
    expect(summary).toMatchObject({ provisionsTitle: policy.provisionsTitle, docNumber: policy.docNumber });
  });
});

describe('summary of a small fixture', () => {
  const doc = parseSeed('minimal.txt', readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8'), registry);
  const s = summarisePolicy(doc, registry);
  const [m11, m12, m21] = s.chapters.flatMap((c) => c.provisions) as [ProvisionSummary, ProvisionSummary, ProvisionSummary];

  test('departments, lead and 等', () => {
    expect(m11.departments.map((d) => [d.abbr, d.lead])).toEqual([['市人社局', true], ['市财政局', false]]);
    expect(m11.departmentsEtc).toBe(true);
    expect(departmentsLine(m11)).toBe('市人社局（牵头）、市财政局等部门');
    expect(departmentsLine(m12)).toBe('市教委（牵头）');
    expect(m21.departments).toEqual([]);
    expect(departmentsLine(m21)).toBe('');
  });

  test('programmes, documents and figures', () => {
    expect(m12.programmes).toEqual(['海河英才']);
    expect(s.chapters.flatMap((c) => c.provisions).flatMap((m) => m.documents)).toEqual([]);
    // The preamble cites 《关于做好就业工作的意见》: the whole document's count, as its reference index has it.
    expect(s.totals).toEqual({ provisions: 3, departments: 3, documents: 1, programmes: 1, commitments: 0 });
  });

  test('a provision that cites a document with its number, and a figure inside and outside the title', () => {
    const provision = makeProvision('1-1', ['education'], registry, {
      headline: '做好工作。',
      body: '落实《某规划（2021-2025年）》（津政发〔2021〕2号）和《自身》，比例不低于10%；工作满2年的，予以奖励。',
    });
    expect(provision.text).toBe('做好工作。落实《某规划（2021-2025年）》（津政发〔2021〕2号）和《自身》，比例不低于10%；工作满2年的，予以奖励。（市教委）');
    const doc = makeDoc({ title: '关于印发《自身》的通知', provisionsTitle: '自身', docNumber: '测字〔2024〕1号', chapters: [makeChapter(1, [provision], '章')] });
    const m = summarisePolicy(doc, registry).chapters[0]!.provisions[0]!;
    expect(m.headline).toBe('做好工作');
    expect(m.label).toBe('第一部分第（一）项');
    expect(m.departments).toEqual([{ id: 'education', abbr: '市教委', name: registry.find((d) => d.abbr === '市教委')!.name, lead: true }]);
    expect(m.documents).toEqual([{ title: '某规划（2021-2025年）', number: '津政发〔2021〕2号' }]);
    expect(m.commitments).toEqual([
      { figure: '10%', kind: 'percentage', clause: '比例不低于10%' },
      { figure: '满2年', kind: 'duration', clause: '工作满2年的' },
    ]);
  });

  test("without a provisions title, the notice title is the policy's own title (not a citation)", () => {
    const provision = makeProvision('1-1', [], registry, { headline: '示例标题。', body: '依照《关于示例工作的通知》执行。' });
    const doc = makeDoc({ title: '关于示例工作的通知', provisionsTitle: '', chapters: [makeChapter(1, [provision])] });
    const s = summarisePolicy(doc, registry);
    expect(s.provisionsTitle).toBe('关于示例工作的通知');
    expect(s.docNumber).toBe(doc.docNumber);
    expect(s.chapters[0]!.provisions[0]!.documents).toEqual([]);
  });

  test('an unknown department is an error, not a blank', () => {
    const provision = makeProvision('1-1', ['nope'], registry, { headline: 'h。' });
    expect(() => summarisePolicy(makeDoc({ chapters: [makeChapter(1, [provision], 't')] }), registry)).toThrow(/nope/);
  });
});

describe('chapter facts', () => {
  test('each chapter counts its provisions and departments and names its lead departments', () => {
    for (const c of summary.chapters) {
      const lines = c.provisions.map((m) => seedLines.get(m.id)!);
      expect(c.totals.provisions).toBe(lines.length);
      expect(c.totals.departments).toBe(new Set(lines.flatMap((l) => attributionOf(l).abbrs)).size);
      const firsts = lines.map((l, i) => [attributionOf(l).abbrs[0], c.provisions[i]!.id] as const).filter(([a]) => a);
      expect(c.leads.map((l) => l.abbr)).toEqual(unique(firsts.map(([a]) => a)));
      for (const l of c.leads) expect(l.provisions).toEqual(firsts.filter(([a]) => a === l.abbr).map(([, id]) => id));
    }
  });
});

describe('key actions: what each provision does, in its own words', () => {
  test('every action and deadline is a verbatim slice of the provision text, in reading order, outside the headline', () => {
    for (const m of all) {
      const source = policy.chapters.flatMap((c) => c.provisions).find((x) => x.id === m.id)!;
      let last = -1;
      for (const a of m.actions) {
        expect(source.text.slice(a.offset, a.offset + a.text.length)).toBe(a.text);
        expect(a.offset).toBeGreaterThan(last);
        expect(a.offset).toBeGreaterThanOrEqual(source.text.indexOf(source.headline) + source.headline.length);
        last = a.offset;
      }
      for (const d of m.deadlines) expect(source.text.slice(d.offset, d.offset + d.text.length)).toBe(d.text);
    }
  });

  test('every provision says what it does; clauses led by a lead verb are found', () => {
    for (const m of all) expect(m.actions.length).toBeGreaterThan(0);
    // 2-1: the seed's own clauses, read off its line.
    const line = seedLines.get('2-1')!;
    const m21 = all.find((m) => m.id === '2-1')!.actions.map((a) => a.text);
    for (const clause of ['完善我市居住证积分指标体系', '提高社会保险和居住指标分值', '深入实施“海河英才”行动计划']) {
      expect(line).toContain(clause);
      expect(m21).toContain(clause);
    }
  });

  test('deadlines and the fallback clause, on a made-up provision', () => {
    const provision = makeProvision('1-1', ['education'], registry, {
      headline: '做好示例工作。',
      body: '各区要在2025年底前完成示例台账，做好衔接；年内建立测试机制。有关单位按示例执行。',
    });
    const doc = makeDoc({ title: '关于印发《示例》的通知', provisionsTitle: '示例', docNumber: '测字〔2024〕1号', chapters: [makeChapter(1, [provision], '章')] });
    const m = summarisePolicy(doc, registry).chapters[0]!.provisions[0]!;
    // Only 做好衔接 opens with a lead verb (年内… and 有关单位… do not).
    expect(m.actions.map((a) => a.text)).toEqual(['做好衔接']);
    const none = makeProvision('1-1', ['education'], registry, { headline: '做好示例工作。', body: '有关单位按示例执行，及时报告。' });
    const fallback = summarisePolicy(makeDoc({ title: '关于印发《示例》的通知', provisionsTitle: '示例', docNumber: '测字〔2024〕1号', chapters: [makeChapter(1, [none], '章')] }), registry);
    // Without any verb-led clause, the first clause after the headline stands for the provision.
    expect(fallback.chapters[0]!.provisions[0]!.actions.map((a) => a.text)).toEqual(['有关单位按示例执行']);
    expect(m.deadlines.map((d) => d.text)).toEqual(['各区要在2025年底前完成示例台账', '年内建立测试机制']);
  });
});

describe('summaries of documents in other forms (tests/fixtures/forms/)', () => {
  test('every provision of every form says what it does, in its own words, with its own label', async () => {
    const { forms, parse } = await import('../helpers/forms.ts');
    for (const [name, text] of forms) {
      const doc = parse(text, `seeds/${name}`);
      const summary = summarisePolicy(doc, registry);
      const provisions = doc.chapters.flatMap((c) => c.provisions);
      const entries = summary.chapters.flatMap((c) => c.provisions);
      expect(entries.map((e) => e.id), name).toEqual(provisions.map((m) => m.id));
      for (const e of entries) {
        const m = provisions.find((x) => x.id === e.id)!;
        expect(e.label, `${name} ${e.id}`).toBe(citedLabel(m));
        // A provision with text after its headline says what it does.
        const rest = ownText(m).slice(ownText(m).indexOf(m.headline) + m.headline.length).trim();
        expect(e.actions.length, `${name} ${e.id}: something it does`).toBeGreaterThanOrEqual(rest ? 1 : 0);
        for (const a of [...e.actions, ...e.deadlines]) expect(m.text.slice(a.offset, a.offset + a.text.length), `${name} ${e.id}`).toBe(a.text);
      }
    }
  });
});
