/** Chinese numerals as policy documents write them: 一、 五十六 一百零一 in numbering, 二〇二〇 in dates. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** The characters of a Chinese numeral as official documents number their lines (一 … 十 百 千 零). */
export const HAN_DIGITS = '一二三四五六七八九十百千零';
/** The largest number toChineseNumeral writes. */
export const MAX_NUMERAL = 9999;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百, 101 → 一百零一, 110 → 一百一十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMERAL) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n === 10 ? '' : DIGITS[n - 10]!);
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  for (const [value, unit] of units) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit]! + unit;
  }
  return out;
}

/** toChineseNumeral, or Arabic digits beyond its range: for messages, which must never throw. */
export function numeralOrDigits(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= MAX_NUMERAL ? toChineseNumeral(n) : String(n);
}

const DIGIT_VALUE = new Map<string, number>(DIGITS.map((d, i) => [d, i]));
const UNIT_VALUE = new Map([['十', 10], ['百', 100], ['千', 1000]]);

/** Inverse of toChineseNumeral; undefined for anything it does not write (一十, 二百一, 十十). */
export function fromChineseNumeral(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    const d = DIGIT_VALUE.get(ch);
    const unit = UNIT_VALUE.get(ch);
    if (d !== undefined) digit = d;
    else if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else return undefined;
  }
  total += digit ?? 0;
  return total >= 1 && total <= MAX_NUMERAL && toChineseNumeral(total) === s ? total : undefined;
}

/** Digits written one by one, as in years: 二〇二〇 → 2020 (〇, ○ and 零 are zero). */
export function fromChineseDigits(s: string): number | undefined {
  let out = '';
  for (const ch of s) {
    const d = ch === '〇' || ch === '○' ? 0 : DIGIT_VALUE.get(ch);
    if (d === undefined) return undefined;
    out += d;
  }
  return out ? Number(out) : undefined;
}

/** Full-width digits ０-９ as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String(c.charCodeAt(0) - 0xff10));
}

/** A document number: 津就组字〔2020〕5号, 厅字〔2019〕56号. */
export const DOC_NUMBER_RE = /[\p{Script=Han}]+〔\d{4}〕\d+号/gu;

/** 成文日期 as documents write it: 2020年7月30日, 2020年07月30日, 二〇二〇年七月三十日. */
const ARABIC_DATE_RE = /^([0-9０-９]{4})年([0-9０-９]{1,2})月([0-9０-９]{1,2})日$/u;
const CHINESE_DATE_RE = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/u;

/** A date written in full, as an ISO date (2020-07-30); null when the text is no such date or no real day. */
export function parseDate(text: string): string | null {
  let parts: (number | undefined)[] | undefined;
  const arabic = ARABIC_DATE_RE.exec(text);
  if (arabic) parts = arabic.slice(1).map((p) => Number(asciiDigits(p!)));
  const chinese = CHINESE_DATE_RE.exec(text);
  if (chinese) parts = [fromChineseDigits(chinese[1]!), fromChineseNumeral(chinese[2]!), fromChineseNumeral(chinese[3]!)];
  if (!parts || parts.some((p) => p === undefined)) return null;
  const [y, m, d] = parts as number[];
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso ? iso : null;
}

/** A whole line that is a date of the shape documents use (whether or not the day exists). */
export function isDateLine(text: string): boolean {
  return ARABIC_DATE_RE.test(text) || CHINESE_DATE_RE.test(text);
}

/** A whole line that is meant as a date but written otherwise: 2020-07-30, 2020.7.30, 2020/7/30, 2020年7月30. */
export function isMalformedDateLine(text: string): boolean {
  return /^[0-9０-９]{4}\s*[-－.．/／]\s*[0-9０-９]{1,2}\s*[-－.．/／]\s*[0-9０-９]{1,2}\s*日?$/u.test(text)
    || /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]?$/u.test(text) && !isDateLine(text);
}
