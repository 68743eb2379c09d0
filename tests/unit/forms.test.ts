/**
 * The common forms of policy documents, each in a small fictional fixture (tests/fixtures/forms/):
 * parsed into the right structure (wrapper, divisions, provisions and their levels, attributions
 * with lead and partner departments, attachments, 版记, notes), and converted without losing a
 * character (markup stripped, the MDX gives the seed back, whitespace aside).
 */
import { describe, expect, test } from 'vitest';
import { renderContent } from '../../src/convert/mdx.ts';
import { provisionMdx } from '../helpers/mdx-text.ts';
import { leadIds, provisionsOf, citedLabel } from '../../src/model/derive.ts';
import type { Provision, PolicyDocument } from '../../src/model/types.ts';
import { citeProvision } from '../../src/views/citation.ts';
import { convertedText, form, forms, parse, registry, visible } from '../helpers/forms.ts';

const docs = new Map([...forms].map(([name, text]) => [name, parse(text, `seeds/${name}`)]));
const doc = (name: string) => docs.get(name)!;
const provision = (d: PolicyDocument, id: string): Provision => provisionsOf(d).find((m) => m.id === id)!;
/** abbr:role for each department of a provision's attribution. */
const roles = (m: Provision) => m.attribution?.departments.map((d) => `${d.abbr}:${d.role}`) ?? [];

describe('every form converts without losing a character', () => {
  test.each([...forms.keys()])('%s', (name) => {
    const files = renderContent(doc(name), registry);
    expect(visible(convertedText(files))).toBe(visible(form(name)));
  });
});

describe('an 印发 notice carrying the document (notice.txt)', () => {
  const d = doc('notice.txt');

  test('the notice: title, 发文字号, 主送, text, 附件说明, signature with seal, date, 附注, the carried title', () => {
    expect(d).toMatchObject({
      form: 'notice', signaturePlace: 'notice', id: 'sjf-2021-3', docNumber: '示就发〔2021〕3号',
      provisionsTitle: '示例市促进青年就业的若干措施', addressees: '各区人民政府，市有关部门：',
      signature: '示例市就业工作领导小组（市人社局代章）', issuer: '示例市就业工作领导小组',
      seal: { text: '市人社局代章', department: { abbr: '市人社局', slug: 'human-resources' } },
      date: '2021年3月15日', dateISO: '2021-03-15', carriedTitle: '示例市促进青年就业的若干措施',
      attachmentNote: ['附件：示例市促进青年就业的若干措施任务分工表'], notes: ['（此件公开发布）'],
    });
    expect(d.notice).toHaveLength(1);
    expect(d.preamble).toEqual(['为促进青年就业，根据《示例市就业促进条例》，提出如下措施。']);
  });

  test('chapters 一、 and provisions （一）; 1. and （1） stay inside their provision, each on its own line', () => {
    expect(d.chapters.map((c) => [c.kind, c.marker, c.title, c.provisions.map((m) => m.id)])).toEqual([
      ['part', '一、', '拓宽就业渠道', ['1-1', '1-2']],
      ['part', '二、', '强化服务保障', ['2-1', '2-2']],
    ]);
    const m = provision(d, '1-1');
    expect(m.text.split('\n')).toEqual([
      '扩大企业吸纳。鼓励企业吸纳青年就业，具体措施如下：', '1.落实吸纳就业补贴。', '2.开展示例招聘活动，包括：', '（1）线上招聘；', '（2）线下招聘。',
      '（市人社局、市财政局等部门按职责分工）',
    ]);
    expect(m).toMatchObject({ kind: 'item', chapterKind: 'part', headline: '扩大企业吸纳。', marker: '（一）' });
    expect(citedLabel(m)).toBe('第一部分第（一）项');
  });

  test('attributions: a list after sub-items, 牵头单位：…；配合单位：…, lines 牵头单位/配合单位, 牵头…配合', () => {
    expect(provision(d, '1-1').attribution).toMatchObject({ form: 'line', etc: true, suffix: '等部门按职责分工' });
    expect(roles(provision(d, '1-1'))).toEqual(['市人社局:lead', '市财政局:partner']);
    expect(provision(d, '1-2').attribution).toMatchObject({ form: 'parenthetical', etc: false, text: '（牵头单位：市人社局；配合单位：市金融局、市财政局）' });
    expect(roles(provision(d, '1-2'))).toEqual(['市人社局:lead', '市金融局:partner', '市财政局:partner']);
    expect(provision(d, '2-1').attribution).toMatchObject({ form: 'line', text: '牵头单位：市教委\n配合单位：市人社局' });
    expect(roles(provision(d, '2-1'))).toEqual(['市教委:lead', '市人社局:partner']);
    expect(roles(provision(d, '2-2'))).toEqual(['市人社局:lead', '市财政局:partner', '市医保局:partner']);
    expect(leadIds(provision(d, '2-2'))).toEqual(['human-resources']);
  });

  test('the attachment and the 版记', () => {
    expect(d.attachments).toEqual([{
      number: 1, label: '附件', title: '示例市促进青年就业的若干措施任务分工表', line: 25,
      text: '一、拓宽就业渠道：市人社局、市财政局。\n二、强化服务保障：市教委、市人社局。',
    }]);
    expect(d.colophon).toEqual({
      lines: ['抄送：市委办公厅，市人大常委会办公厅。', '示例市人力资源和社会保障局办公室　　2021年3月16日印发'],
      copiedTo: '市委办公厅，市人大常委会办公厅。', printedBy: '示例市人力资源和社会保障局办公室', printed: '2021年3月16日', printedISO: '2021-03-16',
    });
  });

  test('the converted provision: one paragraph per line, the attribution line its own paragraph', () => {
    const body = provisionMdx(renderContent(d, registry), '1-1').split('\n\n');
    expect(body).toHaveLength(6);
    expect(body.every((p) => p.startsWith('<Para>') && p.endsWith('</Para>'))).toBe(true);
    expect(body[1]).toBe('<Para>1\\.落实吸纳就业补贴。</Para>');
    expect(body[5]).toMatch(/^<Para><Duty etc=\{true\}>（<Dept/);
  });
});

describe('a notice without 发文字号, provisions directly under the title (notice-no-number.txt)', () => {
  const d = doc('notice-no-number.txt');

  test('no 发文字号: the id comes from the title and the year', () => {
    expect(d).toMatchObject({ form: 'notice', docNumber: null, id: 'csqbmfwstcs-2020', date: '2020年07月30日', dateISO: '2020-07-30' });
  });

  test('one implicit chapter; labels 第（一）项', () => {
    expect(d.chapters).toHaveLength(1);
    expect(d.chapters[0]).toMatchObject({ kind: 'none', marker: '', title: '' });
    expect(provisionsOf(d).map((m) => [m.id, citedLabel(m)])).toEqual([['1-1', '第（一）项'], ['1-2', '第（二）项'], ['1-3', '第（三）项'], ['1-4', '第（四）项']]);
    expect(citeProvision({ title: '测试区便民服务四条措施', provisionsTitle: '测试区便民服务四条措施', docNumber: null }, provision(d, '1-2'))).toBe('《测试区便民服务四条措施》第（二）项');
  });

  test('half-width brackets, ，-separated lists, 。 after ）, a space after 、; （市区两级） is text', () => {
    expect(roles(provision(d, '1-1'))).toEqual(['市政务服务办:lead', '市人社局:partner']);
    expect(provision(d, '1-2').attribution).toMatchObject({ etc: true, text: '（市政务服务办，市科技局等部门按职责分工）。' });
    expect(roles(provision(d, '1-3'))).toEqual(['市民政局:lead', '市财政局:partner']);
    expect(provision(d, '1-4').attribution).toBeNull();
    expect(provision(d, '1-4').text.endsWith('（市区两级）')).toBe(true);
  });
});

describe('a document issued directly, four levels, attachments and 版记 (direct.txt)', () => {
  const d = doc('direct.txt');

  test('title, 发文字号, 主送, preamble; signature, date in Chinese numerals and 附注 after the provisions', () => {
    expect(d).toMatchObject({
      form: 'direct', signaturePlace: 'end', notice: [], docNumber: '示政办发〔2022〕12号', provisionsTitle: d.title,
      signature: '示例市人民政府办公厅', issuer: '示例市人民政府办公厅', date: '二〇二二年五月十日', dateISO: '2022-05-10',
      attachmentNote: ['附件：1.示例社区服务中心建设标准', '2.示例社区服务站点清单'], notes: ['（此件公开发布）'],
    });
  });

  test('一、（一）1.（1）: the （一） are the provisions; 责任单位 and 牵头/配合 lines close them', () => {
    expect(d.chapters.map((c) => c.provisions.length)).toEqual([2, 2, 2]);
    const m = provision(d, '2-1');
    expect(m.text.split('\n').map((l) => l.slice(0, 4))).toEqual(['完善设施', '1.建设', '（1）新', '（2）改', '2.推进', '责任单位']);
    expect(roles(m)).toEqual(['市民政局:lead', '市住房城乡建设委:partner']);
    expect(roles(provision(d, '2-2'))).toEqual(['市民政局:lead', '市卫生健康委:partner', '市教委:partner']);
    expect(provision(d, '3-2').attribution).toMatchObject({ etc: true, suffix: '等部门' });
  });

  test('two numbered attachments and a 版记 whose 抄送 wraps onto a second line', () => {
    expect(d.attachments!.map((a) => [a.number, a.label, a.title, a.text.split('\n').length])).toEqual([
      [1, '附件1', '示例社区服务中心建设标准', 2],
      [2, '附件2', '示例社区服务站点清单', 2],
    ]);
    expect(d.colophon).toMatchObject({ copiedTo: '市委各部委，市人大常委会办公厅，市政协办公厅。', printedBy: '示例市人民政府办公厅', printedISO: '2022-05-11' });
  });
});

describe('a 办法 with 章, 节 and 条, signed under its title (articles.txt)', () => {
  const d = doc('articles.txt');

  test('signature and date at the start; no 发文字号, no 主送', () => {
    expect(d).toMatchObject({ form: 'direct', signaturePlace: 'start', docNumber: null, addressees: null, signature: '示例市数据管理局', date: '2023年07月01日' });
  });

  test('chapters 第一章, sections 第一节, articles numbered through the document', () => {
    expect(d.chapters.map((c) => [c.kind, c.marker, c.title])).toEqual([['chapter', '第一章', '总则'], ['chapter', '第二章', '管理职责'], ['chapter', '第三章', '附则']]);
    expect(d.chapters[1]!.sections!.map((s) => [s.marker, s.title])).toEqual([['第一节', '部门职责'], ['第二节', '区级职责']]);
    expect(provisionsOf(d).map((m) => [m.id, m.marker, m.section ?? null, citedLabel(m)])).toEqual([
      ['1-1', '第一条', null, '第一条'], ['1-2', '第二条', null, '第二条'], ['2-3', '第三条', 1, '第三条'],
      ['2-4', '第四条', 1, '第四条'], ['2-5', '第五条', 2, '第五条'], ['3-6', '第六条', null, '第六条'],
    ]);
  });

  test('full-width space, no space or a space after 第X条; items （一） inside an article; an article of two paragraphs', () => {
    expect(provision(d, '1-1').text.startsWith('为了规范')).toBe(true);
    expect(provision(d, '1-2').text.startsWith('本办法适用')).toBe(true);
    expect(provision(d, '3-6').text.startsWith('本办法自')).toBe(true);
    expect(provision(d, '2-3').text.split('\n')).toHaveLength(3);
    expect(provision(d, '2-5').text).toBe('各区负责本区域内的测试数据管理工作。\n区级部门应当定期报告工作情况。');
    expect(roles(provision(d, '2-4'))).toEqual(['市人社局:lead', '市教委:partner']);
  });
});

describe('headings 一、 with no lower level are the provisions (parts.txt)', () => {
  const d = doc('parts.txt');

  test('一、 provisions with paragraphs and 1. points; signed at the end', () => {
    expect(d.signaturePlace).toBe('end');
    expect(provisionsOf(d).map((m) => [m.id, m.kind, m.headline, citedLabel(m)])).toEqual([
      ['1-1', 'part', '稳定粮食生产', '第一部分'], ['1-2', 'part', '发展特色产业', '第二部分'], ['1-3', 'part', '加强组织保障', '第三部分'],
    ]);
    expect(provision(d, '1-1').text.split('\n')).toHaveLength(4);
    expect(roles(provision(d, '1-2'))).toEqual(['市农业农村委:lead']);
    expect(roles(provision(d, '1-3'))).toEqual(['市农业农村委:lead', '市财政局:partner']);
  });
});

describe('a 规定 of articles without chapters, dated without a signature (regulation.txt)', () => {
  const d = doc('regulation.txt');

  test('the date alone; the issuer from the title', () => {
    expect(d).toMatchObject({ signature: null, issuer: '示例市测试局', date: '2025年1月2日', signaturePlace: 'end' });
    expect(d.chapters[0]!.kind).toBe('none');
    expect(provisionsOf(d).map(citedLabel)).toEqual(['第一条', '第二条', '第三条']);
  });
});
