/**
 * Small made-up documents for unit tests of the pure views: a PolicyDocument with fictional
 * defaults (titles marked 示例), and provisions whose text ends in the attribution they carry.
 */
import type { Attribution, Chapter, Department, Provision, PolicyDocument } from '../../src/model/types.ts';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A provision (chapter-number id) whose text is `headline + body + （abbrs…suffix）`; departments are looked up in `registry` by id. */
export function makeProvision(
  id: string,
  departmentIds: readonly string[],
  registry: readonly Department[],
  o: { headline?: string; body?: string; etc?: boolean; line?: number } = {},
): Provision {
  const [chapter, number] = id.split('-').map(Number) as [number, number];
  const headline = o.headline ?? '示例标题。';
  const departments = departmentIds.map((slug) => ({ abbr: registry.find((d) => d.id === slug)?.abbr ?? slug, slug }));
  const suffix = o.etc ? '等部门按职责分工' : '';
  const attribution: Attribution | null = departments.length
    ? { text: `（${departments.map((d) => d.abbr).join('、')}${suffix}）`, departments, etc: Boolean(o.etc), suffix }
    : null;
  return {
    id, chapter, number, marker: `（${NUMERALS[number]}）`, headline,
    text: headline + (o.body ?? '') + (attribution?.text ?? ''), attribution, line: o.line ?? 10 + number,
  };
}

/** A chapter holding the given provisions. */
export function makeChapter(number: number, provisions: Provision[], title = `示例第${NUMERALS[number]}部分`): Chapter {
  return { number, marker: `${NUMERALS[number]}、`, title, line: number * 10, provisions };
}

/** A whole made-up document; every field can be overridden. */
export function makeDoc(o: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    id: 'sl-2024-1',
    source: 'shili.txt',
    title: '关于印发《示例措施》的通知',
    provisionsTitle: '示例措施',
    docNumber: '示字〔2024〕1号',
    addressees: '各有关单位：',
    notice: ['现将《示例措施》印发给你们。'],
    signature: '示例领导小组',
    issuer: '示例领导小组',
    seal: null,
    date: '2024年1月2日',
    dateISO: '2024-01-02',
    preamble: ['为测试，提出如下措施。'],
    implements: null,
    chapters: [],
    ...o,
  };
}
