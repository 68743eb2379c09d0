/**
 * The policy as pages see it: the content collections joined into one ordered, typed model.
 * Only this module talks to astro:content; everything else derives from what it returns.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Department, DepartmentKind, MeasureRecord } from '../model/types.ts';

export type MeasureEntry = CollectionEntry<'measures'>;
export type DepartmentEntry = CollectionEntry<'departments'>;
export type DocumentEntry = CollectionEntry<'document'>;

export interface ChapterView {
  number: number;
  marker: string;
  title: string;
  measures: MeasureEntry[];
}

export interface Policy {
  document: DocumentEntry;
  chapters: ChapterView[];
  /** All measures in reading order. */
  measures: MeasureEntry[];
  departments: Map<string, DepartmentEntry['data']>;
  /** Every department id of the registry, in the order the content layer returns them (by id); views choose their own order. */
  departmentOrder: string[];
  /** The registry as plain data, in departmentOrder (the shape src/lib views take). */
  registry: Department[];
}

/** A measure entry as plain data (departments as registry ids). */
export function measureRecordOf({ data: m }: MeasureEntry): MeasureRecord {
  return {
    id: m.id, chapter: m.chapter, number: m.number, marker: m.marker, headline: m.headline, text: m.text,
    departments: m.departments.map((r) => r.id), departmentsEtc: m.departmentsEtc,
  };
}

let cached: Promise<Policy> | undefined;

async function load(): Promise<Policy> {
  const document = await getEntry('document', 'document');
  if (!document) throw new Error('content/policy/document.mdx is missing: run `npm run convert`');
  const [chapterEntries, measureEntries, departmentEntries] = await Promise.all([
    getCollection('chapters'),
    getCollection('measures'),
    getCollection('departments'),
  ]);
  const byId = new Map(measureEntries.map((m) => [m.id, m]));
  const chapters = chapterEntries
    .map((c) => c.data)
    .sort((a, b) => a.number - b.number)
    .map((c) => ({
      number: c.number,
      marker: c.marker,
      title: c.title,
      measures: c.measures.map((ref) => {
        const m = byId.get(ref.id);
        if (!m) throw new Error(`chapter ${c.marker} lists measure ${ref.id}, which has no file`);
        return m;
      }),
    }));
  const measures = chapters.flatMap((c) => c.measures);
  if (measures.length !== measureEntries.length) throw new Error('some measure files belong to no chapter: run `npm run convert`');
  const departments = new Map(departmentEntries.map((d) => [d.id, d.data]));
  for (const m of measures)
    for (const ref of m.data.departments)
      if (!departments.has(ref.id)) throw new Error(`measure ${m.id} names department "${ref.id}", which content/departments.yaml lacks`);
  const registry = departmentEntries.map(({ id, data: x }): Department => ({
    id, abbr: x.abbr, name: x.name, nameEn: x.nameEn, kind: x.kind as DepartmentKind, ...(x.note ? { note: x.note } : {}),
  }));
  return { document, chapters, measures, departments, departmentOrder: registry.map((d) => d.id), registry };
}

/** The whole policy, loaded once per build. */
export function getPolicy(): Promise<Policy> {
  cached ??= load();
  return cached;
}
