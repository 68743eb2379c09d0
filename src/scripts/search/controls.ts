/**
 * The search form's library filters (文种, 发布机关, 时效性, 年份, 主题分类), its order (相关度 or
 * 日期) and its scope (全文 or 标题): read from the form, written back to it, and turned into
 * Pagefind filters. The options are the page's (src/pages/search/index.astro): each option's value
 * is the address's (a slug) and the Pagefind filter value unless a data-filter says otherwise
 * (时效性: its name); a data-label names it where its text does not (an indented sub-topic).
 */
import type { SearchScope, SearchSort, SearchState } from '../../views/search-state.ts';

/** The library's filters of the form, by their name in the address and as a Pagefind filter. */
export const LIBRARY_FILTERS = ['kind', 'issuer', 'status', 'year', 'topic'] as const;
type LibraryFilter = (typeof LIBRARY_FILTERS)[number];

export interface Controls {
  /** The page offers a filter only where the library has values for it (no 主题分类 select when no document is assigned a topic). */
  selects: Partial<Record<LibraryFilter, HTMLSelectElement>>;
  form: HTMLFormElement;
}

export function controlsOf(form: HTMLFormElement): Controls {
  const selects: Controls['selects'] = {};
  for (const k of LIBRARY_FILTERS) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${k}"]`);
    if (select) selects[k] = select;
  }
  return { selects, form };
}

const checked = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

/** What the controls say: the library's filters, the order and the scope. */
export function readControls(c: Controls): Pick<SearchState, LibraryFilter | 'sort' | 'scope'> {
  const values = Object.fromEntries(LIBRARY_FILTERS.map((k) => [k, c.selects[k]?.value ?? ''])) as Record<LibraryFilter, string>;
  return { ...values, sort: checked(c.form, 'sort') === 'date' ? 'date' : 'relevance', scope: checked(c.form, 'in') === 'title' ? 'title' : 'all' };
}

/** Sets the controls from a state; a value the page does not offer is dropped (as for the department). */
export function fillControls(c: Controls, s: SearchState): void {
  for (const k of LIBRARY_FILTERS) {
    const select = c.selects[k];
    if (!select) continue;
    select.value = [...select.options].some((o) => o.value === s[k]) ? s[k] : '';
  }
  const set = (name: string, value: SearchSort | SearchScope) => {
    for (const r of c.form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) r.checked = r.value === value;
  };
  set('sort', s.sort);
  set('in', s.scope);
}

/** The chosen library filters as Pagefind filters (each option's data-filter). */
export function libraryFilters(c: Controls): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of LIBRARY_FILTERS) {
    const o = c.selects[k]?.selectedOptions[0];
    if (o?.value) out[k] = o.dataset.filter ?? o.value;
  }
  return out;
}

/** A select's chosen value named with what it filters, by the select's label (文种：通知), without counts; '' for none chosen. */
export function chosenName(select: HTMLSelectElement): string {
  const o = select.selectedOptions[0];
  if (!o?.value) return '';
  const value = (o.dataset.label ?? o.text).trim();
  const label = select.labels?.[0]?.textContent?.trim();
  return label ? `${label}：${value}` : value;
}

/** How the status line and the folded summary name the chosen library filters, order and scope. */
export function namedControls(c: Controls, strings: Record<string, string>): string[] {
  const names = LIBRARY_FILTERS.map((k) => { const select = c.selects[k]; return select ? chosenName(select) : ''; });
  const { sort, scope } = readControls(c);
  return [...names, scope === 'title' ? strings.scopeTitleChosen! : '', sort === 'date' ? strings.sortDateChosen! : ''].filter(Boolean);
}

/** Calls `changed` whenever one of the controls changes. */
export function onControls(c: Controls, changed: () => void): void {
  for (const k of LIBRARY_FILTERS) c.selects[k]?.addEventListener('change', changed);
  for (const r of c.form.querySelectorAll<HTMLInputElement>('input[name="sort"], input[name="in"]')) r.addEventListener('change', changed);
}
