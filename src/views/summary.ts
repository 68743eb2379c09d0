/**
 * Summaries of the policy for print and for a quick read: per provision its id, headline,
 * responsible departments (the first-listed leads), the documents it cites, the programmes it
 * names and its quantitative commitments. Pure functions over the model; the facts come from
 * references.ts, so summaries agree with the reference indexes and data files.
 */
import { chapterHeading, chapterLabel, citedLabel, citedTitle, headlineTitle, responsibilitiesOf, sharedWithOthers } from '../model/derive.ts';
import type { Chapter, Department, Provision, PolicyDocument } from '../model/types.ts';
import { keyActions, type Clause } from './actions.ts';
import { provisionReferences, policyReferences, referenceCounts, type FigureKind, type References } from '../model/references.ts';

export interface SummaryDepartment {
  id: string;
  abbr: string;
  name: string;
  /** Listed first: the lead department (牵头). */
  lead: boolean;
}

export interface SummaryDocument {
  /** Title without 《》. */
  title: string;
  /** Its document number when the text gives one: 厅字〔2019〕56号. */
  number: string | null;
}

export interface Commitment {
  /** The figure as written: 65%, 3%-5%, 满1年. */
  figure: string;
  kind: FigureKind;
  /** The clause that states it, without its closing punctuation. */
  clause: string;
}

export interface ProvisionSummary {
  id: string;
  chapter: number;
  number: number;
  marker: string;
  /** 第一部分第（一）项 */
  label: string;
  /** The headline without its closing 。 */
  headline: string;
  /** What it does: its action clauses, verbatim and in order (see actions.ts). */
  actions: Clause[];
  /** Clauses that set a deadline. */
  deadlines: Clause[];
  departments: SummaryDepartment[];
  departmentsEtc: boolean;
  documents: SummaryDocument[];
  /** Quoted programme names and slogans, without quotes, in order of first mention. */
  programmes: string[];
  commitments: Commitment[];
}

export interface ChapterSummary {
  number: number;
  marker: string;
  title: string;
  /** As printed: 一、推动…, 第一章　总则 (chapterHeading). */
  heading: string;
  /** 第一部分 */
  label: string;
  provisions: ProvisionSummary[];
  totals: SummaryTotals;
  /** Lead departments (listed first) and the provisions they lead, in order of first lead. */
  leads: LeadDepartment[];
}

export interface LeadDepartment {
  id: string;
  abbr: string;
  /** Ids of the provisions it leads. */
  provisions: string[];
}

export interface SummaryTotals {
  provisions: number;
  /** Distinct departments listed by the provisions. */
  departments: number;
  /** Distinct documents cited. */
  documents: number;
  /** Distinct programmes named. */
  programmes: number;
  commitments: number;
}

export interface PolicySummary {
  provisionsTitle: string;
  docNumber: string | null;
  chapters: ChapterSummary[];
  /** Over the whole document: documents, programmes and figures counted as its reference index counts them. */
  totals: SummaryTotals;
}

const CLOSING_PUNCTUATION = /[，。；：、！？]+$/u;

/** The summary of one provision. `selfTitle` (the policy's own title) is not a citation. */
export function summariseProvision(m: Provision, registry: readonly Department[], selfTitle: string): ProvisionSummary {
  const byId = new Map(registry.map((d) => [d.id, d]));
  const refs = provisionReferences(m.id, m.text, registry, selfTitle);
  // A figure inside a cited title (《…规划（2018-2022年）》) belongs to the title, not to a commitment.
  const citedSpans = refs.documents.flatMap((d) => d.mentions.map((x) => [x.offset, x.offset + x.text.length] as const));
  const inCitation = (offset: number) => citedSpans.some(([a, b]) => offset >= a && offset < b);
  return {
    id: m.id,
    chapter: m.chapter,
    number: m.number,
    marker: m.marker,
    label: citedLabel(m),
    headline: headlineTitle(m.headline),
    ...keyActions(m),
    departments: responsibilitiesOf(m).map(({ id, role }) => {
      const d = byId.get(id);
      if (!d) throw new Error(`provision ${m.id} names department "${id}", which the registry lacks`);
      return { id, abbr: d.abbr, name: d.name, lead: role === 'lead' };
    }),
    departmentsEtc: sharedWithOthers(m),
    documents: refs.documents.map((d) => ({ title: d.title, number: d.number })),
    programmes: refs.programmes.map((p) => p.name),
    commitments: refs.figures
      .filter((f) => !inCitation(f.mention.offset))
      .map((f) => ({ figure: f.text, kind: f.kind, clause: f.mention.context.replace(CLOSING_PUNCTUATION, '') })),
  };
}

/** A document without chapters has one implicit chapter: its summary is headed 全文. */
const headingOfImplicit = (_c: Chapter) => '全文';

export function summariseChapter(c: Chapter, registry: readonly Department[], selfTitle: string): ChapterSummary {
  const provisions = c.provisions.map((m) => summariseProvision(m, registry, selfTitle));
  return { number: c.number, marker: c.marker, title: c.title, heading: chapterHeading(c), label: chapterLabel(c) || headingOfImplicit(c), provisions, totals: summaryTotals(provisions), leads: leadDepartments(provisions) };
}

/** The departments listed first, each with the provisions it leads. */
export function leadDepartments(provisions: readonly ProvisionSummary[]): LeadDepartment[] {
  const leads = new Map<string, LeadDepartment>();
  for (const m of provisions) {
    const d = m.departments.find((x) => x.lead);
    if (!d) continue;
    const lead = leads.get(d.id) ?? { id: d.id, abbr: d.abbr, provisions: [] };
    lead.provisions.push(m.id);
    leads.set(d.id, lead);
  }
  return [...leads.values()];
}

/** Counts over a set of provision summaries. */
export function summaryTotals(provisions: readonly ProvisionSummary[]): SummaryTotals {
  return {
    provisions: provisions.length,
    departments: new Set(provisions.flatMap((m) => m.departments.map((d) => d.id))).size,
    documents: new Set(provisions.flatMap((m) => m.documents.map((d) => d.title))).size,
    programmes: new Set(provisions.flatMap((m) => m.programmes)).size,
    commitments: provisions.reduce((n, m) => n + m.commitments.length, 0),
  };
}

/** The summary of a whole document (its references, when the caller has them already, are not read again). */
export function summarisePolicy(doc: PolicyDocument, registry: readonly Department[], refs: References = policyReferences(doc, registry)): PolicySummary {
  const chapters = doc.chapters.map((c) => summariseChapter(c, registry, citedTitle(doc)));
  const counts = referenceCounts(refs);
  const totals = { ...summaryTotals(chapters.flatMap((c) => c.provisions)), documents: counts.documents, programmes: counts.programmes, commitments: counts.figures };
  return { provisionsTitle: citedTitle(doc), docNumber: doc.docNumber, chapters, totals };
}

/** 市人社局（牵头）、市财政局等部门 — the departments line as one string (for plain-text uses). */
export function departmentsLine(m: Pick<ProvisionSummary, 'departments' | 'departmentsEtc'>, leadMark = '（牵头）', etc = '等部门'): string {
  if (m.departments.length === 0) return '';
  return m.departments.map((d) => d.abbr + (d.lead ? leadMark : '')).join('、') + (m.departmentsEtc ? etc : '');
}
