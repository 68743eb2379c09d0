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

/** What a department does for a provision: 牵头 (lead) or 配合 (partner). */
export const DEPARTMENT_ROLES = ['lead', 'partner'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** A department named in an attribution, with its role. */
export interface ResponsibleDepartment extends AttributedDepartment {
  /**
   * 'lead' where the text says 牵头 (牵头单位：…, …牵头); 'partner' where it says 配合. Where it says
   * neither, the first listed leads and the others are partners. Absent in models written before
   * roles were read: then the first listed leads (see leadIds() in derive.ts).
   */
  role?: DepartmentRole;
}

/** How an attribution stands: closing the provision's last line, or on a line of its own (Attribution.form). */
export const ATTRIBUTION_FORMS = ['parenthetical', 'line'] as const;
export type AttributionForm = (typeof ATTRIBUTION_FORMS)[number];

/**
 * The departments responsible for a provision, as the text names them: a closing parenthetical
 * （市人社局、市发展改革委等部门按职责分工）, （市教委）, （牵头单位：…；配合单位：…）, （市人社局牵头，市教委配合）,
 * or a line of its own after the provision or its sub-items: 责任单位：…, 牵头单位：… 配合单位：….
 */
export interface Attribution {
  /**
   * The attribution exactly as written: the parenthetical with any punctuation after it
   * （市人社局、市发展改革委等部门按职责分工）。, or the line(s) 牵头单位：市教委\n配合单位：市人社局.
   * Always the end of the provision's `text`.
   */
  text: string;
  /** Departments in the order listed, each with its role; the first lead is the lead department. */
  departments: ResponsibleDepartment[];
  /** True when the list ends in 等部门按职责分工, 等部门, 等单位 (others may share the task). */
  etc: boolean;
  /** The exact text after the last department, e.g. 等部门按职责分工, or '' for （市教委）. */
  suffix: string;
  /**
   * 'parenthetical' closes the provision's last line; 'line' is a line of its own (责任单位：…, or a
   * parenthetical alone on its line after the sub-items). Absent means 'parenthetical'.
   */
  form?: AttributionForm;
  /**
   * Collective bodies the list names, as written: 各省级人民政府, 各有关部门和单位, 地方各级人民政府. They
   * are shown as named and are no department. Absent means none; `departments` may then be empty.
   */
  collectives?: string[] | undefined;
}

/**
 * How a provision (a numbered unit with its own page) is numbered: 'item' （一） under a heading
 * 一、 or directly under the title, 'part' 一、 with no lower level, 'article' 第一条.
 */
export const PROVISION_KINDS = ['item', 'part', 'article'] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/** What groups provisions: 'part' 一、, 'chapter' 第一章, 'none' for the implicit chapter of a document without divisions. */
export const CHAPTER_KINDS = ['part', 'chapter', 'none'] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

export interface Provision {
  /** Stable id from the numbering path: chapter-provision, e.g. 2-1; 3-12 for 第十二条 in 第三章 (1- when the document has no chapters). */
  id: string;
  chapter: number;
  /** The provision's number: 1 for （一）, 12 for 第十二条 (articles are numbered through the document). */
  number: number;
  /** The numbering as written: （一）, 第十二条, 三、. */
  marker: string;
  /** The headline sentence: the first line up to and including its first 。 outside 《》“”（）, else the whole first line. */
  headline: string;
  /**
   * The text after the marker, attribution included, exactly as in the seed. Lines of the source
   * stay lines, joined by \n: sub-items (1. （1）) with their numbers, further paragraphs, 责任单位： lines.
   */
  text: string;
  attribution: Attribution | null;
  /** 1-based line in the seed. */
  line: number;
  /** How it is numbered. Absent means 'item' (（一）), as in models written before other forms were read. */
  kind?: ProvisionKind;
  /** The kind of its chapter, for its label (第二部分第（一）项, 第二章第（一）项, 第（一）项). Absent means 'part'. */
  chapterKind?: ChapterKind;
  /** The section (第一节) of its chapter it stands in, or null. Absent means null. */
  section?: number | null;
  /**
   * True when the document numbers its items straight through, not afresh under each 一、 (（一）–（十五）
   * across five parts): the item is then cited by its own number, 第（三）项. Absent means false.
   */
  through?: boolean | undefined;
}

/**
 * A paragraph of a chapter that is no numbered provision: prose directly under a heading, a
 * paragraph between provisions, a closing paragraph after the last one. Kept where it stands.
 */
export interface ChapterParagraph {
  text: string;
  /** 1-based line in the seed. */
  line: number;
  /** How many of the chapter's provisions stand before it. */
  after: number;
}

/** A 第一节 within a 第一章. */
export interface Section {
  number: number;
  /** The numbering as written: 第一节. */
  marker: string;
  title: string;
  line: number;
}

export interface Chapter {
  number: number;
  /** The numbering as written: 一、, 第二章; '' for the implicit chapter. */
  marker: string;
  /** '' for the implicit chapter. */
  title: string;
  line: number;
  provisions: Provision[];
  /** Absent means 'part' (一、). */
  kind?: ChapterKind;
  /** Its sections (第一节…), in order; absent or empty when it has none. */
  sections?: Section[];
  /** Its paragraphs that are no provision, in order; absent or empty when it has none. */
  paragraphs?: ChapterParagraph[];
}

/** An attachment (附件) printed after the main text: its label line, its title and its body. */
export interface Attachment {
  /** 1-based, in order: 附件1 → 1; a single 附件 → 1. */
  number: number;
  /** The label line as written: 附件1, 附件. */
  label: string;
  /** Its title line. */
  title: string;
  /** Its body lines after the title, joined by \n, exactly as in the seed ('' when it has none). */
  text: string;
  /** 1-based line of the label in the seed. */
  line: number;
}

/** 版记: the record at the foot of the printed document (抄送, 印发机关和印发日期), kept as metadata. */
export interface Colophon {
  /** Its lines as written, in order (separator rules included). */
  lines: string[];
  /** 抄送 without its label: 市委办公厅，市人大常委会办公厅. */
  copiedTo: string | null;
  /** 印发机关: 天津市人民政府办公厅. */
  printedBy: string | null;
  /** 印发日期 as written and as ISO 8601. */
  printed: string | null;
  printedISO: string | null;
}

/**
 * How the document is issued: 'notice', an 印发/转发 notice that carries it (标题 关于印发《…》的通知);
 * 'direct', the document itself under its own title, 发文字号, signature and date.
 */
export const DOCUMENT_FORMS = ['notice', 'direct'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/** Where the signature and date stand (PolicyDocument.signaturePlace). */
export const SIGNATURE_PLACES = ['notice', 'start', 'end'] as const;
export type SignaturePlace = (typeof SIGNATURE_PLACES)[number];

export interface PolicyDocument {
  /**
   * Short ASCII id, stable across conversions: from the 发文字号 (jjzz-2020-5), declared in
   * content/documents.yaml, or, without a 发文字号, from the title's pinyin initials and the year.
   */
  id: string;
  /** Seed file name, e.g. 000_0eda1c6e7d1b82c3.txt. */
  source: string;
  /** The title as written: 关于印发《…》的通知, or the document's own title when it is issued directly. */
  title: string;
  /** The carried document's own title, the 《…》 inside a notice's title, without the brackets; the title itself when issued directly. */
  provisionsTitle: string;
  /** 发文字号, e.g. 津就组字〔2020〕5号; null when the document has none. */
  docNumber: string | null;
  /** 主送, the addressee line as written (with its closing ：); null when there is none. */
  addressees: string | null;
  /** The notice body, one string per paragraph; empty when the document is issued directly. */
  notice: string[];
  /**
   * The signature (发文机关署名) as written: 市就业工作领导小组（市人社局代章）; lines of a joint
   * signature joined by \n; null when the date stands alone.
   */
  signature: string | null;
  /** 发文机关: the issuing body, the (first) signature line without its seal note, else the title's words before 关于 (else the body whose 令 it is); null when the copy names none. */
  issuer: string | null;
  /** The seal note, e.g. 市人社局代章, when another body seals on the issuer's behalf. */
  seal: { text: string; department: AttributedDepartment | null } | null;
  /** 成文日期 as written (2020年7月30日, 二〇二〇年七月三十日), and as an ISO date; null when the copy has no date. */
  date: string | null;
  dateISO: string | null;
  /** The preamble before the first chapter, one string per paragraph. */
  preamble: string[];
  /** The document this one implements: the first 《…》（number） in the preamble. */
  implements: { title: string; number: string } | null;
  chapters: Chapter[];
  /** Hand-maintained metadata (content/documents.yaml): dates, 时效性, where it was published. Joined by the site, not parsed. */
  meta?: DocumentMeta | undefined;
  /** Documents it replaces or amends and that replace or amend it (from the metadata). Joined by the site. */
  relations?: DocumentRelations | undefined;
  /** How it is issued. Absent means 'notice'. */
  form?: DocumentForm;
  /** The carried document's title line when the text repeats it after the notice, as written; else null. */
  carriedTitle?: string | null;
  /**
   * Where the signature and date stand: 'notice' closing the notice (before the carried text),
   * 'start' under the title, 'end' after the last provision. Absent means 'notice'.
   */
  signaturePlace?: SignaturePlace;
  /** 附件说明: the list of attachments before the signature (附件：1.…, 2.…), one string per line as written. */
  attachmentNote?: string[];
  /** 附注 after the date, as written: （此件公开发布）, 此件主动公开. */
  notes?: string[];
  /** The attachments printed after the main text, in order. */
  attachments?: Attachment[];
  /** 版记 (抄送, 印发), or null. */
  colophon?: Colophon | null;
}

/** 'unlisted': a body an attribution names that the registry lacks (its name as written, no English name). */
export type DepartmentKind = 'party' | 'government' | 'government-affiliated' | 'mass-organisation' | 'unlisted';

/** The level of government a department belongs to: the State Council's, a province's, a city's. */
export type DepartmentLevel = 'national' | 'provincial' | 'municipal';

/** The library: every document, newest first, and the registry they are read against. */
export interface Library {
  documents: PolicyDocument[];
  registry: Department[];
}

/** One entry of content/departments.yaml. */
export interface Department {
  id: string;
  abbr: string;
  name: string;
  nameEn: string;
  kind: DepartmentKind;
  note?: string | undefined;
  /** Other names readers use for it, declared in the registry: former names, short forms (劳动局). */
  aliases?: string[] | undefined;
  /** Its level of government; absent in the registry means municipal (the Tianjin bodies). */
  level?: DepartmentLevel | undefined;
  /** Where its name and abbreviation were checked: 国务院关于机构设置的通知（国发〔2018〕6号）. */
  source?: string | undefined;
}
