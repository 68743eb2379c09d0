/**
 * Views of the library that several pages share, computed once per build and per document:
 * the cross-reference, the reference indexes, the summary; and what spans documents: who cites
 * whom, and a department's tasks under every document. Pages call these with the document
 * they were given; nothing here holds "the" document.
 */
import { chapterHeading, chapterLabel, citedTitle, departmentIds, departmentOrder, knownDocNumber } from '../model/derive.ts';
import type { Department, PolicyDocument } from '../model/types.ts';
import { crossReference, graphModel, mermaidSource, type CrossReference, type GraphModel } from '../views/departments.ts';
import { policyReferences } from '../model/references.ts';
import { responsibilities, type Responsibility } from '../export/opendata.ts';
import { summarisePolicy, type PolicySummary } from '../views/summary.ts';
import { getLibrary } from './library.ts';
import { routes } from './routes.ts';
import { t } from './strings.ts';

function perDocument<T>(make: (doc: PolicyDocument, registry: Department[]) => T): (doc: PolicyDocument) => Promise<T> {
  const cache = new WeakMap<PolicyDocument, T>();
  return async (doc) => {
    let value = cache.get(doc);
    if (value === undefined) {
      value = make(doc, (await getLibrary()).registry);
      cache.set(doc, value);
    }
    return value;
  };
}

/** Who does what in a document. */
export const xrefOf = perDocument(crossReference);
/** What a document cites, names and promises. */
export const referencesOf = perDocument(policyReferences);
/** A document's summary, from its references as referencesOf() read them. */
const summaries = new WeakMap<PolicyDocument, PolicySummary>();
export async function summaryOf(doc: PolicyDocument): Promise<PolicySummary> {
  let s = summaries.get(doc);
  if (!s) summaries.set(doc, (s = summarisePolicy(doc, (await getLibrary()).registry, await referencesOf(doc))));
  return s;
}

/** Links between documents of the library: whom each cites, by whom each is cited. */
export interface Citations {
  cites: PolicyDocument[];
  citedBy: PolicyDocument[];
}

let citations: Promise<Map<string, Citations>> | undefined;

/** A document cites another of the library when it names it by title 《…》 or by 发文字号. */
export async function citationsOf(doc: PolicyDocument): Promise<Citations> {
  citations ??= (async () => {
    const { documents } = await getLibrary();
    const byTitle = new Map(documents.flatMap((d) => [[d.title, d], [citedTitle(d), d]] as const));
    const byNumber = new Map(documents.map((d) => [d.docNumber, d]));
    const out = new Map(documents.map((d) => [d.id, { cites: [] as PolicyDocument[], citedBy: [] as PolicyDocument[] }]));
    for (const d of documents) {
      const refs = await referencesOf(d);
      const cited = new Set(refs.documents.flatMap((r) => [byTitle.get(r.title), r.number ? byNumber.get(r.number) : undefined]));
      const text = [...d.notice, ...d.preamble, ...d.chapters.flatMap((c) => c.provisions.map((m) => m.text))].join('\n');
      // A 发文字号 anywhere in the text, the Han run before 〔 possibly starting with other words (根据国办发〔…〕).
      for (const [run] of text.matchAll(/[\p{Script=Han}A-Za-z]+〔\d{4}〕\d+号/gu)) cited.add(knownDocNumber(run, (n) => byNumber.get(n))?.match);
      for (const other of cited) {
        if (!other || other === d) continue;
        out.get(d.id)!.cites.push(other);
        out.get(other.id)!.citedBy.push(d);
      }
    }
    return out;
  })();
  return (await citations).get(doc.id)!;
}

const across = new Map<string, Promise<{ doc: PolicyDocument; xref: CrossReference }[]>>();
/** The documents (newest first) whose provisions list a department, each with its cross-reference entry (once per build per department: each of its pages asks). */
export function departmentAcross(id: string): Promise<{ doc: PolicyDocument; xref: CrossReference }[]> {
  let found = across.get(id);
  if (!found) {
    found = (async () => {
      const { documents } = await getLibrary();
      const out = [];
      for (const doc of documents) {
        const xref = await xrefOf(doc);
        if (xref.byId.has(id)) out.push({ doc, xref });
      }
      return out;
    })();
    across.set(id, found);
  }
  return found;
}

/** Registry ids of the departments listed in any provision of a document. */
export function departmentsListed(doc: PolicyDocument): Set<string> {
  return new Set(doc.chapters.flatMap((c) => c.provisions.flatMap(departmentIds)));
}

/** Mermaid source for a graph model of a document, with the site's URLs and labels. */
export function siteMermaid(doc: PolicyDocument, model: GraphModel, title: string, focus?: string): string {
  // One chapter alone is named by its number (its title is on the page); several by number and title.
  const single = model.chapters.length === 1;
  return mermaidSource(model, {
    provisionUrl: (id) => routes.provision(doc.id, id),
    departmentUrl: (id) => routes.department(id),
    title,
    description: t.graph.accDescr(model.chapters.reduce((n, c) => n + c.provisions.length, 0), model.departments.length, model.edges.length),
    chapterLabel: (c) => (single ? chapterLabel(c) || t.graph.all : chapterHeading(c) || t.graph.all),
    departmentsLabel: t.dept.indexTitle,
    focus,
  });
}

/** A view of a document's graph: the whole, or one chapter (key `c<number>`). */
export interface GraphView {
  key: string;
  label: string;
  source: string;
}

/** The views of a document's graph page: the whole graph, then each chapter that names departments. */
export async function graphViewsOf(doc: PolicyDocument): Promise<GraphView[]> {
  const xref = await xrefOf(doc);
  return [
    { key: 'all', label: t.graph.all, source: siteMermaid(doc, graphModel(xref), t.graph.title) },
    ...xref.chapters
      .filter((c) => c.provisions.some((m) => departmentIds(m).length > 0))
      .map((c) => ({
        key: `c${c.number}`,
        label: chapterLabel(c) || t.graph.all,
        source: siteMermaid(doc, graphModel(xref, { chapter: c.number }), `${chapterLabel(c)} ${c.title}`.trim() || t.graph.title),
      })),
  ];
}

/** Id of the text equivalent of the graph on its page. */
export const GRAPH_TEXT_ID = 'graph-text';

let titles: Promise<{ byTitle: Map<string, PolicyDocument>; byNumber: Map<string, PolicyDocument> }> | undefined;
/** The library's document with this title (without 《》) or 发文字号, if the library holds it. */
export async function findDocument(title: string, number?: string | null): Promise<PolicyDocument | undefined> {
  titles ??= getLibrary().then(({ documents }) => ({
    // The first document (newest first) of a title or number wins, as a search from the top would find it.
    byTitle: new Map(documents.toReversed().flatMap((d) => [[d.title, d], [citedTitle(d), d]] as const)),
    byNumber: new Map(documents.toReversed().flatMap((d) => (d.docNumber ? [[d.docNumber, d] as const] : []))),
  }));
  const { byTitle, byNumber } = await titles;
  return byTitle.get(title) ?? (number ? byNumber.get(number) : undefined);
}

/** A department's totals across the library. */
export interface LibraryDepartment {
  dept: Department;
  /** Documents whose provisions list it. */
  documents: number;
  provisions: number;
  leads: number;
}

let totals: Promise<LibraryDepartment[]> | undefined;

/**
 * Every department the library names (in a provision's list or elsewhere in the text), most
 * involved first: more provisions, then more leads, then first appearance (departmentOrder).
 */
export function libraryDepartments(): Promise<LibraryDepartment[]> {
  totals ??= (async () => {
    const { documents, registry } = await getLibrary();
    const byId = new Map<string, LibraryDepartment>();
    for (const doc of documents)
      for (const x of (await xrefOf(doc)).departments) {
        const row = byId.get(x.dept.id) ?? { dept: x.dept, documents: 0, provisions: 0, leads: 0 };
        if (x.tasks.length > 0) row.documents++;
        row.provisions += x.tasks.length;
        row.leads += x.leadCount;
        byId.set(x.dept.id, row);
      }
    const order = new Map(departmentOrder(registry, documents).map((d, i) => [d.id, i]));
    return [...byId.values()].sort((a, b) => b.provisions - a.provisions || b.leads - a.leads || order.get(a.dept.id)! - order.get(b.dept.id)!);
  })();
  return totals;
}

let responsibilityRows: Promise<Map<string, Responsibility[]>> | undefined;
/** The library's responsibilities (one row per provision and body named), by department id: computed once per build. */
export function responsibilitiesByDepartment(): Promise<Map<string, Responsibility[]>> {
  responsibilityRows ??= getLibrary().then(({ documents, registry }) => {
    const out = new Map<string, Responsibility[]>();
    for (const r of responsibilities(documents, registry)) out.set(r.department.id, [...(out.get(r.department.id) ?? []), r]);
    return out;
  });
  return responsibilityRows;
}
