/**
 * The search record of a page, derived from the model: Pagefind metadata and filter values.
 * Pure functions, shared by the pages (what is indexed) and the search page (filter choices).
 */
import { chapterLabel, chapterOf, citedTitle, departmentIds, headlineTitle, provisionsOf, citedLabel } from '../model/derive.ts';
import type { Chapter, Department, Provision, PolicyDocument } from '../model/types.ts';
import { documentKeys, provisionKeys } from './provision-query.ts';
import { outOfForce, type Status, type StatusView } from '../model/status.ts';
import type { FacetKind } from './library.ts';

export interface SearchFields {
  kind: 'provision' | 'document';
  /** Provision id (2-1), or 'document' for the notice and preamble. */
  id: string;
  /** The document's id, how results name it (its title and 发文字号), and its rank in the library (0 = newest). */
  document: {
    id: string; title: string; docNumber: string | null; rank: number;
    /** Its 时效性 on the build day (src/model/status.ts), and whether it is no longer in force (失效, 已废止). */
    status?: Status | undefined; outOfForce?: boolean | undefined;
    /** Its date (发布日期, else 成文日期; ISO 8601), the search's 日期 order; absent for an undated copy. */
    date?: string | undefined;
    /** The slugs of the library's filters it is listed under (src/site/library.ts, facetSlugsOf): the search's filters. */
    facets?: Partial<Record<FacetKind, readonly string[]>> | undefined;
  };
  /** Position in reading order within the document: 0 for the notice, then 1, 2, … for the provisions. */
  order: number;
  /** Shown as the result's heading. */
  label: string;
  headline: string;
  /** The provision's chapter: its number and how it is named (第二部分 畅通…); absent for the notice and where a document has no chapters. */
  chapter?: { number: number; title: string } | undefined;
  /** Department abbreviations as the text writes them, lead first. */
  departments?: readonly string[] | undefined;
  /** The page's indexed text (markup allowed), for extra number terms; see numberTerms(). */
  text?: string | undefined;
  /** A provision's number keys (2-1, a5…), for queries that name it; see provisionKeys(). */
  provision?: readonly string[] | undefined;
}

/**
 * Extra index terms for the middle of numbers. Pagefind matches a query word against the start
 * of indexed words, so 19 finds 19… but not 2019, and 6号 misses 56号. Every suffix of every
 * digit/Latin run of the text (2019 → 019 19 9) makes any part of a number the start of a term.
 * They go in metadata, which Pagefind indexes but does not show or return as page text.
 */
export function numberTerms(text: string): string {
  const terms = new Set<string>();
  for (const run of text.replace(/<[^>]*>/g, ' ').match(/[\p{N}\p{Script=Latin}]+/gu) ?? []) {
    for (let i = 1; i < run.length; i++) terms.add(run.slice(i));
  }
  return [...terms].join(' ');
}

/** How a chapter is named in results and in the chapter filter: 第二部分 畅通有序流动渠道，激发社会性流动活力 */
export function chapterTitle(chapter: Pick<Chapter, 'number' | 'kind' | 'title'>): string {
  return `${chapterLabel(chapter)} ${chapter.title}`.trim();
}

/**
 * The chapterName filter value: the chapter's number, a space and its title (`2 第二部分 畅通…`),
 * which the search page reads back from Pagefind's counts (parseChapterFilter) to offer a
 * document's chapters. Searches filter on `chapter` (the number alone, as in the URL's chapter=2),
 * always together with the document: chapter numbers repeat across documents.
 */
export function chapterFilterValue(chapter: { number: number; title: string }): string {
  return `${chapter.number} ${chapter.title}`;
}

/** The number and the title of a chapterName filter value. */
export function parseChapterFilter(value: string): { number: number; title: string } | null {
  const m = /^(\d+) (.*)$/su.exec(value);
  return m ? { number: Number(m[1]), title: m[2]! } : null;
}

/** The document a search record belongs to. */
export function searchDocument(doc: PolicyDocument, rank: number, status?: StatusView, facets?: SearchFields['document']['facets']): SearchFields['document'] {
  const date = doc.meta?.published ?? doc.dateISO ?? undefined;
  return {
    id: doc.id, title: citedTitle(doc), docNumber: doc.docNumber, rank, ...(status ? { status: status.status, outOfForce: outOfForce(status) } : {}),
    ...(date ? { date } : {}), ...(facets ? { facets } : {}),
  };
}

/**
 * The 日期 order's key (Pagefind's data-pagefind-sort): the date, or 0000-00-00 for an undated
 * copy. Every indexed page has one: Pagefind leaves a page without the key out of a sorted search.
 */
export function sortDate(d: Pick<SearchFields['document'], 'date'>): string {
  return d.date ?? '0000-00-00';
}

/** The library's filters the search offers as Pagefind filters (values: the facet slugs); 时效性 keeps its own filter (status). */
export const SEARCH_FACETS = ['kind', 'issuer', 'year', 'topic'] as const;

export function provisionSearchFields(doc: PolicyDocument, rank: number, m: Provision, registry: readonly Department[], text?: string, status?: StatusView,
  facets?: SearchFields['document']['facets']): SearchFields {
  const abbrs = new Map(registry.map((d) => [d.id, d.abbr]));
  return {
    text,
    kind: 'provision',
    id: m.id,
    document: searchDocument(doc, rank, status, facets),
    order: provisionsOf(doc).indexOf(m) + 1,
    label: citedLabel(m),
    headline: headlineTitle(m.headline),
    chapter: chapterOf(doc, m).kind === 'none' ? undefined : { number: chapterOf(doc, m).number, title: chapterTitle(chapterOf(doc, m)) },
    departments: departmentIds(m).map((id) => abbrs.get(id) ?? id),
    provision: provisionKeys(m),
  };
}

/** Room for the provisions of one document in the library-wide reading order. */
const ORDER_STRIDE = 100_000;

/** How results and the document filter name a document: its title and 发文字号, title（发文字号）. */
export function documentLabel(d: Pick<SearchFields['document'], 'title' | 'docNumber'>): string {
  return d.docNumber ? `${d.title}（${d.docNumber}）` : d.title;
}

/**
 * The docName filter value: the document's id, a space and its label
 * (`jjzz-2020-5 天津市…若干措施（津就组字〔2020〕5号）`). The search page offers the documents that
 * a search finds, read back from Pagefind's counts of this filter (parseDocumentFilter), so the
 * page itself lists none. Searches filter on `doc`, the id alone (the URL's doc=jjzz-2020-5): that
 * filter is small, so a search in one document never loads the names of all the others.
 */
export function documentFilterValue(d: Pick<SearchFields['document'], 'id' | 'title' | 'docNumber'>): string {
  return `${d.id} ${documentLabel(d)}`;
}

/** The id and the label of a docName filter value. */
export function parseDocumentFilter(value: string): { id: string; label: string } | null {
  const m = /^(\S+) (.*)$/su.exec(value);
  return m ? { id: m[1]!, label: m[2]! } : null;
}

/** Pagefind metadata (one string each), filters (lists of values) and sort keys (one string each). */
export function searchFields(f: SearchFields): { meta: Record<string, string>; filters: Record<string, string[]>; sort: Record<string, string> } {
  const meta: Record<string, string> = {
    title: `${f.label} ${f.headline}`,
    kind: f.kind,
    id: f.id,
    document: f.document.id,
    documentTitle: f.document.title,
    ...(f.document.docNumber ? { docNumber: f.document.docNumber } : {}),
    // Reading order across the library: documents newest first, then the order within each.
    order: String(f.document.rank * ORDER_STRIDE + f.order),
    label: f.label,
    headline: f.headline,
  };
  if (f.chapter) meta.chapter = f.chapter.title;
  if (f.departments?.length) meta.departments = f.departments.join('、');
  const terms = f.text ? numberTerms(f.text) : '';
  if (terms) meta.terms = terms;
  const filters: Record<string, string[]> = { doc: [f.document.id], docName: [documentFilterValue(f.document)] };
  if (f.chapter) {
    filters.chapter = [String(f.chapter.number)];
    filters.chapterName = [chapterFilterValue(f.chapter)];
  }
  if (f.departments?.length) filters.department = [...new Set(f.departments)];
  // Queries that name a place (src/views/provision-query.ts): a provision by its number, a
  // document by its 发文字号 or title (on the notice's record only, so the lookup finds one page).
  if (f.provision?.length) filters.provision = [...f.provision];
  if (f.kind === 'document') filters.place = documentKeys(f.document);
  // 时效性: a filter of every record, and a mark on those of documents no longer in force, which
  // the search page shows and ranks after the others (src/views/search-session.ts ranks, src/scripts/search-status.ts marks).
  if (f.document.status) filters.status = [f.document.status];
  if (f.document.outOfForce && f.document.status) meta.outOfForce = f.document.status;
  // 文种, 发文机关, 年份, 主题分类: the slugs of the library's filter pages (/library/<facet>/<slug>/).
  for (const key of SEARCH_FACETS) {
    const values = f.document.facets?.[key];
    if (values?.length) filters[key] = [...values];
  }
  if (f.document.date) meta.date = f.document.date;
  return { meta, filters, sort: { date: sortDate(f.document) } };
}
