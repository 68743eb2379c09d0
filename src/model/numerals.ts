/** Chinese numbering used by policy documents: 一、 for chapters, （一） for measures. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

/** Inverse of toChineseNumeral; returns undefined for anything it does not produce. */
export function fromChineseNumeral(s: string): number | undefined {
  for (let n = 1; n <= 99; n++) if (toChineseNumeral(n) === s) return n;
  return undefined;
}

const NUM = '[一二三四五六七八九十]+';
/** A chapter heading: 一、推动经济高质量发展… */
export const CHAPTER_RE = new RegExp(`^(${NUM})、(.*)$`, 'u');
/** A numbered measure: （一）实施就业优先政策… */
export const MEASURE_RE = new RegExp(`^（(${NUM})）(.*)$`, 'u');
/** A document number: 津就组字〔2020〕5号, 厅字〔2019〕56号. */
export const DOC_NUMBER_RE = /[\p{Script=Han}]+〔\d{4}〕\d+号/gu;
/** A date as written in Chinese documents: 2020年7月30日. */
export const DATE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
