import { describe, expect, test } from 'vitest';
import { BOM, csvField, tableCsv, toCsv } from '../../src/export/csv.ts';
import { parseCsv } from '../helpers/csv.ts';

describe('CSV writer', () => {
  test('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('市人社局')).toBe('市人社局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两行\r\n文字')).toBe('"两行\r\n文字"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('，中文逗号不需要引号')).toBe('，中文逗号不需要引号');
    expect([1, true, null, undefined].map(csvField)).toEqual(['1', 'true', '', '']);
  });

  test('a file starts with a BOM and every row ends in CRLF', () => {
    const csv = toCsv(['措施编号', '部门简称'], [['1-1', '市人社局'], ['1-2', '市发展改革委']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\uFEFF措施编号,部门简称\r\n1-1,市人社局\r\n1-2,市发展改革委\r\n');
  });

  test('tricky values round-trip through an independent reader', () => {
    const rows = [['a,b', '"q"', 'x\r\ny', ''], ['“海河英才”', '3%-5%', ' 空格 ', '《条例》（津政发〔2020〕1号）']];
    const parsed = parseCsv(toCsv(['一', '二', '三', '四'], rows));
    expect(parsed.bom).toBe(true);
    expect(parsed.rows).toEqual([['一', '二', '三', '四'], ...rows]);
  });

  test('rows must match the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields, the header 2/);
  });

  test('tables from column definitions', () => {
    const cols = [{ header: '名', description: '', value: (r: { n: string }) => r.n }, { header: '长', description: '', value: (r: { n: string }) => r.n.length }];
    expect(tableCsv(cols, [{ n: '甲乙' }])).toBe('\uFEFF名,长\r\n甲乙,2\r\n');
  });
});

describe('the test reader is strict', () => {
  test.each([
    ['LF line ends', 'a,b\n'],
    ['no final CRLF', 'a,b'],
    ['unterminated quote', '"a,b\r\n'],
    ['stray quote', 'a"b\r\n'],
  ])('%s', (_, input) => expect(() => parseCsv(input)).toThrow());
});
