/**
 * The real corpus (tests/fixtures/real/, six published documents copied as stored): each converts
 * unedited beside the seed, with its provisions numbered as published, its attributions read into
 * bodies and its metadata right. The expected values come from the documents themselves and their
 * SOURCES.md, not from the converter's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSeed } from '../../src/convert/parse.ts';
import { parseRegistry } from '../../src/model/registry.ts';
import { provisionsOf, citedLabel } from '../../src/model/derive.ts';
import { toChineseNumeral } from '../../src/model/numerals.ts';
import { REAL_FIXTURES, REGISTRY_FILE, ROOT } from '../helpers/paths.ts';
import { convertReal, realIds, realSeedFiles } from '../helpers/real-site.ts';
import { mkdtempSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const registry = parseRegistry('content/departments.yaml', readFileSync(REGISTRY_FILE, 'utf8'));
const read = (name: string) => {
  const file = realSeedFiles().find((f) => f.startsWith(name))!;
  const text = readFileSync(join(REAL_FIXTURES, file), 'utf8');
  return { text, ...readSeed(`seeds/${file}`, text, registry) };
};
/** Lines of the raw text that end with an attribution in the national form （…负责）, counted without the converter. */
const attributedLines = (text: string) => text.split('\n').filter((l) => /（[^（）]*负责[^（）]*）[。；]?$/u.test(l.trim())).length;
const markers = (n: number, wrap: (h: string) => string) => Array.from({ length: n }, (_, i) => wrap(toChineseNumeral(i + 1)));

describe('the six real documents convert unedited', () => {
  test('all six are in tests/fixtures/real/ with their sources', () => {
    expect(realSeedFiles()).toHaveLength(6);
    const sources = readFileSync(join(REAL_FIXTURES, 'SOURCES.md'), 'utf8');
    for (const f of realSeedFiles()) expect(sources).toContain(f);
  });

  test('国发〔2018〕39号: （一）–（十五） numbered straight through five parts, cited by their own numbers; national attributions', () => {
    const { doc, notes, text } = read('01');
    expect([doc.docNumber, doc.issuer, doc.dateISO, doc.form]).toEqual(['国发〔2018〕39号', '国务院', '2018-11-16', 'direct']);
    expect(doc.chapters.map((c) => c.marker)).toEqual(markers(5, (h) => `${h}、`));
    const ms = provisionsOf(doc);
    expect(ms.map((m) => m.marker)).toEqual(markers(15, (h) => `（${h}）`));
    expect(ms.every((m) => m.through)).toBe(true);
    expect(citedLabel(ms[2]!)).toBe('第（三）项');
    // Every attribution of the text is read, into bodies or collective bodies.
    const attributed = ms.filter((m) => m.attribution && (m.attribution.departments.length || m.attribution.collectives?.length));
    expect(attributed).toHaveLength(attributedLines(text));
    const first = ms[0]!.attribution!;
    expect(first.departments.map((d) => [d.abbr, d.role])).toEqual([['人力资源社会保障部', 'lead'], ['财政部', 'partner']]);
    // （…等有关部门和单位按职责分工负责）: the list ends before 等, no body named 「民政部等有关部门和单位」.
    expect(ms.flatMap((m) => m.attribution?.departments ?? []).some((d) => d.abbr.includes('等'))).toBe(false);
    expect(ms.find((m) => m.attribution?.text.includes('各省级人民政府负责）'))!.attribution!.collectives).toEqual(['各省级人民政府']);
    // The closing paragraph after （十五） is a paragraph of 五、, not part of （十五）.
    const closing = text.split('\n').find((l) => l.startsWith('从工业企业结构调整'))!;
    expect(doc.chapters[4]!.paragraphs!.map((p) => p.text)).toEqual([closing]);
    expect(ms[14]!.text).not.toContain(closing);
    expect(notes.some((n) => /numbered straight through/.test(n.message) && n.line === 9)).toBe(true);
  });

  test('国办发〔2018〕123号: prose under a heading, items restarting under each part', () => {
    const { doc, notes } = read('02');
    expect([doc.docNumber, doc.issuer, doc.dateISO]).toEqual(['国办发〔2018〕123号', '国务院办公厅', '2018-12-07']);
    expect(doc.chapters.map((c) => c.provisions.length)).toEqual([3, 0, 3, 4, 3]);
    expect(doc.chapters.map((c) => c.paragraphs?.length ?? 0)).toEqual([0, 3, 1, 0, 0]);
    expect(provisionsOf(doc).some((m) => m.through)).toBe(false);
    expect(citedLabel(doc.chapters[2]!.provisions[0]!)).toBe('第三部分第（一）项');
    // 1.–4. stay inside （三）基本原则.
    expect(doc.chapters[0]!.provisions[2]!.text.split('\n').filter((l) => /^[1-4]\./u.test(l))).toHaveLength(4);
    expect(notes.filter((n) => /prose directly under the heading 二、/.test(n.message))).toHaveLength(3);
  });

  test('国发〔2019〕4号: an 印发 notice without 《》 carrying a 方案 whose （一）–（二十） run through seven parts', () => {
    const { doc } = read('03');
    expect([doc.docNumber, doc.issuer, doc.dateISO, doc.form, doc.provisionsTitle]).toEqual(['国发〔2019〕4号', '国务院', '2019-01-24', 'notice', '国家职业教育改革实施方案']);
    expect(doc.carriedTitle).toBe('国家职业教育改革实施方案');
    expect(doc.chapters).toHaveLength(7);
    expect(provisionsOf(doc).map((m) => m.marker)).toEqual(markers(20, (h) => `（${h}）`));
  });

  test('国务院令第706号: the order, then the 条例 with its revision note, 第一条–第三十二条 in five chapters', () => {
    const { doc, text } = read('05');
    expect([doc.docNumber, doc.issuer, doc.dateISO, doc.provisionsTitle, doc.signature]).toEqual(['国务院令第706号', '国务院', '2018-11-06', '专利代理条例', '总理　　李克强']);
    expect(doc.preamble).toEqual([text.split('\n').find((l) => l.startsWith('（1991年'))]);
    expect(doc.chapters.map((c) => c.marker)).toEqual(markers(5, (h) => `第${h}章`));
    const ms = provisionsOf(doc);
    expect(ms.map((m) => m.marker)).toEqual(markers(32, (h) => `第${h}条`));
    expect(citedLabel(ms[4]!)).toBe('第五条');
  });

  test('广东省行政执法公示办法: a partial copy with no 文号, signature or date is read, and the gaps are reported', () => {
    const { doc, notes } = read('09');
    expect([doc.docNumber, doc.date, doc.dateISO, doc.issuer]).toEqual([null, null, null, null]);
    expect(provisionsOf(doc).map((m) => m.marker)).toEqual(markers(29, (h) => `第${h}条`));
    expect(notes.some((n) => /no signature .* or date/.test(n.message))).toBe(true);
    expect(notes.some((n) => /no issuer/.test(n.message))).toBe(true);
  });

  test('劳社部发[2004]22号: 一、–十九、 as articles of a 办法, 六， and 二00四年 read as published, each noted', () => {
    const { doc, notes } = read('12');
    expect([doc.docNumber, doc.issuer, doc.date, doc.dateISO, doc.provisionsTitle]).toEqual(['劳社部发[2004]22号', '中华人民共和国劳动和社会保障部', '二00四年九月十日', '2004-09-10', '建设领域农民工工资支付管理暂行办法']);
    expect(doc.signature).toBe('中华人民共和国劳动和社会保障部\n中华人民共和国建设部');
    const ms = provisionsOf(doc);
    expect(ms.map((m) => m.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(ms[5]!.marker).toBe('六，');
    expect(ms.every((m) => m.kind === 'part')).toBe(true);
    // (一)–(五) inside 十六、 stay its sub-items.
    expect(ms[15]!.text.split('\n').filter((l) => /^\([一二三四五]\)/u.test(l))).toHaveLength(5);
    for (const pattern of [/〔〕/, /written with 0 for 〇/, /六，/, /read as articles/]) expect(notes.some((n) => pattern.test(n.message)), String(pattern)).toBe(true);
    expect(notes.every((n) => n.line > 0 && n.col > 0 && n.file.endsWith('.txt'))).toBe(true);
  });
});

describe('with the seed, through the command line', () => {
  test('one at a time and all together: every real document converts beside the seed, with a report beside its content', () => {
    for (const file of realSeedFiles()) {
      const root = mkdtempSync(join(tmpdir(), 'pe-real-'));
      const out = convertReal(root, [file]);
      expect(out).toMatch(/^2 seed\(s\)/);
      expect(realIds(root).size).toBe(2);
    }
    const root = mkdtempSync(join(tmpdir(), 'pe-real-'));
    const out = convertReal(root);
    expect(out).toMatch(/^7 seed\(s\)/);
    expect(out).toMatch(/conversion report: \d+ note\(s\) in 6 document\(s\)/);
    const ids = realIds(root);
    for (const file of realSeedFiles()) {
      const id = ids.get(file)!;
      expect(existsSync(join(root, 'content/policies', id, 'conversion-report.txt')), file).toBe(true);
    }
    // The partial copy 09 names no issuer; content/documents.yaml gives the one its page states, and the report says so.
    const banfa = ids.get(realSeedFiles().find((f) => f.startsWith('09'))!)!;
    expect(readFileSync(join(root, 'content/policies', banfa, 'document.mdx'), 'utf8')).toMatch(/^issuer: "广东省人民政府"$/mu);
    expect(readFileSync(join(root, 'content/policies', banfa, 'conversion-report.txt'), 'utf8')).toMatch(/:1:1: the issuer \(发文机关\) 广东省人民政府 is taken from content\/documents.yaml/u);
    // The seed reads without a guess: no report of its own.
    const seedId = ids.get(readdirSync(join(root, 'seeds')).find((f) => !realSeedFiles().includes(f))!)!;
    expect(existsSync(join(root, 'content/policies', seedId, 'conversion-report.txt'))).toBe(false);
  });
});

describe('content/documents.yaml: issuer', () => {
  test('declared for a document whose text names its issuer: refused at the entry\'s line and column', () => {
    const root = mkdtempSync(join(tmpdir(), 'pe-real-'));
    const file = realSeedFiles()[0]!;
    convertReal(root, [file]);
    writeFileSync(join(root, 'content/documents.yaml'), `- source: ${file}\n  issuer: 广东省人民政府\n`);
    const result = spawnSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/documents\.yaml:2:11: the text of 01-gf2018-39-cujin-jiuye-yijian\.txt names its issuer \(国务院\): "issuer" is only for a copy that does not$/u);
  });
});
