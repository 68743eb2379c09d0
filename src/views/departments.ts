/**
 * Department cross-references, derived from the model: who is responsible for what, in which
 * position, with whom; the responsibility matrix (任务分工表); every other place the text names
 * a department. Pure functions over a small input shape, so they run on the content collections
 * (src/site/computed.ts), on the parsed seed and on fixtures alike.
 */
import { segmentInline } from '../model/inline.ts';
import { departmentIds, provisionsOf, ownText, responsibilitiesOf } from '../model/derive.ts';
import type { Chapter, Department, Provision, PolicyDocument } from '../model/types.ts';

/** Where a piece of the document's text sits. */
export type TextPlace = 'title' | 'addressees' | 'notice' | 'signature' | 'preamble' | 'provision';

/** A run of the document's plain text, outside the responsibility attributions. */
export interface TextRun {
  place: TextPlace;
  text: string;
  /** For place 'provision'. */
  provisionId?: string | undefined;
}

/** One provision that lists a department. */
export interface Task {
  provision: Provision;
  /** 1-based position in the provision's list. */
  position: number;
  /** How many departments the list names. */
  listed: number;
  lead: boolean;
  /** The other departments of the list, in list order. */
  others: string[];
}

/** A department another shares provisions with. */
export interface Partner {
  id: string;
  /** Provision ids both are listed in, in reading order. */
  provisions: string[];
}

/** A place outside the attributions where the text names a department. */
export interface NameMention {
  place: TextPlace;
  provisionId?: string | undefined;
  /** The whole text run it occurs in (e.g. the signature line). */
  text: string;
  /** The abbreviation as written. */
  abbr: string;
  /** The department seals the document on the issuer's behalf: 市人社局代章. */
  seal: boolean;
}

export interface DepartmentXref {
  dept: Department;
  /** Order of first appearance in the attributions (then registry order), for stable ties. */
  order: number;
  tasks: Task[];
  /** Provisions where it is listed first. */
  leadCount: number;
  partners: Partner[];
  mentions: NameMention[];
}

export interface CrossReference {
  chapters: Chapter[];
  provisions: Provision[];
  /** Departments the text names (in an attribution or elsewhere), most involved first. */
  departments: DepartmentXref[];
  byId: Map<string, DepartmentXref>;
  /** Number of provision-department links. */
  links: number;
}

/**
 * Full texts per page of a department's task list. The list's contents (every task, linked) are
 * always on its first page, and print with it; only the full texts of a longer list go on.
 */
export const TASK_TEXTS_PER_PAGE = 200;

/** Most involved first: more provisions, then more leads, then first appearance in the text. */
export function byInvolvement(a: DepartmentXref, b: DepartmentXref): number {
  return b.tasks.length - a.tasks.length || b.leadCount - a.leadCount || a.order - b.order;
}

/** Who does what in one document, against the registry (in registry order). */
export function crossReference(doc: PolicyDocument, registry: readonly Department[]): CrossReference {
  const input = { chapters: doc.chapters, registry, texts: textRuns(doc) };
  const provisions = provisionsOf(doc);
  const firstSeen = [...new Set(provisions.flatMap(departmentIds))];
  const rank = (id: string, i: number) => (firstSeen.includes(id) ? firstSeen.indexOf(id) : firstSeen.length + i);
  const all = new Map<string, DepartmentXref>(input.registry.map((dept, i) => [dept.id, { dept, order: rank(dept.id, i), tasks: [], leadCount: 0, partners: [], mentions: [] }]));
  const get = (id: string, where: string): DepartmentXref => {
    const x = all.get(id);
    if (!x) throw new Error(`${where} names department "${id}", which the registry lacks`);
    return x;
  };
  let links = 0;
  for (const provision of provisions) {
    const ids = departmentIds(provision);
    if (new Set(ids).size !== ids.length) throw new Error(`provision ${provision.id} lists a department twice`);
    for (const r of responsibilitiesOf(provision)) {
      const id = r.id;
      const x = get(id, `provision ${provision.id}`);
      const lead = r.role === 'lead';
      x.tasks.push({ provision, position: r.position, listed: ids.length, lead, others: ids.filter((o) => o !== id) });
      if (lead) x.leadCount++;
      links++;
    }
  }
  for (const x of all.values()) {
    const shared = new Map<string, string[]>();
    for (const task of x.tasks) for (const o of task.others) shared.set(o, [...(shared.get(o) ?? []), task.provision.id]);
    x.partners = [...shared].map(([id, ms]) => ({ id, provisions: ms }))
      .sort((a, b) => b.provisions.length - a.provisions.length || all.get(a.id)!.order - all.get(b.id)!.order);
  }
  for (const source of input.texts)
    for (const seg of segmentInline(source.text, input.registry))
      if (seg.kind === 'dept')
        get(seg.slug, `the ${source.place}`).mentions.push({
          place: source.place, provisionId: source.provisionId, text: source.text, abbr: seg.text,
          seal: source.place === 'signature' && source.text.includes(`${seg.text}代章`),
        });
  const departments = [...all.values()].filter((x) => x.tasks.length > 0 || x.mentions.length > 0).sort(byInvolvement);
  return { chapters: input.chapters, provisions, departments, byId: new Map(departments.map((x) => [x.dept.id, x])), links };
}

/** Every run of a document's text outside the responsibility attributions, in reading order. */
export function textRuns(doc: PolicyDocument): TextRun[] {
  return [
    { place: 'title', text: doc.title },
    ...(doc.addressees ? [{ place: 'addressees' as const, text: doc.addressees }] : []),
    ...doc.notice.map((text) => ({ place: 'notice' as const, text })),
    ...(doc.signature ? [{ place: 'signature' as const, text: doc.signature }] : []),
    ...doc.preamble.map((text) => ({ place: 'preamble' as const, text })),
    ...provisionsOf(doc).map((m) => ({ place: 'provision' as const, provisionId: m.id, text: ownText(m) })),
  ];
}

// ---------------------------------------------------------------- the matrix (任务分工表)

export interface MatrixCell {
  position: number;
  lead: boolean;
}

export interface MatrixRow {
  provision: Provision;
  /** One cell per column: the department's position in this provision's list, or null. */
  cells: (MatrixCell | null)[];
}

export interface Matrix {
  /** Departments, most involved first. */
  columns: DepartmentXref[];
  groups: { chapter: Chapter; rows: MatrixRow[] }[];
}

export function matrix(xref: CrossReference): Matrix {
  const columns = xref.departments.filter((x) => x.tasks.length > 0);
  return {
    columns,
    groups: xref.chapters.map((chapter) => ({
      chapter,
      rows: chapter.provisions.map((provision) => ({
        provision,
        cells: columns.map((x) => {
          const r = responsibilitiesOf(provision).find((o) => o.id === x.dept.id);
          return r ? { position: r.position, lead: r.role === 'lead' } : null;
        }),
      })),
    })),
  };
}

// ---------------------------------------------------------------- the graph

export interface GraphEdge {
  provision: string;
  department: string;
  position: number;
  lead: boolean;
}

export interface GraphModel {
  /** Chapters with the provisions drawn in them (chapters without any are left out). */
  chapters: { chapter: Chapter; provisions: Provision[] }[];
  departments: DepartmentXref[];
  edges: GraphEdge[];
}

/**
 * The provision-to-department graph: the whole policy, one chapter (`chapter`), or one
 * department's provisions with every department listed in them (`department`).
 */
export function graphModel(xref: CrossReference, only: { chapter?: number; department?: string } = {}): GraphModel {
  const keep = (m: Provision) =>
    (only.chapter === undefined || m.chapter === only.chapter) && (only.department === undefined || departmentIds(m).includes(only.department));
  const chapters = xref.chapters.map((chapter) => ({ chapter, provisions: chapter.provisions.filter(keep) })).filter((c) => c.provisions.length > 0);
  const edges = chapters.flatMap((c) => c.provisions.flatMap((m) => responsibilitiesOf(m).map((r) => ({ provision: m.id, department: r.id, position: r.position, lead: r.role === 'lead' }))));
  const named = new Set(edges.map((e) => e.department));
  if (only.department !== undefined) named.add(only.department);
  return { chapters, departments: xref.departments.filter((x) => named.has(x.dept.id)), edges };
}

/** The id of the group holding the department nodes. */
export const DEPARTMENTS_GROUP = 'depts';

/** Mermaid node ids: ASCII, no hyphens. */
export const nodeId = {
  provision: (id: string) => `m${id.replace(/-/g, '_')}`,
  department: (id: string) => `d_${id.replace(/-/g, '_')}`,
  chapter: (n: number) => `c${n}`,
};

/** A label for mermaid's double-quoted node text: entity-escape what the syntax uses. */
export function mermaidText(s: string): string {
  return s.replace(/[#"<>&]/g, (c) => `#${c.codePointAt(0)};`);
}

/** Breaks a Chinese headline into lines of at most `width` characters, evenly. */
export function wrapLabel(text: string, width: number): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const lines = Math.ceil(chars.length / width);
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out;
}

export interface MermaidOptions {
  /** URL of a provision page / department page (click links). */
  provisionUrl: (id: string) => string;
  departmentUrl: (id: string) => string;
  /** Accessible title and description of the diagram. */
  title: string;
  description: string;
  /** The chapter box label: 第一部分 推动… */
  chapterLabel: (c: Chapter) => string;
  /** The label of the departments' group. */
  departmentsLabel: string;
  /** Highlight this department (its own page). */
  focus?: string | undefined;
  /** Characters per line of a provision label. */
  wrap?: number;
  direction?: 'LR' | 'TB';
}

/**
 * Mermaid flowchart source of a graph model: one subgraph per chapter holding its provisions,
 * one node per department, one edge per link (thick for the lead department), a click link on
 * every node. Class names (pe-m, pe-d, pe-focus, pe-lead) are styled by the site's own CSS.
 */
export function mermaidSource(model: GraphModel, o: MermaidOptions): string {
  const wrap = o.wrap ?? 7;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const lines = [
    `flowchart ${o.direction ?? 'LR'}`,
    `  accTitle: ${oneLine(o.title)}`,
    `  accDescr: ${oneLine(o.description)}`,
  ];
  for (const { chapter, provisions } of model.chapters) {
    lines.push(`  subgraph ${nodeId.chapter(chapter.number)}["${mermaidText(o.chapterLabel(chapter))}"]`);
    for (const m of provisions) {
      const label = [m.id, ...wrapLabel(m.headline.replace(/[。．.]$/u, ''), wrap)].map(mermaidText).join('<br>');
      lines.push(`    ${nodeId.provision(m.id)}["${label}"]`);
    }
    lines.push('  end');
  }
  if (model.departments.length) {
    lines.push(`  subgraph ${DEPARTMENTS_GROUP}["${mermaidText(o.departmentsLabel)}"]`);
    // Declared last-first: mermaid's dagre layout then stacks the chapters top-down in reading
    // order (declared first-first, it stacks them bottom-up). A chapter without links (五) still
    // lands at the top; the text version beside the diagram gives the order.
    for (const x of [...model.departments].reverse()) lines.push(`    ${nodeId.department(x.dept.id)}["${mermaidText(x.dept.abbr)}"]`);
    lines.push('  end');
  }
  const leads: number[] = [];
  model.edges.forEach((e, i) => {
    lines.push(`  ${nodeId.provision(e.provision)} ${e.lead ? '==>' : '-->'} ${nodeId.department(e.department)}`);
    if (e.lead) leads.push(i);
  });
  for (const { provisions } of model.chapters)
    for (const m of provisions) lines.push(`  click ${nodeId.provision(m.id)} "${o.provisionUrl(m.id)}" _self`);
  for (const x of model.departments) lines.push(`  click ${nodeId.department(x.dept.id)} "${o.departmentUrl(x.dept.id)}" _self`);
  const ms = model.chapters.flatMap((c) => c.provisions.map((m) => nodeId.provision(m.id)));
  if (ms.length) lines.push(`  class ${ms.join(',')} pe-m`);
  const ds = model.departments.filter((x) => x.dept.id !== o.focus).map((x) => nodeId.department(x.dept.id));
  if (ds.length) lines.push(`  class ${ds.join(',')} pe-d`);
  if (o.focus && model.departments.some((x) => x.dept.id === o.focus)) lines.push(`  class ${nodeId.department(o.focus)} pe-focus`);
  return lines.join('\n') + '\n';
}
