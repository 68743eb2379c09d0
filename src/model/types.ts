/**
 * The policy model: one set of plain types for a document and its parts. The converter parses a
 * seed into them, writes them as content (frontmatter), and src/site/library.ts reads the content
 * back into the very same shapes; every page, table, graph, export and search field is derived
 * from them (derived values live in derive.ts, one function each).
 */

import type { DocumentMeta, DocumentRelations } from './status.ts';

/** A department as it is named in a responsibility attribution. */
export interface AttributedDepartment {
  /** The abbreviation exactly as the text writes it, e.g. 市人社局. */
  abbr: string;
  /** The registry slug (content/departments.yaml), e.g. hrss. */
  slug: string;
}

/** The closing （…等部门按职责分工） of a measure. */
export interface Attribution {
  /** The parenthetical exactly as written: （市人社局、市发展改革委等部门按职责分工）. */
  text: string;
  /** Departments in the order listed; the first is the lead department. */
  departments: AttributedDepartment[];
  /** True when the list ends in 等部门按职责分工 (others may share the task). */
  etc: boolean;
  /** The exact text after the last department, e.g. 等部门按职责分工, or '' for （市教委）. */
  suffix: string;
}

export interface Measure {
  /** Stable id from the numbering path: chapter-measure, e.g. 2-1. */
  id: string;
  chapter: number;
  number: number;
  /** The numbering as written: （一）. */
  marker: string;
  /** The headline sentence, up to and including the first 。. */
  headline: string;
  /** The measure text after the marker, attribution included, exactly as in the seed. */
  text: string;
  attribution: Attribution | null;
  /** 1-based line in the seed. */
  line: number;
}

export interface Chapter {
  number: number;
  /** The numbering as written: 一、. */
  marker: string;
  title: string;
  line: number;
  measures: Measure[];
}

export interface PolicyDocument {
  /** Short ASCII id, stable across conversions: from the 发文字号 (jjzz-2020-5) or declared in content/documents.yaml. */
  id: string;
  /** Seed file name, e.g. 000_0eda1c6e7d1b82c3.txt. */
  source: string;
  /** The notice's title: 关于印发《…》的通知. */
  title: string;
  /** The measures' own title, the 《…》 inside the notice title, without the brackets. */
  measuresTitle: string;
  /** 发文字号, e.g. 津就组字〔2020〕5号. */
  docNumber: string;
  /** 主送, the addressee line as written (with its closing ：). */
  addressees: string;
  /** The notice body, one string per paragraph. */
  notice: string[];
  /** The signature line as written: 市就业工作领导小组（市人社局代章）. */
  signature: string;
  /** 发文机关: the issuing body, the signature without its seal note. */
  issuer: string;
  /** The seal note, e.g. 市人社局代章, when another body seals on the issuer's behalf. */
  seal: { text: string; department: AttributedDepartment | null } | null;
  /** 成文日期 as written, and as an ISO date. */
  date: string;
  dateISO: string;
  /** The preamble before the first chapter, one string per paragraph. */
  preamble: string[];
  /** The document this one implements: the first 《…》（number） in the preamble. */
  implements: { title: string; number: string } | null;
  chapters: Chapter[];
  /** Hand-maintained metadata (content/documents.yaml): dates, 时效性, where it was published. Joined by the site, not parsed. */
  meta?: DocumentMeta | undefined;
  /** Documents it replaces or amends and that replace or amend it (from the metadata). Joined by the site. */
  relations?: DocumentRelations | undefined;
}

export type DepartmentKind = 'party' | 'government' | 'government-affiliated' | 'mass-organisation';

/** One entry of content/departments.yaml. */
/** The library: every document, newest first, and the registry they are read against. */
export interface Library {
  documents: PolicyDocument[];
  registry: Department[];
}

export interface Department {
  id: string;
  abbr: string;
  name: string;
  nameEn: string;
  kind: DepartmentKind;
  note?: string | undefined;
  /** Other names readers use for it, declared in the registry: former names, short forms (劳动局). */
  aliases?: string[] | undefined;
}
