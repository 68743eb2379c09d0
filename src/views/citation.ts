/**
 * Citation text, built in one place. For reports: 《title》（发文字号）第二部分第（一）项. For
 * references lists, GB/T 7714-2015 for an electronic resource:
 * 发文机关. 题名: 发文字号[EB/OL]. (成文日期)[引用日期]. 网址.
 */
import { chapterLabel, citedLabel, citedTitle, docNumberNote, documentName } from '../model/derive.ts';
import type { Provision, PolicyDocument } from '../model/types.ts';

type Cited = Pick<PolicyDocument, 'title' | 'docNumber'> & Partial<Pick<PolicyDocument, 'provisionsTitle'>>;

/** 《title》（发文字号）: the document as a report names it. */
export function citeDocument(doc: Cited): string {
  return documentName(doc) + docNumberNote(doc);
}

/** 《title》（发文字号）第二部分 */
export function citeChapter(doc: Cited, chapter: number): string {
  return `${citeDocument(doc)}${chapterLabel(chapter)}`;
}

/** 《title》（发文字号）第二部分第（一）项 */
export function citeProvision(doc: Cited, m: Pick<Provision, 'chapter' | 'number' | 'kind' | 'chapterKind'>): string {
  return `${citeDocument(doc)}${citedLabel(m)}`;
}

/**
 * GB/T 7714-2015, electronic resource ([EB/OL]): 主要责任者. 题名: 其他题名信息[EB/OL]. (发表日期)[引用日期]. 获取和访问路径.
 * The provision's label follows the title; the 发文字号 is the other title information.
 */
export function citeGbt7714(doc: Cited & Pick<PolicyDocument, 'issuer' | 'dateISO'>, m: Pick<Provision, 'chapter' | 'number' | 'kind' | 'chapterKind'> | null, url: string, citedOn: string): string {
  const title = citedTitle(doc) + (m ? citedLabel(m) : '');
  const other = doc.docNumber ? `: ${doc.docNumber}` : '';
  return `${doc.issuer ? `${doc.issuer}. ` : ''}${title}${other}[EB/OL]. ${doc.dateISO ? `(${doc.dateISO})` : ''}[${citedOn}]. ${url}.`;
}
