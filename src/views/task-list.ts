/**
 * A department's task list (任务清单) across the library, as one page of it shows it: the
 * contents (every task, by document, on page 1), this page's full texts by document and chapter,
 * each task's lead bodies and partners, the totals over the whole library, the departments listed
 * with it most often, and the diagram views. Pure: the page passes the documents that list the
 * department (with their cross-references) and how it draws a diagram and links a page.
 */
import { citedTitle, provisionUnit, responsibilitiesOf, sharedWithOthers, type ProvisionUnit } from '../model/derive.ts';
import type { Chapter, Department, PolicyDocument } from '../model/types.ts';
import { graphModel, type CrossReference, type DepartmentXref, type GraphModel, type NameMention, type Task } from './departments.ts';
import { paginateGroups } from './library.ts';

/** A document that lists the department, with its cross-reference. */
export interface ListedIn {
  doc: PolicyDocument;
  xref: CrossReference;
}

export interface TaskListOptions {
  /** Full texts per page (the contents on page 1 always hold every task). */
  perPage: number;
  /** The address of page n of this task list. */
  pageHref: (n: number) => string;
  /** Mermaid source of a document's diagram focused on the department. */
  mermaid: (doc: PolicyDocument, model: GraphModel, title: string) => string;
  /** The diagram's title for a document. */
  diagramTitle: (doc: PolicyDocument) => string;
}

/** One document's tasks on this page. */
export interface TaskGroup {
  doc: PolicyDocument;
  x: DepartmentXref;
  /** This page's tasks of the document. */
  items: Task[];
  /** The document's tasks began on an earlier page. */
  continued: boolean;
  chapters: { chapter: Chapter; tasks: Task[] }[];
  /** The diagram's mermaid source; '' when the document gives it no task or began earlier. */
  source: string;
  unit: ProvisionUnit;
  anchor: string;
}

export interface TaskListPage {
  /** Every task of the library by document, on page 1; empty on later pages. */
  contents: { doc: PolicyDocument; x: DepartmentXref; unit: ProvisionUnit }[];
  /** This page's documents and their tasks' full texts. */
  groups: TaskGroup[];
  /** Totals over the whole library. */
  totals: { tasks: number; leads: number; documents: number };
  /** Where else the text names the department, on this page's documents. */
  mentions: { doc: PolicyDocument; m: NameMention }[];
  /** Departments listed with it, most shared provisions first: [id, count]. */
  partners: [string, number][];
  /** Diagram views, one per document with tasks. */
  views: { key: string; label: string; source: string }[];
  /** The one document, when only one lists the department. */
  single: PolicyDocument | undefined;
  /** A task's anchor, and its link from this page (to another page when its text is there). */
  anchor: (doc: string, provision: string) => string;
  href: (doc: string, provision: string) => string;
  /** Who carries a task, as the attribution says: lead bodies, partners, and whether it says 等. */
  units: (task: Task) => { leads: string[]; partners: string[]; etc: boolean };
}

/** How many pages a department's task list has (by full texts; at least 1). */
export function taskListPages(dept: Pick<Department, 'id'>, across: readonly ListedIn[], perPage: number): number {
  return paginateGroups(across, ({ xref }) => xref.byId.get(dept.id)!.tasks, perPage).length;
}

/** Page `page` (1-based) of a department's task list. */
export function taskListPage(dept: Pick<Department, 'id'>, across: readonly ListedIn[], page: number, o: TaskListOptions): TaskListPage {
  const paged = paginateGroups(across, ({ xref }) => xref.byId.get(dept.id)!.tasks, o.perPage);
  const anchor = (doc: string, provision: string) => `t-${doc}-${provision}`;
  const textPage = new Map(paged.flatMap((groups, i) => groups.flatMap((g) => g.items.map((task) => [anchor(g.group.doc.id, task.provision.id), i + 1] as const))));
  const href = (doc: string, provision: string) => {
    const a = anchor(doc, provision);
    const at = textPage.get(a) ?? 1;
    return at === page ? `#${a}` : `${o.pageHref(at)}#${a}`;
  };
  const groups = (paged[page - 1] ?? []).map(({ group: { doc, xref }, items, continued }): TaskGroup => {
    const x = xref.byId.get(dept.id)!;
    const chapters = xref.chapters
      .map((c) => ({ chapter: c, tasks: items.filter((task) => task.provision.chapter === c.number) }))
      .filter((c) => c.tasks.length > 0);
    const source = x.tasks.length > 0 && !continued ? o.mermaid(doc, graphModel(xref, { department: dept.id }), o.diagramTitle(doc)) : '';
    return { doc, x, items, continued, chapters, source, unit: provisionUnit(doc), anchor: `doc-${doc.id}` };
  });
  const contents = page === 1
    ? across.map(({ doc, xref }) => ({ doc, x: xref.byId.get(dept.id)!, unit: provisionUnit(doc) })).filter((g) => g.x.tasks.length > 0)
    : [];
  const all = across.map(({ xref }) => xref.byId.get(dept.id)!);
  const partnerCounts = new Map<string, number>();
  for (const x of all) for (const p of x.partners) partnerCounts.set(p.id, (partnerCounts.get(p.id) ?? 0) + p.provisions.length);
  return {
    contents,
    groups,
    totals: {
      tasks: all.reduce((n, x) => n + x.tasks.length, 0),
      leads: all.reduce((n, x) => n + x.leadCount, 0),
      documents: all.filter((x) => x.tasks.length > 0).length,
    },
    mentions: groups.flatMap((g) => g.x.mentions.map((m) => ({ doc: g.doc, m }))),
    partners: [...partnerCounts].sort((a, b) => b[1] - a[1]),
    views: groups.filter((g) => g.items.length > 0 && g.source).map((g) => ({ key: g.doc.id, label: citedTitle(g.doc), source: g.source })),
    single: across.length === 1 ? across[0]!.doc : undefined,
    anchor,
    href,
    units: (task) => {
      const rs = responsibilitiesOf(task.provision);
      return { leads: rs.filter((r) => r.role === 'lead').map((r) => r.id), partners: rs.filter((r) => r.role !== 'lead').map((r) => r.id), etc: sharedWithOthers(task.provision) };
    },
  };
}
