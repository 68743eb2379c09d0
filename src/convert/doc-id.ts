/**
 * A document's short ASCII id, derived from its 发文字号 so that it stays the same whenever the
 * text is converted again: the pinyin initials of the issuer's code, the year and the number,
 * 津就组字〔2020〕5号 → jjzz-2020-5. content/documents.yaml may declare another id for a seed.
 */
import { DOCUMENT_ID_RE } from '../model/document-meta.ts';
import { pinyinInitials } from '../model/pinyin-initials.ts';

export { DOCUMENT_ID_RE };

export function documentId(docNumber: string): string | undefined {
  // 津就组字〔2020〕5号, also with the year in [] () ［］ 【】 as published copies write it (劳社部发[2004]22号 → lsbf-2004-22);
  // an order's number 国务院令第706号 → gwyl-706.
  const m = /^([\p{Script=Han}A-Za-z]+)\s*[〔[［【（(]\s*(\d{4})\s*[〕\]］】）)]\s*(\d+)\s*号$/u.exec(docNumber)
    ?? /^([\p{Script=Han}A-Za-z]+令)第()(\d+)号$/u.exec(docNumber);
  if (!m) return undefined;
  const initials = pinyinInitials(m[1]!);
  const id = m[2] ? `${initials}-${m[2]}-${m[3]}` : `${initials}-${m[3]}`;
  return DOCUMENT_ID_RE.test(id) ? id : undefined;
}

/**
 * The id of a document without a 发文字号: the pinyin initials of its title's Chinese characters
 * (at most 16) and its year, 天津市示例管理办法 of 2020 → tjssglbf-2020; without the year when the
 * copy is undated (广东省行政执法公示办法 → gdsxzzfgsbf).
 */
export function titleDocumentId(title: string, year?: string): string | undefined {
  const initials = pinyinInitials(title).slice(0, 16);
  const id = year ? `${initials}-${year}` : initials;
  return DOCUMENT_ID_RE.test(id) ? id : undefined;
}
