/**
 * A document's short ASCII id, derived from its 发文字号 so that it stays the same whenever the
 * text is converted again: the pinyin initials of the issuer's code, the year and the number,
 * 津就组字〔2020〕5号 → jjzz-2020-5. content/documents.yaml may declare another id for a seed.
 */
import { pinyin } from 'pinyin-pro';

export const DOCUMENT_ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function documentId(docNumber: string): string | undefined {
  const m = /^([\p{Script=Han}A-Za-z]+)〔(\d{4})〕(\d+)号$/u.exec(docNumber);
  if (!m) return undefined;
  const initials = [...m[1]!].map((ch) => (/[A-Za-z]/.test(ch) ? ch.toLowerCase() : pinyin(ch, { pattern: 'first', toneType: 'none' }))).join('');
  const id = `${initials}-${m[2]}-${m[3]}`;
  return DOCUMENT_ID_RE.test(id) ? id : undefined;
}

/**
 * The id of a document without a 发文字号: the pinyin initials of its title's Chinese characters
 * (at most 16) and its year, 天津市示例管理办法 of 2020 → tjssglbf-2020.
 */
export function titleDocumentId(title: string, year: string): string | undefined {
  const initials = [...title]
    .filter((ch) => /[\p{Script=Han}A-Za-z0-9]/u.test(ch))
    .map((ch) => (/[\p{Script=Han}]/u.test(ch) ? pinyin(ch, { pattern: 'first', toneType: 'none' }) : ch.toLowerCase()))
    .join('')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 16);
  const id = `${initials}-${year}`;
  return DOCUMENT_ID_RE.test(id) ? id : undefined;
}
