/**
 * The pieces of the document grammar, each on its own: the numbering vocabulary, numerals and
 * dates, the line rules, headlines, attributions, labels; and the speed of conversion (linear in
 * the length of a provision).
 */
import { describe, expect, test } from 'vitest';
import { cutHeadline } from '../../src/convert/body.ts';
import { LINE_BREAK_RE, toLines } from '../../src/convert/lines.ts';
import { classify } from '../../src/convert/rules.ts';
import { Report } from '../../src/convert/report.ts';
import { chapterHeading, chapterLabel, leadIds, labelInChapter, ownText, citedLabel } from '../../src/model/derive.ts';
import { NUMBERINGS, readNumbering } from '../../src/model/numbering.ts';
import { fromChineseNumeral, numeralOrDigits, parseDate, toChineseNumeral } from '../../src/model/numerals.ts';
import type { Provision } from '../../src/model/types.ts';

describe('the numbering vocabulary', () => {
  test.each([
    ['第十二章　附则', 'chapter', 12, '第十二章', '附则'],
    ['第一节 职责', 'section', 1, '第一节', '职责'],
    ['第一百零一条　本办法自公布之日起施行。', 'article', 101, '第一百零一条', '本办法自公布之日起施行。'],
    ['第五条本办法适用于…', 'article', 5, '第五条', '本办法适用于…'],
    ['三、强化保障', 'part', 3, '三、', '强化保障'],
    ['（十一）加强领导。', 'item', 11, '（十一）', '加强领导。'],
    ['(二)加强领导。', 'item', 2, '(二)', '加强领导。'],
    ['12.落实补贴。', 'point', 12, '12.', '落实补贴。'],
    ['3．落实补贴。', 'point', 3, '3．', '落实补贴。'],
    ['2、落实补贴。', 'point', 2, '2、', '落实补贴。'],
    ['（3）线上招聘；', 'subpoint', 3, '（3）', '线上招聘；'],
  ])('%s', (line, kind, number, marker, rest) => {
    const n = readNumbering(line)!;
    expect([n.numbering.kind, n.number, n.marker, n.rest]).toEqual([kind, number, marker, rest]);
    expect([...line].slice(n.restOffset).join('')).toBe(rest);
  });

  test('lines that are not numbered', () => {
    for (const line of ['1.5倍的补贴', '2020年7月30日', '（此件公开发布）', '为促进就业，提出如下措施。', '十分重要', '（2018-2022年）规划'])
      expect(readNumbering(line), line).toBeNull();
  });

  test('ranks run from the outermost to the innermost; only articles run through the document', () => {
    expect(NUMBERINGS.map((n) => n.rank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(NUMBERINGS.filter((n) => n.continuous).map((n) => n.kind)).toEqual(['article']);
  });
});

describe('numerals and dates', () => {
  test('Chinese numerals round-trip 1..9999, the canonical forms only', () => {
    for (let n = 1; n <= 9999; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect([100, 101, 110, 1001].map(toChineseNumeral)).toEqual(['一百', '一百零一', '一百一十', '一千零一']);
    expect(['一十', '二百一', '十十', '零'].map(fromChineseNumeral)).toEqual([undefined, undefined, undefined, undefined]);
    expect(() => toChineseNumeral(10000)).toThrow(RangeError);
    expect(numeralOrDigits(10000)).toBe('10000');
  });

  test('dates as documents write them', () => {
    expect(['2020年7月30日', '2020年07月30日', '二〇二〇年七月三十日', '二○二○年十二月一日', '２０２０年７月３０日'].map(parseDate))
      .toEqual(['2020-07-30', '2020-07-30', '2020-07-30', '2020-12-01', '2020-07-30']);
    expect(['2020年2月30日', '2020-07-30', '二〇二〇年十三月一日'].map(parseDate)).toEqual([null, null, null]);
  });
});

describe('lines and their kinds', () => {
  test('every Unicode line separator breaks a line; CR LF is one break', () => {
    expect('a\r\nb\rc\nd\ve\ff\u0085g\u2028h\u2029i'.split(LINE_BREAK_RE)).toEqual([...'abcdefghi']);
    expect(toLines('f', ' \u200B（一）测试。\u3000\u200B').map((l) => [l.text, l.col])).toEqual([['（一）测试。', 3]]);
  });

  test.each([
    ['2020年7月30日', 'date'], ['示政办发〔2022〕12号', 'docNumber'], ['责任单位：市民政局', 'duty'], ['牵头部门：市民政局', 'duty'],
    ['附件：1.示例标准', 'attachmentNote'], ['附件2', 'attachmentLabel'], ['附件', 'attachmentLabel'], ['抄送：市委办公厅。', 'copiedTo'],
    ['示例市人民政府办公厅　2022年5月11日印发', 'printed'], ['（此件公开发布）', 'note'], ['此件主动公开', 'note'], ['————————', 'rule'],
    ['（一）加强领导。', 'numbered'], ['为促进就业，提出如下措施。', 'text'],
  ])('%s is a %s line', (text, kind) => {
    expect(classify(new Report('f'), { no: 1, col: 1, text }).kind).toBe(kind);
  });
});

describe('headlines', () => {
  test.each([
    ['加强领导。各区要抓好落实。', '加强领导。'],
    ['落实《关于做好就业工作。的意见》要求。其他。', '落实《关于做好就业工作。的意见》要求。'],
    ['推进“稳就业。保民生”。其他。', '推进“稳就业。保民生”。'],
    ['总体要求', '总体要求'],
    ['市数据管理部门负责下列工作：', '市数据管理部门负责下列工作：'],
  ])('%s', (text, headline) => expect(cutHeadline(text)).toBe(headline));
});

describe('labels and derived values', () => {
  const m = (fields: Partial<Provision>): Provision => ({ id: '2-1', chapter: 2, number: 1, marker: '（一）', headline: 'x。', text: 'x。', attribution: null, line: 1, ...fields });

  test('a provision is cited by its numbering', () => {
    expect(citedLabel(m({}))).toBe('第二部分第（一）项');
    expect(citedLabel(m({ chapterKind: 'chapter' }))).toBe('第二章第（一）项');
    expect(citedLabel(m({ chapterKind: 'none' }))).toBe('第（一）项');
    expect(citedLabel(m({ kind: 'article', number: 15 }))).toBe('第十五条');
    expect(citedLabel(m({ kind: 'part', number: 3, chapterKind: 'none' }))).toBe('第三部分');
    expect(labelInChapter(m({ kind: 'article', number: 101 }))).toBe('第一百零一条');
    expect([chapterLabel(2), chapterLabel({ number: 2, kind: 'chapter' }), chapterLabel({ number: 1, kind: 'none' })]).toEqual(['第二部分', '第二章', '']);
    expect(chapterHeading({ marker: '第一章', title: '总则', kind: 'chapter' })).toBe('第一章\u3000总则');
  });

  test('the lead: marked 牵头, else the first listed', () => {
    const dept = (slug: string, role?: 'lead' | 'partner') => ({ abbr: slug, slug, ...(role ? { role } : {}) });
    const attributed = (departments: ReturnType<typeof dept>[]) => m({ attribution: { text: '（…）', departments, etc: false, suffix: '' } });
    expect(leadIds(attributed([dept('a'), dept('b')]))).toEqual(['a']);
    expect(leadIds(attributed([dept('a', 'partner'), dept('b', 'lead'), dept('c', 'lead')]))).toEqual(['b', 'c']);
  });

  test('the text without an attribution line', () => {
    const text = '加强领导。\n1.落实。\n责任单位：市民政局';
    expect(ownText(m({ text, attribution: { text: '责任单位：市民政局', departments: [], etc: false, suffix: '', form: 'line' } }))).toBe('加强领导。\n1.落实。');
  });
});
