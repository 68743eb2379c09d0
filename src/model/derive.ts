/**
 * Values derived from the model, each computed here and nowhere else: a provision's label and
 * citation, its lead department, its text without the attribution, a document's provisions in
 * reading order, the library's department order.
 */
import { NUMBERING } from './numbering.ts';
import type { Attachment, Chapter, ChapterKind, ChapterParagraph, Department, DepartmentRole, Provision, PolicyDocument, ProvisionKind } from './types.ts';

/** How a provision is numbered ('item' when the model does not say). */
export function provisionKind(m: Pick<Provision, 'kind'>): ProvisionKind {
  return m.kind ?? 'item';
}

/** What kind of chapter it is ('part', 一、, when the model does not say). */
export function chapterKind(c: Pick<Chapter, 'kind'>): ChapterKind {
  return c.kind ?? 'part';
}

/** A chapter's label as people cite it: 第二部分, 第二章; '' for the implicit chapter. A bare number is a part (一、). */
export function chapterLabel(chapter: number | Pick<Chapter, 'number' | 'kind'>): string {
  if (typeof chapter === 'number') return NUMBERING.part.label(chapter);
  const kind = chapterKind(chapter);
  return kind === 'none' ? '' : NUMBERING[kind].label(chapter.number);
}

/** A chapter's heading as printed: 一、推动…, 第一章　总则 (GB/T 9704 sets a space after 第…章); '' for the implicit chapter. */
export function chapterHeading(c: Pick<Chapter, 'marker' | 'title' | 'kind'>): string {
  return chapterKind(c) === 'chapter' ? `${c.marker}\u3000${c.title}` : `${c.marker}${c.title}`;
}

/** A provision's label within its chapter: 第（一）项, 第五条, 第二部分. A bare number is an item （一）. */
export function labelInChapter(m: number | Pick<Provision, 'number' | 'kind'>): string {
  if (typeof m === 'number') return NUMBERING.item.label(m);
  return NUMBERING[provisionKind(m)].label(m.number);
}

/**
 * A provision's label as people cite it: 第二部分第（一）项, 第二章第（一）项, 第（一）项 (no chapters),
 * 第五条 (articles are numbered through the document), 第二部分 (a heading 一、 with no lower level).
 */
export function citedLabel(m: Pick<Provision, 'chapter' | 'number' | 'kind' | 'chapterKind' | 'through'>): string {
  // Articles are numbered through the document, and so are items where the document numbers them so: 第（三）项.
  if (provisionKind(m) !== 'item' || m.through) return labelInChapter(m);
  return chapterLabel({ number: m.chapter, kind: m.chapterKind ?? 'part' }) + labelInChapter(m);
}

/** How a document counts its provisions, as its readers say it: 16 项措施 in 6 个部分; 32 条 in 5 章. */
export interface ProvisionUnit {
  /** After a number: 项措施, 条. */
  counter: string;
  /** The provisions as a whole: 措施, 条文. */
  name: string;
  /** After the number of chapters: 个部分, 章. */
  chapters: string;
}
export const ITEMS: ProvisionUnit = { counter: '项措施', name: '措施', chapters: '个部分' };
const ARTICLES: ProvisionUnit = { counter: '条', name: '条文', chapters: '个部分' };
/** Titles of documents whose numbered units are articles (条), however they are numbered (一、 in a 办法). */
const ARTICLE_TITLE_RE = /(?:办法|规定|条例|细则|规则|准则|章程)$/u;

/** A 办法, 规定 or 条例 speaks of 条 (第五条), a 若干措施 or 意见 of 项措施. */
export function provisionUnit(doc: Pick<PolicyDocument, 'chapters' | 'provisionsTitle'>): ProvisionUnit {
  const articles = doc.chapters.some((c) => c.provisions.some((m) => provisionKind(m) === 'article')) || ARTICLE_TITLE_RE.test(doc.provisionsTitle);
  const chapters = doc.chapters.some((c) => chapterKind(c) === 'chapter') ? '章' : '个部分';
  return { ...(articles ? ARTICLES : ITEMS), chapters };
}

/** The headline without its closing 。, as a title. */
export function headlineTitle(headline: string): string {
  return headline.replace(/[。．.]$/u, '');
}

/** A block of a chapter in reading order: a provision, or a paragraph that is no provision (with its anchor id p2-1). */
export type ChapterBlock = { kind: 'provision'; provision: Provision } | { kind: 'paragraph'; id: string; paragraph: ChapterParagraph };

/** The id of a chapter's k-th paragraph that is no provision (1-based): p2-1. */
export function paragraphId(chapter: number, k: number): string {
  return `p${chapter}-${k}`;
}

/** A chapter's provisions and its other paragraphs, in the order of the text. */
export function chapterBlocks(c: Pick<Chapter, 'number' | 'provisions' | 'paragraphs'>): ChapterBlock[] {
  const paragraphs = (c.paragraphs ?? []).map((paragraph, i) => ({ kind: 'paragraph' as const, id: paragraphId(c.number, i + 1), paragraph }));
  const blocks: ChapterBlock[] = [];
  let next = 0;
  const flush = (upTo: number) => {
    while (next < paragraphs.length && paragraphs[next]!.paragraph.after <= upTo) blocks.push(paragraphs[next++]!);
  };
  c.provisions.forEach((provision, i) => {
    flush(i);
    blocks.push({ kind: 'provision', provision });
  });
  flush(Number.MAX_SAFE_INTEGER);
  return blocks;
}

/** Every provision of a document, in reading order. */
export function provisionsOf(doc: Pick<PolicyDocument, 'chapters'>): Provision[] {
  return doc.chapters.flatMap((c) => c.provisions);
}

/** The chapter a provision belongs to. */
export function chapterOf(doc: Pick<PolicyDocument, 'chapters'>, m: Pick<Provision, 'chapter'>): Chapter {
  const chapter = doc.chapters.find((c) => c.number === m.chapter);
  if (!chapter) throw new Error(`no chapter ${m.chapter}`);
  return chapter;
}

/** Registry ids of the responsible departments, in the order listed. */
export function departmentIds(m: Pick<Provision, 'attribution'>): string[] {
  return m.attribution?.departments.map((d) => d.slug) ?? [];
}

/** Ids of the lead departments: those the text marks 牵头, else the first listed. */
export function leadIds(m: Pick<Provision, 'attribution'>): string[] {
  const departments = m.attribution?.departments ?? [];
  const marked = departments.some((d) => d.role !== undefined);
  return (marked ? departments.filter((d) => d.role === 'lead') : departments.slice(0, 1)).map((d) => d.slug);
}

/** One body's responsibility for a provision: who, in what role, in which place of the list. */
export interface ProvisionResponsibility {
  /** The body's id (registry slug, or the slug of a body the registry lacks). */
  id: string;
  /** Its name as the attribution writes it. */
  abbr: string;
  /** 牵头 (lead) or 参与/配合 (partner): as the text marks them, else the first listed leads. */
  role: DepartmentRole;
  /** 1-based place in the list as written. */
  position: number;
}

/**
 * A provision's responsibilities: every body its attribution names, in the order listed, with its
 * role. The one place where "lead" is decided: task lists, the matrix, the graph, the summary, the
 * ledger, the CSVs and every total are built from it.
 */
export function responsibilitiesOf(m: Pick<Provision, 'attribution'>): ProvisionResponsibility[] {
  const leads = new Set(leadIds(m));
  return (m.attribution?.departments ?? []).map((d, i) => ({ id: d.slug, abbr: d.abbr, role: leads.has(d.slug) ? 'lead' : 'partner', position: i + 1 }));
}

/** The (first) lead department's id (牵头). */
export function leadId(m: Pick<Provision, 'attribution'>): string | undefined {
  return leadIds(m)[0];
}

/** Whether the list ends in 等部门按职责分工 (others may share the task). */
export function sharedWithOthers(m: Provision): boolean {
  return m.attribution?.etc ?? false;
}

/** The provision's text without its attribution (and without the line break before an attribution line). */
export function ownText(m: Pick<Provision, 'text' | 'attribution'>): string {
  if (!m.attribution || !m.text.endsWith(m.attribution.text)) return m.text;
  return m.text.slice(0, -m.attribution.text.length).replace(/\n$/u, '');
}

/** A document's attachments (附件), in order. */
export function attachmentsOf(doc: Pick<PolicyDocument, 'attachments'>): Attachment[] {
  return doc.attachments ?? [];
}

/** The 发文字号 in brackets, as it follows a title: （津就组字〔2020〕5号）; '' when the document has none. */
export function docNumberNote(doc: Pick<PolicyDocument, 'docNumber'>): string {
  return doc.docNumber ? `（${doc.docNumber}）` : '';
}

/** A document's citation title: the provisions' own title when the notice carries one, else the title. */
export function citedTitle(doc: Pick<PolicyDocument, 'title'> & Partial<Pick<PolicyDocument, 'provisionsTitle'>>): string {
  return doc.provisionsTitle || doc.title;
}

/** A title between book title marks, as Chinese text names a document: 《…》. */
export function bookTitle(title: string): string {
  return `《${title}》`;
}

/** A document as the text names it: 《citation title》. */
export function documentName(doc: Pick<PolicyDocument, 'title'> & Partial<Pick<PolicyDocument, 'provisionsTitle'>>): string {
  return bookTitle(citedTitle(doc));
}

/**
 * The registry in a reading order that does not depend on how the registry is stored: departments
 * in the order the attributions of the given documents first name them, then the rest in registry order.
 */
export function departmentOrder(registry: readonly Department[], docs: readonly Pick<PolicyDocument, 'chapters'>[]): Department[] {
  const first = new Map<string, number>();
  docs.flatMap(provisionsOf).flatMap(departmentIds).forEach((id, i) => { if (!first.has(id)) first.set(id, i); });
  const rank = (d: Department) => first.get(d.id) ?? Number.MAX_SAFE_INTEGER;
  return registry.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
}

/**
 * A known 发文字号 at the end of a run of text that ends in one: the Han run before 〔 may start
 * with other words (参照津就组字〔2020〕5号), so the longest suffix that `known` recognises is the
 * number, and what precedes it is text. Undefined when no suffix is known.
 */
export function knownDocNumber<T>(run: string, known: (number: string) => T | undefined): { before: string; number: string; match: T } | undefined {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    const number = chars.slice(i).join('');
    const match = known(number);
    if (match !== undefined) return { before: chars.slice(0, i).join(''), number, match };
  }
  return undefined;
}
