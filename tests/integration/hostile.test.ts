/**
 * Issue 11, tried as a hostile user would: broken variants of the fixtures, each refused with its
 * LINE:COL and a message that says what was expected and what was found; and the cases that used
 * to be accepted wrongly (or refused badly), each now read right or refused precisely.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderContent } from '../../src/convert/mdx.ts';
import { provisionMdx } from '../helpers/mdx-text.ts';
import { csvField, toCsv } from '../../src/export/csv.ts';
import { provisionsOf } from '../../src/model/derive.ts';
import { parseRegistry } from '../../src/model/registry.ts';
import type { Department, Provision } from '../../src/model/types.ts';
import { convert, form, notesOf, parse, positionOf, problemOf, registry, scratchRoot } from '../helpers/forms.ts';
import { FIXTURES, REGISTRY_FILE } from '../helpers/paths.ts';

const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');
const notice = form('notice.txt');
const direct = form('direct.txt');
const articles = form('articles.txt');
const regulation = form('regulation.txt');

/** `base` with `find` replaced (the edit must apply). */
function edit(base: string, find: string, replace: string): string {
  const text = base.replace(find, replace);
  if (text === base) throw new Error(`the edit "${find}" does not apply`);
  return text;
}

const HAN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const han = (n: number) => (n < 10 ? HAN[n]! : `${n >= 20 ? HAN[Math.floor(n / 10)] : ''}十${HAN[n % 10]}`);
const ninetyNine = edit(minimal, '（二）保障重点群体。做好“海河英才”服务。（市教委）\n',
  `（二）保障重点群体。做好“海河英才”服务。（市教委）\n${Array.from({ length: 97 }, (_, i) => `（${han(i + 3)}）措施第${i + 3}项。\n`).join('')}（一）再来一项。\n`);

/** [name, text, where the problem is (a string of the text, or [line, col]), message]. */
type Case = [string, string, string | [number, number], RegExp];

/**
 * Read tolerantly (issue 20): each of these is read, shown as published, and noted in the
 * conversion report at its place. Until then they were refused; they are forms real documents use.
 */
const noted: Case[] = [
  // Dates and the closing parts.
  ['a date written 2024-02-29, reported at its own line', edit(minimal, '2024年2月29日', '2024-02-29'), [7, 1], /the date "2024-02-29" is not written like 2020年7月30日: read as 2024-02-29/],
  ['a date written 2024年2月29 (no 日)', edit(minimal, '2024年2月29日', '2024年2月29'), [7, 1], /is not written like 2020年7月30日: read as 2024-02-29/],
  ['a date that does not exist', edit(minimal, '2024年2月29日', '2023年2月29日'), [7, 1], /"2023年2月29日" is not a real date: kept as text/],
  ['a notice without its date', edit(minimal, '2024年2月29日\n', ''), '一、稳定就业', /no signature or date closes the notice: the notice is read up to here/],
  ['a notice without text', edit(minimal, '现将《测试市促进就业的若干措施》印发给你们，请遵照执行。\n', ''), '测试市就业工作领导小组', /no notice text after the addressees \(主送\)/],
  ['a second date', `${regulation}2025年2月1日\n`, '2025年2月1日', /a second date: the document is already dated on line 6; kept as a note after the text/],
  ['a line after the date that no part takes', `${regulation}（一）多余的一项。\n`, '（一）多余', /the item （一） line "（一）多余的一项。" after the end of the document: kept as a note after the text/],
  ['text after the 版记', `${direct}多余的一行。\n`, '多余的一行', /the text "多余的一行。" after the 版记: kept/],
  ['attachments out of order', edit(direct, '附件2\n', '附件3\n'), '附件3', /attachment 附件3 is out of order: expected 附件2 here; addressed as attachment 2/],
  ['the list of attachments out of order', edit(direct, '      2.示例社区服务站点清单', '      3.示例社区服务站点清单'), '3.示例', /attachment 3\. is out of order in the list of attachments: expected 2\. here; kept as written/],
  ['a document number written with [ ]', edit(notice, '示就发〔2021〕3号', '示就发[2021]3号'), [2, 1], /the document number "示就发\[2021\]3号" is not written with 〔〕 around the year/],
  // Numbering: kept as published.
  ['a chapter out of order', edit(minimal, '二、组织保障', '三、组织保障'), '三、组织保障', /chapter heading 三、 is out of order: expected 二、 \(chapter 2\) here; kept as written/],
  ['a provision skipped', edit(minimal, '（二）保障重点群体', '（三）保障重点群体'), '（三）保障', /provision （三） is out of order in chapter 一、: expected （二） here \(a number was skipped\?\); kept as written/],
  ['a provision repeated', edit(minimal, '（二）保障重点群体', '（一）保障重点群体'), '（一）保障', /provision （一） is repeated in chapter 一、: expected （二） here/],
  ['99 provisions, then （一） again', ninetyNine, '（一）再来一项', /provision （一） is repeated in chapter 一、: expected （一百） here/],
  ['a point skipped', edit(direct, '2.推进设施共享', '3.推进设施共享'), '3.推进', /point 3\. is out of order under （一）: expected 2\. here/],
  ['a sub-point repeated', edit(direct, '（2）改造', '（1）改造'), '（1）改造', /sub-point （1） is repeated under 1\.: expected （2） here/],
  ['an article skipped', edit(articles, '第二条本办法', '第三条本办法'), '第三条本办法', /article 第三条 is out of order: expected 第二条 here/],
  ['a section in a document without chapters', edit(regulation, '第二条', '第一节　测试\n第二条'), '第一节', /the section 第一节 line "第一节　测试" has no place in this document's numbering .*: kept as a paragraph of its own/],
  ['a chapter without provisions', `${minimal}三、空的部分\n`, [14, 1], /chapter 三、 has neither provisions nor text/],
  ['text under a chapter heading, before its first provision', edit(minimal, '一、稳定就业\n', '一、稳定就业\n稳定就业是重点。\n'), '稳定就业是重点', /prose directly under the heading 一、稳定就业: kept as a paragraph of its own in 一、稳定就业/],
  ['a point outside any provision', edit(minimal, '为做好就业工作', '1.为做好就业工作'), '1.为做好', /the point 1\. line stands outside any provision: kept as a paragraph of its own in the preamble/],
  ['a numbering that is none: 二.', edit(minimal, '二、组织保障', '二.组织保障'), '二.组织', /"二\." is not one of 第一章 第一节 第一条 一、 （一） 1\. （1）: read as 二、, kept as written/],
  ['a numbering that is none: 1)', edit(direct, '2.推进设施共享', '2)推进设施共享'), '2)推进', /"2\)" is not one of .*: read as （2）, kept as written/],
  ['brackets of two kinds: (二）', edit(minimal, '（二）保障', '(二）保障'), '(二）保障', /a mixed pair of brackets \(…）/],
  ['a number that is no numeral', edit(minimal, '（二）保障', '（二二）保障'), '（二二）', /"二二" in （二二） is not a number this converter reads .*: kept as text/],
  ['VT (a manual line break) before a provision with a wrong number', edit(minimal, '服务。（市教委）\n', '服务。（市教委）\v（四）另一项。\n'), '（四）另一项', /provision （四） is out of order in chapter 一、: expected （三） here/],
  ['an unclosed 《', edit(minimal, '根据《关于做好就业工作的意见》', '根据《关于做好就业工作的意见'), '《关于做好', /title bracket 《 is not closed on this line \(》 missing\): kept as written/],
  // Attributions.
  ['an unknown department in a 牵头单位 line', edit(notice, '牵头单位：市教委', '牵头单位：市教育局'), '市教育局', /"市教育局" is not in content\/departments.yaml: read as a body of its own/],
  ['an unknown department in half-width brackets', edit(form('notice-no-number.txt'), '(市政务服务办、市人社局)', '(市政务服务办、市人设局)'), '市人设局', /"市人设局" is not in content\/departments.yaml/],
  ['an unknown department shaped like one', edit(minimal, '（市教委）', '（市财政厅）'), '市财政厅', /"市财政厅" is not in content\/departments.yaml/],
  ['a department listed twice', edit(minimal, '（市人社局、市财政局等', '（市人社局、市人社局等'), '市人社局等部门', /"市人社局" is listed twice in one attribution: counted once/],
  ['partners without a lead', edit(notice, '牵头单位：市教委\n', ''), '配合单位：市人社局', /names no lead \(牵头\), only partners \(配合\)/],
  ['text after an attribution line', edit(direct, '市住房城乡建设委\n', '市住房城乡建设委\n各区要抓好落实。\n'), '各区要抓好落实', /a paragraph after the attribution that closes 二、（一）: kept as a paragraph of its own/],
  ['a sub-item after an attribution line', edit(direct, '2.推进设施共享。\n责任单位：市民政局、市住房城乡建设委\n', '责任单位：市民政局、市住房城乡建设委\n2.推进设施共享。\n'), '2.推进', /a sub-item after the attribution line \(责任单位：…\) of （一）/],
  ['an attribution line outside a provision', edit(direct, '为推进社区服务体系建设', '责任单位：市民政局\n为推进社区服务体系建设'), '责任单位：市民政局', /an attribution line "责任单位：市民政局" follows no provision/],
  ['an attribution closing a line inside a provision', edit(direct, '1.建设示例社区服务中心。', '1.建设示例社区服务中心。（市民政局）'), '（市民政局）\n（1）', /an attribution "（市民政局）" closes a line inside 二、（一）: a provision has one attribution, at its end; this one is kept as text/],
  ['two attributions', edit(direct, '2.推进设施共享。', '2.推进设施共享。（市民政局）'), '2.推进设施共享。（', /二、（一） has two attributions/],
];

/** Refused (issue 20): what cannot be read without losing or inventing text. */
const refused: Case[] = [
  ['the title missing: a date first', `2024年1月1日\n${minimal}`, [1, 1], /expected the title on the first line, found a date/],
  ['an empty provision', edit(minimal, '（一）加强领导。各区要抓好落实。', '（一）'), [13, 4], /provision 二、（一） is empty: it has a number but no text/],
  ['a headline that is only 。', edit(minimal, '（一）加强领导。各区要抓好落实。', '（一）。各区要抓好落实。'), [13, 4], /the headline of 二、（一） is empty: its text starts with 。/],
  ['a control character (BEL)', edit(minimal, '支持企业吸纳就业', '支持企业\u0007吸纳就业'), '\u0007', /control character U\+0007 is not text: remove it/],
  ['a control character (DEL)', edit(minimal, '支持企业吸纳就业', '支持企业\u007f吸纳就业'), '\u007f', /control character U\+007F/],
  ['a control character (C1 CSI)', edit(minimal, '支持企业吸纳就业', '支持企业\u009b吸纳就业'), '\u009b', /control character U\+009B/],
];

describe('read and noted: each guess in the conversion report with LINE:COL, the text kept', () => {
  test.each(noted)('%s', (_name, text, where, message) => {
    const notes = notesOf(text);
    const expected = typeof where === 'string' ? positionOf(text, where) : { line: where[0], col: where[1] };
    const note = notes.find((n) => message.test(n.message));
    expect(note, `${notes.map((n) => `${n.line}:${n.col}: ${n.message}`).join('\n')}`).toBeDefined();
    expect({ line: note!.line, col: note!.col }).toEqual(expected);
    expect(note!.file).toBe('seeds/test.txt');
  });
});

describe('refused with LINE:COL and what was expected', () => {
  test.each(refused)('%s', (_name, text, where, message) => {
    const problem = problemOf(text);
    const expected = typeof where === 'string' ? positionOf(text, where) : { line: where[0], col: where[1] };
    expect(problem.message).toMatch(message);
    expect({ line: problem.line, col: problem.col }).toEqual(expected);
  });
});

/** The one provision of a minimal document whose provision （一） reads `line`. */
function oneProvision(line: string, departments: readonly Department[] = registry): Provision {
  return provisionsOf(parse(edit(minimal, '（一）扩大就业。支持企业吸纳就业。（市人社局、市财政局等部门按职责分工）', line), 'seeds/test.txt', departments))[0]!;
}
const roles = (m: Provision) => m.attribution?.departments.map((d) => `${d.abbr}:${d.role}`) ?? [];

describe('responsibilities are never silently lost', () => {
  const cases: [string, string, string[], boolean][] = [
    ['the template', '（一）扩大就业。（市人社局、市财政局等部门按职责分工）', ['市人社局:lead', '市财政局:partner'], true],
    ['（…等部门） sets etc', '（一）扩大就业。（市人社局、市财政局等部门）', ['市人社局:lead', '市财政局:partner'], true],
    ['one department alone', '（一）扩大就业。（市教委）', ['市教委:lead'], false],
    ['牵头…配合', '（一）扩大就业。（市人社局牵头，市财政局、市教委配合）', ['市人社局:lead', '市财政局:partner', '市教委:partner'], false],
    ['牵头单位：…；配合单位：…', '（一）扩大就业。（牵头单位：市人社局、市教委；配合单位：市财政局）', ['市人社局:lead', '市教委:lead', '市财政局:partner'], false],
    ['。 after the closing ）', '（一）扩大就业。（市人社局、市财政局等部门按职责分工）。', ['市人社局:lead', '市财政局:partner'], true],
    ['half-width ( )', '（一）扩大就业。(市人社局、市财政局等部门按职责分工)', ['市人社局:lead', '市财政局:partner'], true],
    ['a list separated by ，', '（一）扩大就业。（市人社局，市财政局等部门按职责分工）', ['市人社局:lead', '市财政局:partner'], true],
    ['a space after 、', '（一）扩大就业。（市人社局、 市财政局等部门按职责分工）', ['市人社局:lead', '市财政局:partner'], true],
    ['a zero-width space after ）', '（一）扩大就业。（市人社局、市财政局等部门按职责分工）\u200B', ['市人社局:lead', '市财政局:partner'], true],
  ];
  test.each(cases)('%s', (_name, line, expected, etc) => {
    const m = oneProvision(line);
    expect(roles(m)).toEqual(expected);
    expect(m.attribution!.etc).toBe(etc);
    expect(m.text.endsWith(m.attribution!.text)).toBe(true);
  });

  test('（市区两级） and （市场化运作） are plain text, not unknown departments', () => {
    expect(oneProvision('（一）扩大就业。推进服务（市区两级）').attribution).toBeNull();
    expect(oneProvision('（一）扩大就业。推进服务（市场化运作）').attribution).toBeNull();
    expect(oneProvision('（一）扩大就业。实施规划（2018-2022年）').attribution).toBeNull();
  });

  test('a registry name without 市 (天津海关) is read like any other', () => {
    const withCustoms = [...registry, { id: 'customs', abbr: '天津海关', name: '中华人民共和国天津海关', nameEn: 'Tianjin Customs', kind: 'government' as const }];
    expect(roles(oneProvision('（一）扩大就业。（天津海关、市人社局）', withCustoms))).toEqual(['天津海关:lead', '市人社局:partner']);
  });
});

describe('every line separator is a line break, counted the same way', () => {
  test.each([['CR LF', '\r\n'], ['CR', '\r'], ['VT', '\v'], ['FF', '\f'], ['NEL', '\u0085'], ['LS U+2028', '\u2028'], ['PS U+2029', '\u2029']])('%s', (_name, sep) => {
    const text = edit(minimal, '（市人社局、市财政局等部门按职责分工）\n（二）', `（市人社局、市财政局等部门按职责分工）${sep}（二）`);
    const d = parse(text);
    expect(d.chapters[0]!.provisions.map((m) => [m.id, m.line])).toEqual([['1-1', 10], ['1-2', 11]]);
  });
});

describe('the parts of a notice', () => {
  test('a closing formula without its 。 stays in the notice; a joint signature has a line per issuer; the carried text may be articles', () => {
    const d = parse('关于印发《示例市测试办法》的通知\n示测发〔2024〕5号\n各区：\n现将《示例市测试办法》印发给你们。\n特此通知\n\n示例市测试局\n示例市财政局\n2024年5月6日\n'
      + '示例市测试办法\n第一条　为了测试，制定本办法。\n第二条　本办法自发布之日起施行。\n');
    expect(d).toMatchObject({ notice: ['现将《示例市测试办法》印发给你们。', '特此通知'], signature: '示例市测试局\n示例市财政局', issuer: '示例市测试局', carriedTitle: '示例市测试办法' });
    expect(provisionsOf(d).map((m) => m.marker)).toEqual(['第一条', '第二条']);
  });
});

describe('headlines', () => {
  test('cut at the first 。 outside 《》 and “”, and the citation stays whole', () => {
    const m = oneProvision('（一）落实《关于做好就业工作。稳定就业的意见》要求。其他内容。');
    expect(m.headline).toBe('落实《关于做好就业工作。稳定就业的意见》要求。');
    expect(oneProvision('（一）推进“稳就业。保民生”工程。其他内容。').headline).toBe('推进“稳就业。保民生”工程。');
    const mdx = provisionMdx(renderContent(parse(edit(minimal, '（一）扩大就业。支持企业吸纳就业。', '（一）落实《关于做好就业工作。稳定就业的意见》要求。其他内容。')), registry), '1-1');
    expect(mdx).toMatch(/<Headline>落实<Cite[^>]*>《关于做好就业工作。稳定就业的意见》<\/Cite>要求。<\/Headline>/);
  });

  test('a one-sentence provision is one paragraph, its parts side by side', () => {
    const mdx = provisionMdx(renderContent(parse(minimal), registry), '2-1');
    expect(mdx.trimEnd().split('\n').at(-1)).toBe('<Para><Marker>（一）</Marker><Headline>加强领导。</Headline>各区要抓好落实。</Para>');
    const single = provisionMdx(renderContent(parse(edit(minimal, '（一）加强领导。各区要抓好落实。', '（一）加强领导。')), registry), '2-1');
    expect(single.trimEnd().split('\n').at(-1)).toBe('<Para><Marker>（一）</Marker><Headline>加强领导。</Headline></Para>');
  });
});

describe('spreadsheet cells are never formulas', () => {
  test('= + - @ tab and CR at the start are neutralised with a quote (OWASP); numbers are numbers', () => {
    expect(['=SUM(A1:A9)', '+86', '-1', '@cmd', '\tx', '\rx'].map(csvField)).toEqual(["\"'=SUM(A1:A9)\"", "\"'+86\"", "\"'-1\"", "\"'@cmd\"", "\"'\tx\"", "\"'\rx\""]);
    expect([-1, 3, '3%-5%', '市人社局'].map(csvField)).toEqual(['-1', '3', '3%-5%', '市人社局']);
    expect(toCsv(['a'], [['=1+1']])).toBe("\uFEFFa\r\n\"'=1+1\"\r\n");
  });
});

describe('the registry: one set of rules, checked by the converter', () => {
  const yaml = (abbr: string) => `- id: test\n  abbr: ${abbr}\n  name: 测试部门全称\n  nameEn: Test department\n  kind: government\n`;
  test('a one-character abbreviation is refused with its position', () => {
    expect(() => parseRegistry('content/departments.yaml', yaml('局'))).toThrow(/^content\/departments.yaml:2:9: abbr "局" must be the abbreviation as documents write it/);
  });
  test('an abbreviation with a list separator or a space is refused', () => {
    expect(() => parseRegistry('r.yaml', yaml('市人社局、市教委'))).toThrow(/abbr "市人社局、市教委" must be/);
    expect(() => parseRegistry('r.yaml', yaml('"市 人社局"'))).toThrow(/abbr "市 人社局" must be/);
  });
  test('天津海关 is a valid abbreviation', () => {
    expect(parseRegistry('r.yaml', yaml('天津海关'))[0]!.abbr).toBe('天津海关');
  });

  const withField = (line: string) => `${yaml('人力资源社会保障部')}  ${line}\n`;
  test('level and source are read; without a level an entry is municipal (level stays absent)', () => {
    const [dept] = parseRegistry('r.yaml', withField('level: national') + '  source: 国务院关于机构设置的通知（国发〔2018〕6号）\n');
    expect(dept).toMatchObject({ level: 'national', source: '国务院关于机构设置的通知（国发〔2018〕6号）' });
    expect(parseRegistry('r.yaml', yaml('市人社局'))[0]).not.toHaveProperty('level');
    expect(parseRegistry('r.yaml', withField('level: provincial'))[0]!.level).toBe('provincial');
  });
  test('a level that is not national, provincial or municipal is refused with its line and column', () => {
    expect(() => parseRegistry('content/departments.yaml', withField('level: central'))).toThrow(
      /^content\/departments.yaml:6:10: department "test": level "central" must be one of national, provincial, municipal/,
    );
    expect(() => parseRegistry('r.yaml', withField('level: National'))).toThrow(/^r\.yaml:6:10: .*level "National"/);
  });
  test('an empty source is refused with its line and column', () => {
    const message = /department "test": source must name where the name and abbreviation were checked/;
    expect(() => parseRegistry('content/departments.yaml', withField('source: ""'))).toThrow(/^content\/departments.yaml:6:11: /);
    expect(() => parseRegistry('r.yaml', withField('source: "  "'))).toThrow(message);
    expect(() => parseRegistry('r.yaml', withField('source: 6'))).toThrow(/^r\.yaml:6:11: .*source must name/);
    // `source:` with nothing after it is null: refused too, at the key (there is no value to point at).
    expect(() => parseRegistry('r.yaml', withField('source:'))).toThrow(/^r\.yaml:6:\d+: .*source must name/);
  });
});

describe('the converter refuses with a message, never a stack trace', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const run = (seeds: Record<string, string | Uint8Array>, registryText?: string | null) => {
    const root = scratchRoot(seeds, registryText);
    roots.push(root);
    const result = convert(root);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    return result;
  };

  test('the registry missing', () => {
    const result = run({ 'a.txt': minimal }, null);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('content/departments.yaml:1:1: the department registry is missing');
  });

  test('a folder named *.txt among the seeds', () => {
    const root = scratchRoot({ 'a.txt': minimal });
    roots.push(root);
    rmSync(join(root, 'seeds', 'a.txt'));
    const { mkdirSync } = require('node:fs') as typeof import('node:fs');
    mkdirSync(join(root, 'seeds', 'b.txt'));
    const result = convert(root);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('seeds/b.txt:1:1: this is a folder, not a seed file');
  });

  test('a seed file name with a line break', () => {
    const result = run({ 'a\nb.txt': minimal });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('seeds:1:1: the seed file name "a\\nb.txt" contains a control or invisible character: rename it');
  });

  test('invalid UTF-8 is reported at its line and column; a literal U+FFFD is text', () => {
    const bytes = Buffer.concat([Buffer.from(minimal.slice(0, minimal.indexOf('支持'))), Buffer.from([0xe6, 0x94]), Buffer.from(minimal.slice(minimal.indexOf('支持')))]);
    const bad = run({ 'a.txt': bytes });
    expect(bad.status).toBe(1);
    const at = positionOf(minimal, '支持');
    expect(bad.stderr.trim()).toMatch(new RegExp(`^seeds/a.txt:${at.line}:${at.col}: the file is not valid UTF-8 text`));
    const ok = run({ 'a.txt': edit(minimal, '支持企业', '支持\uFFFD企业') });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  });

  test('99 provisions and then （一）: converted, the repeat in the report (not a RangeError)', () => {
    const result = run({ 'a.txt': ninetyNine });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/conversion report: \d+ note\(s\) in 1 document/);
  });

  test('signature and date at the end: read, not "no chapter heading found"', () => {
    const result = run({ 'a.txt': regulation });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('a registry entry the converter accepts builds: the content schema takes its rules from the same place', () => {
    const config = readFileSync(join(REGISTRY_FILE, '..', '..', 'src', 'content.config.ts'), 'utf8');
    expect(config).toContain('abbr: z.string().regex(DEPARTMENT_RULES.abbr)');
    expect(config).toContain('id: z.string().regex(DEPARTMENT_RULES.id)');
    expect(config).toContain('level: z.enum(DEPARTMENT_LEVELS as [string, ...string[]]).optional()');
    expect(config).toContain('source: z.string().regex(DEPARTMENT_RULES.source).optional()');
  });
});
