/** Citation text, built in one place: 《…若干措施》第二部分第（一）项. */
import { chapterLabel, measureLabel } from '../model/derive.ts';

/** 《title》第二部分 */
export function citeChapter(title: string, chapter: number): string {
  return `《${title}》${chapterLabel(chapter)}`;
}

/** 《title》第二部分第（一）项 */
export function citeMeasure(title: string, chapter: number, number: number): string {
  return `${citeChapter(title, chapter)}${measureLabel(number)}`;
}
