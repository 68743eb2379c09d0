/**
 * Issue 23: ASCII names are made from Chinese ones in one way (src/model/pinyin-initials.ts),
 * for document ids and issuer slugs alike.
 */
import { describe, expect, test } from 'vitest';
import { documentId, titleDocumentId } from '../../src/convert/doc-id.ts';
import { pinyinInitials } from '../../src/model/pinyin-initials.ts';
import { issuerSlug } from '../../src/views/library.ts';

describe('pinyinInitials', () => {
  test('Han characters give the first letter of their reading; ASCII letters and digits stay, lower-cased; the rest goes', () => {
    expect(pinyinInitials('津就组字')).toBe('jjzz');
    expect(pinyinInitials('市就业工作领导小组')).toBe('sjygzldxz');
    expect(pinyinInitials('ABC 2020〔〕、x')).toBe('abc2020x');
    expect(pinyinInitials('《》（）')).toBe('');
  });

  test('one character is read the same wherever it stands (银行 and 行政 both give x for 行)', () => {
    expect(pinyinInitials('行')).toBe(pinyinInitials('行政').slice(0, 1));
    expect(pinyinInitials('银行').slice(1)).toBe(pinyinInitials('行'));
  });

  test('document ids and issuer slugs are made with it', () => {
    expect(documentId('津就组字〔2020〕5号')).toBe(`${pinyinInitials('津就组字')}-2020-5`);
    expect(documentId('国务院令第706号')).toBe(`${pinyinInitials('国务院令')}-706`);
    expect(titleDocumentId('天津市示例管理办法', '2020')).toBe(`${pinyinInitials('天津市示例管理办法')}-2020`);
    expect(issuerSlug('天津市就业工作领导小组')).toBe(pinyinInitials('天津市就业工作领导小组'));
    expect(issuerSlug('《》')).toBe('issuer');
  });
});
