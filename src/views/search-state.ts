/**
 * The search page's state, as its address carries it (/search/?q=…&kind=fangan&sort=date&in=title),
 * so a search can be shared, reloaded and stepped through with the back button. Pure functions:
 * parse an address's query string, write one back (defaults left out, a fixed order), unit-tested
 * as a round trip (tests/unit/search-state.test.ts).
 */

/** The filters of the form, by their name in the address: document, chapter, department, and the library's filters. */
export const STATE_FILTERS = ['doc', 'chapter', 'dept', 'kind', 'issuer', 'status', 'year', 'topic'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** 相关度 (the default: exact matches first, by their occurrences) or 日期 (newest first). */
export const SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SORTS)[number];
/** 全文 (the default: the whole text) or 标题 (document titles and provision headlines only). */
export const SCOPES = ['all', 'title'] as const;
export type SearchScope = (typeof SCOPES)[number];

export type SearchState = { q: string; sort: SearchSort; scope: SearchScope } & Record<StateFilter, string>;

/** Nothing typed, nothing chosen. */
export const EMPTY_STATE: SearchState = {
  q: '', sort: 'relevance', scope: 'all', doc: '', chapter: '', dept: '', kind: '', issuer: '', status: '', year: '', topic: '',
};

/** The address parameters of the order and the scope (the filters use their own names). */
const SORT_PARAM = 'sort';
const SCOPE_PARAM = 'in';

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

/** The state an address's query string (`?q=…`, with or without the ?) holds; unknown values fall back to the defaults. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const out: SearchState = { ...EMPTY_STATE, q: p.get('q') ?? '' };
  for (const key of STATE_FILTERS) out[key] = p.get(key) ?? '';
  out.sort = oneOf(SORTS, p.get(SORT_PARAM), 'relevance');
  out.scope = oneOf(SCOPES, p.get(SCOPE_PARAM), 'all');
  return out;
}

/** The query string of a state, without the ?: the query trimmed, empty values and defaults left out ('' for none). */
export function searchQueryString(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const key of STATE_FILTERS) if (s[key]) p.set(key, s[key]);
  if (s.sort !== 'relevance') p.set(SORT_PARAM, s.sort);
  if (s.scope !== 'all') p.set(SCOPE_PARAM, s.scope);
  return p.toString();
}

/** Whether the state narrows the search by anything besides the words (a filter, or the 标题 scope). */
export function isFiltered(s: SearchState): boolean {
  return STATE_FILTERS.some((key) => s[key] !== '');
}
