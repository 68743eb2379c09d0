/**
 * Queries that name a place rather than words: a provision's number or label (2-1, 二（一）,
 * 第二部分第（一）项, 第五条, 第三章第十条), a 发文字号 (津就组字〔2020〕5号, 〔2020〕5号, 5号), or both
 * (津就组字〔2020〕5号第二部分第（一）项, the citation the site itself writes). Both sides are reduced
 * to the same keys: each page carries its keys as Pagefind filter values (provisionKeys(),
 * documentKeys() → search-fields.ts), and the search page looks the query's keys up (parseQueryTarget()).
 * Pure functions (unit-tested in tests/unit/provision-query.test.ts).
 */
import { fromChineseNumeral, HAN_DIGITS } from '../model/numerals.ts';
import type { ProvisionKind } from '../model/types.ts';
import { fold } from './search-query.ts';


/** The numbering of a provision as the model has it; `kind` and `chapterKind` are optional, as in the model. */
export interface Numbered {
  id: string;
  chapter: number;
  number: number;
  kind?: ProvisionKind | undefined;
  chapterKind?: 'part' | 'chapter' | 'none' | undefined;
}

/**
 * The keys a provision answers to:
 *  - its id, the number path chapter-number (2-1), for 2-1, 二（一）, 第二部分第（一）项, 第二章第（一）项;
 *  - an item of a document without chapters: i1 (for （一）, 第（一）项);
 *  - an article (第五条, numbered through the document): a5, and c3a5 for 第三章第五条;
 *  - a part without items (二、 read as a provision): p2 (for 第二部分).
 */
export function provisionKeys(m: Numbered): string[] {
  const kind = m.kind ?? 'item';
  const keys = [m.id];
  if (kind === 'article') keys.push(`a${m.number}`, `c${m.chapter}a${m.number}`);
  else if (kind === 'part') keys.push(`p${m.number}`);
  else if (m.chapterKind === 'none') keys.push(`i${m.number}`);
  return [...new Set(keys)];
}

/** A 发文字号 reduced to its parts: the issuer's code (津就组字), the year and the number. */
export interface DocNumber {
  code: string;
  year: number;
  number: number;
}

const OPEN = '[〔［\\[(（【{｛]';
const CLOSE = '[〕］\\])）】}｝]';
const DOC_NUMBER = new RegExp(`^(\\p{Script=Han}*)${OPEN}(\\d{4})${CLOSE}第?(\\d+)号$`, 'u');

/** 津就组字〔2020〕5号, 津就组字[2020]5号, 津就组字（2020）第5号 → { code: 津就组字, year: 2020, number: 5 }. */
export function readDocNumber(s: string): DocNumber | null {
  const m = DOC_NUMBER.exec(s.replace(/\s+/gu, ''));
  return m ? { code: m[1]!, year: Number(m[2]), number: Number(m[3]) } : null;
}

/**
 * The keys a document answers to: its 发文字号 in the brackets the standard uses (津就组字〔2020〕5号),
 * without the code (〔2020〕5号), and the bare number (5号, which the search page opens only when
 * a single document of the library has it); and its title (《…》 as cited).
 */
export function documentKeys(d: { title: string; docNumber?: string | null | undefined }): string[] {
  // Folded as queries are (full-width ASCII to half-width), so （测试） in a title matches (测试).
  const keys = [`t:${fold(d.title)}`];
  const n = d.docNumber ? readDocNumber(d.docNumber) : null;
  if (n) keys.push(`n:${n.code}〔${n.year}〕${n.number}号`, `n:〔${n.year}〕${n.number}号`, `n:${n.number}号`);
  return keys;
}

/** The place a query names. */
export interface QueryTarget {
  /** The document, as a key of documentKeys(); `bare` when it is only a number (5号). */
  document?: { key: string; bare: boolean } | undefined;
  /** The provision, as keys of provisionKeys() (any of them). */
  provision?: string[] | undefined;
}

const NUM = `([${HAN_DIGITS}〇两]+|\\d{1,4})`;
/** A numeral as written (Chinese or Arabic), or undefined. */
function numberOf(s: string): number | undefined {
  if (/^\d+$/u.test(s)) return Number(s) || undefined;
  return fromChineseNumeral(s.replace(/两/gu, '二').replace(/〇/gu, '零'));
}

/** Label patterns: each gives the provision keys for its numbers. */
const LABELS: { re: RegExp; keys: (a: number, b: number) => string[] }[] = [
  // 2-1, 2.1, 2－1
  { re: /^(\d{1,3})[-－—–.．·_](\d{1,3})$/u, keys: (a, b) => [`${a}-${b}`] },
  // 二（一）, 二、（一）, 第二部分（一）, 第二部分第（一）项, 第二章第（一）项, 第二部分第一项
  { re: new RegExp(`^第?${NUM}(?:部分|章|、|\\.|．)?第?[（(]${NUM}[）)]项?$`, 'u'), keys: (a, b) => [`${a}-${b}`] },
  { re: new RegExp(`^第${NUM}(?:部分|章)第${NUM}项$`, 'u'), keys: (a, b) => [`${a}-${b}`] },
  // 第三章第十条
  { re: new RegExp(`^第${NUM}章第${NUM}条$`, 'u'), keys: (a, b) => [`c${a}a${b}`] },
];
const SINGLE: { re: RegExp; keys: (a: number) => string[] }[] = [
  // 第五条
  { re: new RegExp(`^第${NUM}条$`, 'u'), keys: (a) => [`a${a}`] },
  // （一）, 第（一）项, 第一项: an item of a document without chapters
  { re: new RegExp(`^(?:第?[（(]${NUM}[）)]项?|第${NUM}项)$`, 'u'), keys: (a) => [`i${a}`] },
  // 第二部分: a part that is itself a provision
  { re: new RegExp(`^第${NUM}部分$`, 'u'), keys: (a) => [`p${a}`] },
];

/** The provision keys a label or number names, or null when the string is not one. */
export function parseProvisionLabel(s: string): string[] | null {
  const q = fold(s).replace(/\s+/gu, '');
  for (const { re, keys } of LABELS) {
    const m = re.exec(q);
    if (!m) continue;
    const [a, b] = [numberOf(m[1]!), numberOf(m[2]!)];
    if (a && b) return keys(a, b);
  }
  for (const { re, keys } of SINGLE) {
    const m = re.exec(q);
    const raw = m?.slice(1).find((x) => x !== undefined);
    const a = raw ? numberOf(raw) : undefined;
    if (a) return keys(a);
  }
  return null;
}

const TITLE = /^《([^《》]+)》/u;
const NUMBER_AT_START = new RegExp(`^[（(]?(\\p{Script=Han}*${OPEN}\\d{4}${CLOSE}第?\\d+号)[）)]?`, 'u');

/**
 * The place a whole query names, or null: an optional 《title》, an optional 发文字号 (in brackets
 * or not), then an optional provision label; at least one of them, and nothing else. A bare
 * 5号 names a document by number alone.
 */
export function parseQueryTarget(query: string): QueryTarget | null {
  let q = fold(query).replace(/\s+/gu, '');
  if (!q) return null;
  let document: QueryTarget['document'];
  const title = TITLE.exec(q);
  if (title) {
    document = { key: `t:${title[1]}`, bare: false };
    q = q.slice(title[0].length);
  }
  const number = NUMBER_AT_START.exec(q);
  if (number) {
    const n = readDocNumber(number[1]!);
    if (n) {
      // A number after a title is the title's: the title alone is less precise.
      document = { key: n.code ? `n:${n.code}〔${n.year}〕${n.number}号` : `n:〔${n.year}〕${n.number}号`, bare: false };
      q = q.slice(number[0].length);
    }
  } else if (!document) {
    const bare = /^第?(\d{1,4})号$/u.exec(q);
    if (bare) return { document: { key: `n:${Number(bare[1])}号`, bare: true } };
  }
  if (!q) return document ? { document } : null;
  const provision = parseProvisionLabel(q);
  return provision ? { document, provision } : null;
}
