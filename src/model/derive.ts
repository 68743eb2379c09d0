/**
 * Values derived from the model, each computed here and nowhere else: a provision's label and
 * citation, its lead department, its text without the attribution, a document's provisions in
 * reading order, the library's department order.
 */
import { toChineseNumeral } from './numerals.ts';
import type { Chapter, Department, Measure, PolicyDocument } from './types.ts';

/** 第二部分 */
export function chapterLabel(chapter: number): string {
  return `第${toChineseNumeral(chapter)}部分`;
}

/** 第（一）项 */
export function measureLabel(number: number): string {
  return `第（${toChineseNumeral(number)}）项`;
}

/** A provision's label as people cite it: 第二部分第（一）项. */
export function provisionLabel(m: Pick<Measure, 'chapter' | 'number'>): string {
  return chapterLabel(m.chapter) + measureLabel(m.number);
}

/** The headline without its closing 。, as a title. */
export function headlineTitle(headline: string): string {
  return headline.replace(/[。．.]$/u, '');
}

/** Every provision of a document, in reading order. */
export function measuresOf(doc: Pick<PolicyDocument, 'chapters'>): Measure[] {
  return doc.chapters.flatMap((c) => c.measures);
}

/** The chapter a provision belongs to. */
export function chapterOf(doc: Pick<PolicyDocument, 'chapters'>, m: Pick<Measure, 'chapter'>): Chapter {
  const chapter = doc.chapters.find((c) => c.number === m.chapter);
  if (!chapter) throw new Error(`no chapter ${m.chapter}`);
  return chapter;
}

/** Registry ids of the responsible departments, in the order listed (the first leads). */
export function departmentIds(m: Measure): string[] {
  return m.attribution?.departments.map((d) => d.slug) ?? [];
}

/** The lead department's id: the first listed (牵头). */
export function leadId(m: Measure): string | undefined {
  return m.attribution?.departments[0]?.slug;
}

/** Whether the list ends in 等部门按职责分工 (others may share the task). */
export function sharedWithOthers(m: Measure): boolean {
  return m.attribution?.etc ?? false;
}

/** The provision's text without its closing attribution. */
export function ownText(m: Measure): string {
  return m.attribution && m.text.endsWith(m.attribution.text) ? m.text.slice(0, -m.attribution.text.length) : m.text;
}

/** A document's citation title: the measures' own title when the notice carries one, else the title. */
export function citedTitle(doc: Pick<PolicyDocument, 'measuresTitle' | 'title'>): string {
  return doc.measuresTitle || doc.title;
}

/**
 * The registry in a reading order that does not depend on how the registry is stored: departments
 * in the order the attributions of the given documents first name them, then the rest in registry order.
 */
export function departmentOrder(registry: readonly Department[], docs: readonly Pick<PolicyDocument, 'chapters'>[]): Department[] {
  const first = new Map<string, number>();
  docs.flatMap(measuresOf).flatMap(departmentIds).forEach((id, i) => { if (!first.has(id)) first.set(id, i); });
  const rank = (d: Department) => first.get(d.id) ?? Number.MAX_SAFE_INTEGER;
  return registry.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
}
