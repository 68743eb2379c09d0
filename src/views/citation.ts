/** Citation text, built in one place: 《…若干措施》第二部分第（一）项. */
import { toChineseNumeral } from '../model/numerals.ts';

/** 第二部分 */
export function chapterLabel(chapter: number): string {
  return `第${toChineseNumeral(chapter)}部分`;
}

/** 第（一）项 */
export function measureLabel(number: number): string {
  return `第（${toChineseNumeral(number)}）项`;
}

/** 《title》第二部分 */
export function citeChapter(title: string, chapter: number): string {
  return `《${title}》${chapterLabel(chapter)}`;
}

/** 《title》第二部分第（一）项 */
export function citeMeasure(title: string, chapter: number, number: number): string {
  return `${citeChapter(title, chapter)}${measureLabel(number)}`;
}

/** A headline as a title: without its closing 。 */
export function headlineTitle(headline: string): string {
  return headline.replace(/[。．.]$/u, '');
}
