/**
 * The search record of a page, derived from the model: Pagefind metadata and filter values.
 * Pure functions, shared by the pages (what is indexed) and the search page (filter choices).
 */
import { chapterLabel, headlineTitle, measureLabel } from './citation.ts';

export interface SearchFields {
  kind: 'measure' | 'document';
  /** Measure id (2-1), or 'document' for the notice and preamble. */
  id: string;
  /** Position in reading order: 0 for the notice, then 1, 2, … for the measures. */
  order: number;
  /** Shown as the result's heading. */
  label: string;
  headline: string;
  /** Chapter filter value, see chapterFilterValue(); absent for the notice. */
  chapter?: string | undefined;
  /** Department abbreviations as the text writes them, lead first. */
  departments?: readonly string[] | undefined;
  /** The page's indexed text (markup allowed), for extra number terms; see numberTerms(). */
  text?: string | undefined;
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

/** The chapter filter value: 第二部分 畅通有序流动渠道，激发社会性流动活力 */
export function chapterFilterValue(number: number, title: string): string {
  return `${chapterLabel(number)} ${title}`;
}

export function measureSearchFields(m: {
  id: string; chapter: number; number: number; headline: string;
}, chapterTitle: string, departmentAbbrs: readonly string[], order: number, text?: string): SearchFields {
  return {
    text,
    kind: 'measure',
    id: m.id,
    order,
    label: `${chapterLabel(m.chapter)}${measureLabel(m.number)}`,
    headline: headlineTitle(m.headline),
    chapter: chapterFilterValue(m.chapter, chapterTitle),
    departments: departmentAbbrs,
  };
}

/** Pagefind metadata (one string each) and filters (lists of values). */
export function searchFields(f: SearchFields): { meta: Record<string, string>; filters: Record<string, string[]> } {
  const meta: Record<string, string> = {
    title: `${f.label} ${f.headline}`,
    kind: f.kind,
    id: f.id,
    order: String(f.order),
    label: f.label,
    headline: f.headline,
  };
  if (f.chapter) meta.chapter = f.chapter;
  if (f.departments?.length) meta.departments = f.departments.join('、');
  const terms = f.text ? numberTerms(f.text) : '';
  if (terms) meta.terms = terms;
  const filters: Record<string, string[]> = {};
  if (f.chapter) filters.chapter = [f.chapter];
  if (f.departments?.length) filters.department = [...new Set(f.departments)];
  return { meta, filters };
}
