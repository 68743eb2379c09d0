/** 时效性: the status shown on a day, the dates a text states, and where declared metadata disagrees. */
import { describe, expect, test } from 'vitest';
import { parseDate } from '../../src/model/numerals.ts';
import { chineseDate, inForceFirst, outOfForce, outOfForceMark, statedTerms, statusOn, termConflicts } from '../../src/model/status.ts';
import { searchFields } from '../../src/views/search-fields.ts';

describe('statusOn', () => {
  test('undeclared is 未核对; the declared status otherwise', () => {
    expect(statusOn(undefined, '2026-11-26')).toEqual({ status: '未核对', expired: false });
    expect(statusOn({ status: '现行有效' }, '2026-11-26')).toEqual({ status: '现行有效', expired: false });
    expect(statusOn({ status: '已修改', expires: '2030-01-01' }, '2026-11-26')).toEqual({ status: '已修改', expired: false });
  });
  test('past 有效期至 it has expired, whatever was declared; the last day still counts', () => {
    expect(statusOn({ status: '现行有效', expires: '2022-12-31' }, '2023-01-01')).toEqual({ status: '失效', expired: true, declared: '现行有效' });
    expect(statusOn({ expires: '2022-12-31' }, '2022-12-31')).toEqual({ status: '未核对', expired: false });
    expect(statusOn({ status: '已废止', expires: '2020-01-01' }, '2023-01-01')).toEqual({ status: '已废止', expired: true });
  });
  test('dates in Chinese', () => expect(chineseDate('2020-07-30')).toBe('2020年7月30日'));
});

describe('statedTerms: what the text says of when it applies', () => {
  const issued = '2021-06-15';
  test('a date and a term in years: the last day in force is a day before the anniversary', () => {
    const s = statedTerms(['第二十条　本办法自2021年7月1日起施行，有效期5年。'], issued, parseDate);
    expect(s).toMatchObject({ effective: '2021-07-01', expires: '2026-06-30' });
    expect(s.clauses.join('')).toContain('自2021年7月1日起施行');
    expect(s.clauses.join('')).toContain('有效期5年');
  });
  test('from the day it is issued, in Chinese numerals; an explicit end date', () => {
    expect(statedTerms(['本规定自印发之日起施行，有效期三年。'], issued, parseDate)).toMatchObject({ effective: issued, expires: '2024-06-14' });
    expect(statedTerms(['本通知自二〇二一年八月一日起执行，有效期至2023年12月31日。'], issued, parseDate)).toMatchObject({ effective: '2021-08-01', expires: '2023-12-31' });
  });
  test('nothing stated, nothing derived', () => {
    expect(statedTerms(['各区要抓好落实。'], issued, parseDate)).toEqual({ clauses: [] });
  });
});

test('termConflicts: one message per field where the declared dates disagree with the text', () => {
  const stated = statedTerms(['本办法自2021年7月1日起施行，有效期5年。'], '2021-06-15', parseDate);
  expect(termConflicts({ effective: '2021-07-01', expires: '2026-06-30' }, stated)).toEqual([]);
  expect(termConflicts(undefined, stated)).toEqual([]);
  const messages = termConflicts({ effective: '2021-08-01', expires: '2026-06-30' }, stated);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatch(/^施行日期 is declared 2021-08-01 but the text says 2021-07-01/);
});

describe('documents no longer in force', () => {
  test('失效 (declared, or past 有效期至) and 已废止 are out of force; 已修改, 现行有效 and 未核对 are not', () => {
    const day = '2026-01-01';
    expect(outOfForce(statusOn({ status: '现行有效', expires: '2022-12-31' }, day))).toBe(true);
    expect(outOfForce(statusOn({ status: '已废止' }, day))).toBe(true);
    expect(outOfForce(statusOn({ status: '失效' }, day))).toBe(true);
    for (const status of ['现行有效', '已修改', '未核对'] as const) expect(outOfForce(statusOn({ status, expires: '2099-12-31' }, day))).toBe(false);
    expect(outOfForce(statusOn(undefined, day))).toBe(false);
    expect([outOfForceMark('失效'), outOfForceMark('已废止')]).toEqual(['已失效', '已废止']);
  });

  test('inForceFirst keeps the order within each part, those in force first', () => {
    expect(inForceFirst(['a1', 'x1', 'a2', 'x2', 'a3'], (s) => s.startsWith('x'))).toEqual(['a1', 'a2', 'a3', 'x1', 'x2']);
  });

  test('a search record carries the status as a filter, and the mark only when out of force', () => {
    const base = { kind: 'provision' as const, id: '1-1', order: 1, label: '第一项', headline: '示例' };
    const doc = (status: '现行有效' | '失效') => ({ id: 'd', title: '示例', docNumber: null, rank: 0, status, outOfForce: status === '失效' });
    expect(searchFields({ ...base, document: doc('失效') })).toMatchObject({ meta: { outOfForce: '失效' }, filters: { status: ['失效'] } });
    const valid = searchFields({ ...base, document: doc('现行有效') });
    expect(valid.filters.status).toEqual(['现行有效']);
    expect(valid.meta.outOfForce).toBeUndefined();
  });
});
