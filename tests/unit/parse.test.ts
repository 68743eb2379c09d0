import { describe, expect, test } from 'vitest';
import { segmentInline } from '../../src/model/inline.ts';
import { fromChineseNumeral, toChineseNumeral } from '../../src/model/numerals.ts';
import { provisionLinesFromSeed, provisions, policy, registry, seedText } from '../helpers/model.ts';

describe('the seed, parsed', () => {
  test('document metadata', () => {
    const lines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(policy.title).toBe(lines[0]);
    expect(policy.title).toBe(`关于印发《${policy.provisionsTitle}》的通知`);
    expect(policy.docNumber).toBe('津就组字〔2020〕5号');
    // The id: pinyin initials of 津就组字 (jīn jiù zǔ zì), the year and the number.
    expect(policy.id).toBe('jjzz-2020-5');
    expect(policy.source).toMatch(/^[^/]+\.txt$/);
    expect(policy.addressees).toBe(lines[2]);
    expect(policy.issuer).toBe('市就业工作领导小组');
    expect(policy.seal).toEqual({ text: '市人社局代章', department: { abbr: '市人社局', slug: 'human-resources' } });
    expect(policy.date).toBe('2020年7月30日');
    expect(policy.dateISO).toBe('2020-07-30');
    expect(policy.notice).toHaveLength(1);
    expect(policy.preamble).toHaveLength(1);
    expect(policy.implements).toEqual({ title: '关于促进劳动力和人才社会性流动体制机制改革的意见', number: '厅字〔2019〕56号' });
  });

  test('5 chapters, 16 provisions, numbered as in the text', () => {
    expect(policy.chapters.map((c) => c.marker)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(policy.chapters.map((c) => c.provisions.length)).toEqual([3, 3, 3, 4, 3]);
    expect(provisions).toHaveLength(16);
    const fromSeed = provisionLinesFromSeed();
    expect(provisions.map((m) => m.id)).toEqual([...fromSeed.keys()]);
    for (const m of provisions) {
      expect(fromSeed.get(m.id)).toBe(m.marker + m.text);
      expect(m.id).toBe(`${m.chapter}-${m.number}`);
    }
  });

  test('headline: the text up to and including the first 。', () => {
    for (const m of provisions) {
      expect(m.text.startsWith(m.headline)).toBe(true);
      expect(m.headline.endsWith('。')).toBe(true);
      expect(m.headline.slice(0, -1)).not.toContain('。');
    }
    expect(provisions[0]!.headline).toBe('实施就业优先政策创造流动机会。');
  });

  test('responsibility attributions: 13 provisions, 23 departments, 60 links', () => {
    const attributed = provisions.filter((m) => m.attribution);
    expect(attributed).toHaveLength(13);
    expect(policy.chapters[4]!.provisions.every((m) => m.attribution === null)).toBe(true);
    const links = attributed.flatMap((m) => m.attribution!.departments);
    expect(links).toHaveLength(60);
    expect(new Set(links.map((d) => d.abbr)).size).toBe(23);
    for (const m of attributed) {
      // The attribution is the provision's closing parenthetical, exactly as written.
      expect(m.text.endsWith(m.attribution!.text)).toBe(true);
      expect(m.attribution!.text).toBe(`（${m.attribution!.departments.map((d) => d.abbr).join('、')}${m.attribution!.suffix}）`);
    }
    expect(provisions.find((m) => m.id === '1-1')!.attribution!.departments.slice(0, 2).map((d) => d.abbr)).toEqual(['市人社局', '市发展改革委']);
    const jiaowei = provisions.find((m) => m.id === '4-2')!.attribution!;
    expect(jiaowei).toMatchObject({ etc: false, suffix: '', departments: [{ abbr: '市教委', slug: 'education' }] });
    expect(attributed.filter((m) => m.attribution!.etc)).toHaveLength(12);
  });

  test('every department in an attribution is in the registry, and every municipal one is named (in an attribution, or as the issuer)', () => {
    const named = new Set(provisions.flatMap((m) => m.attribution?.departments.map((d) => d.abbr) ?? []));
    // The registry also holds the State Council's departments (level: national), which this Tianjin seed does not name,
    // and the seed's issuer, 市就业工作领导小组, which signs it and is in no attribution.
    expect(policy.issuer).toBe('市就业工作领导小组');
    expect(new Set(registry.filter((d) => (d.level ?? 'municipal') === 'municipal').map((d) => d.abbr))).toEqual(new Set([...named, policy.issuer]));
  });
});

describe('Chinese numerals', () => {
  test('round trip 1..99', () => {
    for (let n = 1; n <= 99; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(['一', '十', '十一', '二十', '九十九'].map(fromChineseNumeral)).toEqual([1, 10, 11, 20, 99]);
    expect(fromChineseNumeral('一十')).toBeUndefined();
  });
});

describe('inline segmentation', () => {
  test('segments cover the text exactly', () => {
    for (const m of provisions) expect(segmentInline(m.text, registry).map((s) => s.text).join('')).toBe(m.text);
  });

  test('cited documents, document numbers, quoted names, departments', () => {
    const segs = segmentInline(policy.preamble[0]!, registry);
    expect(segs.filter((s) => s.kind === 'cite').map((s) => s.text)).toEqual(['《关于促进劳动力和人才社会性流动体制机制改革的意见》']);
    expect(segs.filter((s) => s.kind === 'docno').map((s) => s.text)).toEqual(['厅字〔2019〕56号']);
    const m21 = segmentInline(provisions.find((m) => m.id === '2-1')!.text, registry);
    expect(m21.filter((s) => s.kind === 'term').map((s) => s.text)).toEqual(['“海河英才”', '“学历型、资格型、技能型、创业型、急需型”']);
    expect(m21.filter((s) => s.kind === 'dept').map((s) => s.text)).toEqual(['市发展改革委', '市公安局', '市人社局', '市教委', '市医保局', '市财政局', '市规划资源局']);
    // A document number starts where a run of Han characters starts: after punctuation, not mid-word.
    expect(segmentInline('见（国办发〔2020〕1号）', registry).filter((s) => s.kind === 'docno').map((s) => s.text)).toEqual(['国办发〔2020〕1号']);
    expect(segmentInline('见国办发〔2020〕1号', registry).filter((s) => s.kind === 'docno').map((s) => s.text)).toEqual(['见国办发〔2020〕1号']);
    // Longest abbreviation wins, and a title's inner text is not split.
    expect(segmentInline('《市人社局工作规则》市市场监管委', registry).map((s) => s.kind)).toEqual(['cite', 'dept']);
  });

  test('every 《…》 and “…” of the seed is marked up', () => {
    const all = provisions.flatMap((m) => segmentInline(m.text, registry));
    const quoted = provisions.map((m) => m.text).join('').match(/“[^”]*”/g)!;
    const cited = provisions.map((m) => m.text).join('').match(/《[^》]*》/g)!;
    expect(all.filter((s) => s.kind === 'term').map((s) => s.text)).toEqual(quoted);
    expect(all.filter((s) => s.kind === 'cite').map((s) => s.text)).toEqual(cited);
  });
});
