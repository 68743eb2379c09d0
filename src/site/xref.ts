/**
 * The department cross-reference of the built site: the content collections (getPolicy) in the
 * shape src/lib/departments.ts works on. Loaded once per build.
 */
import { chapterLabel } from '../views/citation.ts';
import { bodyWithoutAttribution, crossReference, xrefMeasure, mermaidSource, type CrossReference, type GraphModel, type TextSource } from '../views/departments.ts';
import { routes } from './routes.ts';
import { getPolicy, measureRecordOf } from './library.ts';
import { t } from './strings.ts';

let cached: Promise<CrossReference> | undefined;

async function load(): Promise<CrossReference> {
  const { document, chapters, registry } = await getPolicy();
  const d = document.data;
  const texts: TextSource[] = [
    { place: 'title', text: d.title },
    { place: 'addressees', text: d.addressees },
    ...d.notice.map((text) => ({ place: 'notice' as const, text })),
    { place: 'signature', text: d.signature },
    ...d.preamble.map((text) => ({ place: 'preamble' as const, text })),
    ...chapters.flatMap((c) => c.measures.map((m) => ({ place: 'measure' as const, measureId: m.id, text: bodyWithoutAttribution(m.body ?? '') }))),
  ];
  return crossReference({
    registry,
    texts,
    chapters: chapters.map((c) => ({
      number: c.number, marker: c.marker, title: c.title,
      measures: c.measures.map((m) => xrefMeasure(measureRecordOf(m))),
    })),
  });
}

export function getCrossReference(): Promise<CrossReference> {
  cached ??= load();
  return cached;
}

/** Mermaid source for a graph model, with the site's URLs and labels. */
export function siteMermaid(model: GraphModel, title: string, focus?: string): string {
  // One chapter alone is named by its number (its title is on the page); several by number and title.
  const single = model.chapters.length === 1;
  return mermaidSource(model, {
    measureUrl: (id) => routes.measure(id),
    departmentUrl: (id) => routes.department(id),
    title,
    description: t.graph.accDescr(model.chapters.reduce((n, c) => n + c.measures.length, 0), model.departments.length, model.edges.length),
    chapterLabel: (c) => (single ? chapterLabel(c.number) : `${c.marker}${c.title}`),
    departmentsLabel: t.dept.indexTitle,
    focus,
  });
}
