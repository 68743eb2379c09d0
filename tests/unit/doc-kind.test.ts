/**
 * 文种 from the title (src/model/doc-kind.ts): the rule is that a document is the kind its own
 * title says (an 印发 notice is a 通知) and the carried document's kind is recorded beside it. The
 * expectations are read off the titles as published (the seed's and the real corpus's first lines).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOC_KINDS, OTHER_KIND, docKinds, docKindSlug, docKindsOf, kindOfTitle } from '../../src/model/doc-kind.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import { policy, registry } from '../helpers/model.ts';
import { REAL_FIXTURES, ROOT, SEED_FILE } from '../helpers/paths.ts';

describe('kindOfTitle', () => {
  test.each([
    ['天津市关于促进劳动力和人才社会性流动体制机制改革的若干措施', '措施'],
    ['国务院关于做好当前和今后一个时期促进就业工作的若干意见', '意见'],
    ['建设领域农民工工资支付管理暂行办法', '办法'],
    ['国家职业教育改革实施方案', '方案'],
    ['专利代理条例', '条例'],
    ['中华人民共和国国务院令', '令'],
    ['国务院关于修改部分行政法规的决定', '决定'],
    ['某某管理规定（试行）', '规定'],
    ['某某实施细则(2021年修订)', '细则'],
    ['某某办法》', '办法'],
    ['中华人民共和国主席命令', '命令'],
    ['某某工作情况', '其他'],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });

  test('every kind has its own ASCII slug, and 其他 has one too', () => {
    const slugs = [...DOC_KINDS, OTHER_KIND].map((k) => k.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const k of DOC_KINDS) expect(docKindSlug(k.kind)).toBe(k.slug);
    expect(docKindSlug('其他')).toBe('qita');
  });
});

describe('an 印发 notice is a 通知, carrying another kind', () => {
  test('the seed: 关于印发《…若干措施》的通知 is a 通知 carrying 措施', () => {
    const firstLine = readFileSync(SEED_FILE, 'utf8').split('\n')[0]!.trim();
    expect(policy.title).toBe(firstLine);
    expect(firstLine).toMatch(/^关于印发《.+措施》的通知$/u);
    expect(docKindsOf(policy)).toEqual({ kind: '通知', carried: '措施' });
    expect(docKinds(policy)).toEqual(['通知', '措施']);
  });

  test('the carried title is read from an 印发 title without brackets, when it is the only title', () => {
    const title = '国务院关于印发国家职业教育改革实施方案的通知';
    expect(docKindsOf({ title, provisionsTitle: title })).toEqual({ kind: '通知', carried: '方案' });
    expect(docKindsOf({ title: '关于转发《某某办法》的通知', provisionsTitle: '关于转发《某某办法》的通知' })).toEqual({ kind: '通知', carried: '办法' });
  });

  test('a document issued directly has one kind; a notice that carries a notice records it once', () => {
    expect(docKinds({ title: '某某意见', provisionsTitle: '某某意见' })).toEqual(['意见']);
    expect(docKinds({ title: '关于印发《某某通知》的通知', provisionsTitle: '某某通知' })).toEqual(['通知']);
  });

  // The real corpus as the converter reads it: the title line as published, the carried title where there is one.
  const expected: Record<string, string[]> = {
    '01-gf2018-39-cujin-jiuye-yijian.txt': ['意见'],
    '02-gbf2018-123-zhengwu-xinmeiti-yijian.txt': ['意见'],
    '03-gf2019-4-zhijiao-gaige-fangan.txt': ['通知', '方案'],
    '05-gl706-zhuanli-daili-tiaoli.txt': ['令', '条例'],
    '09-gd2021-xingzheng-zhifa-gongshi-banfa.txt': ['办法'],
    '12-lsb2004-22-nongmingong-gongzi-banfa.txt': ['通知', '办法'],
  };
  const files = readdirSync(REAL_FIXTURES).filter((f) => f.endsWith('.txt'));
  test('every real document has its expectation here', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
  test.each(files)('%s', (file) => {
    const path = join(REAL_FIXTURES, file);
    const doc = parseSeed(relative(ROOT, path), readFileSync(path, 'utf8'), registry);
    expect(doc.title).toBe(readFileSync(path, 'utf8').split('\n')[0]!.trim());
    expect(docKinds(doc)).toEqual(expected[file]);
  });
});
