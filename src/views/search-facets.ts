/**
 * The search page's document and chapter choices, read from the search itself (pure functions,
 * unit-tested in tests/unit/search-facets.test.ts). The page lists no document: Pagefind returns,
 * with each search, how many of its results carry each value of a filter it has loaded, and the
 * docName and chapterName filter values name the document (`jjzz-2020-5 title（发文字号）`) or the
 * chapter (`2 第二部分 …`), see src/views/search-fields.ts. So the choices are the documents (and,
 * within one document, the chapters) where the search finds something, with counts, and nothing
 * on the page grows with the library.
 */
import { parseChapterFilter, parseDocumentFilter } from './search-fields.ts';

/** Pagefind's counts for one filter: value → number of results. */
export type FilterCounts = Record<string, number>;

export interface Choice {
  /** The URL's value and the doc or chapter filter's: a document id (doc=jjzz-2020-5), a chapter number (chapter=2). */
  value: string;
  /** How the choice is named: title（发文字号）, 第二部分 畅通…. */
  label: string;
  /** Results in it; null when not counted (a chapter listed without a query). */
  count: number | null;
}

/** Counts of several Pagefind queries (the candidates are their union): each value's largest count. */
export function mergeCounts(counts: readonly (FilterCounts | undefined)[]): FilterCounts {
  const out: FilterCounts = {};
  for (const c of counts) for (const [k, n] of Object.entries(c ?? {})) out[k] = Math.max(out[k] ?? 0, n);
  return out;
}

/**
 * The documents to offer: those with results, most results first (ties by label), and the chosen
 * one even where it has none. `counts` are Pagefind's candidates; `exact`, where given, are the
 * exact matches per document id once every candidate has been checked, and replace them.
 */
export function documentChoices(counts: FilterCounts, chosen = '', exact?: ReadonlyMap<string, number>): Choice[] {
  const out: Choice[] = [];
  for (const [filter, n] of Object.entries(counts)) {
    const d = parseDocumentFilter(filter);
    if (!d) continue;
    const count = exact ? exact.get(d.id) ?? 0 : n;
    if (count > 0 || d.id === chosen) out.push({ value: d.id, label: d.label, count });
  }
  return out.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'zh-CN') || a.value.localeCompare(b.value));
}

/**
 * The chapters of one document, in order: `all` are the counts of a filter-only search in that
 * document (every chapter that holds a provision), `hits` the search's counts within it (absent
 * without a query: every chapter is offered, uncounted).
 */
export function chapterChoices(all: FilterCounts, hits?: FilterCounts): Choice[] {
  const out: Choice[] = [];
  for (const [filter, n] of Object.entries(all)) {
    const c = parseChapterFilter(filter);
    if (c && n > 0) out.push({ value: String(c.number), label: c.title, count: hits ? hits[filter] ?? 0 : null });
  }
  return out.sort((a, b) => Number(a.value) - Number(b.value));
}
