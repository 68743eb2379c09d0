/** Citation text, built in one place: 《…若干措施》第二部分第（一）项. */
import { chapterLabel, measureLabel, provisionLabel } from '../model/derive.ts';
import type { Measure } from '../model/types.ts';

/** 《title》第二部分 */
export function citeChapter(title: string, chapter: number): string {
  return `《${title}》${chapterLabel(chapter)}`;
}

/** 《title》第二部分第（一）项 */
export function citeMeasure(title: string, chapter: number, number: number): string {
  return `${citeChapter(title, chapter)}${measureLabel(number)}`;
}

/** 《title》第二部分第（一）项, 《title》第五条, 《title》第（一）项: a provision's citation, whatever its numbering. */
export function citeProvision(title: string, m: Pick<Measure, 'chapter' | 'number' | 'kind' | 'chapterKind'>): string {
  return `《${title}》${provisionLabel(m)}`;
}
