/**
 * The search form, read and written: its state (src/views/search-state.ts) and the address that
 * carries it, the Pagefind values of the chosen filters, the document and chapter choices a
 * search offers, how the chosen filters are named, and the filters' fold on a phone. The library's
 * filters, order and scope are controls.ts's.
 */
import type { Choice } from '../../views/search-facets.ts';
import { searchQueryString, type SearchState } from '../../views/search-state.ts';
import { splitWords } from '../../views/search-query.ts';
import { chosenName, fillControls, libraryFilters, namedControls, readControls } from './controls.ts';
import { fill, type View } from './view.ts';

/** What the form says. */
export function stateFromForm(v: View): SearchState {
  return { q: v.input.value, doc: v.docSelect.value, chapter: v.chapterSelect.value, dept: v.deptSelect.value, ...readControls(v.controls) };
}

/** The address of a state on this page. */
export function urlFor(s: SearchState): string {
  const qs = searchQueryString(s);
  return location.pathname + (qs ? `?${qs}` : '');
}

/** The Pagefind values of the chosen department (its abbreviation) and library filters (filtersOf() in src/views/search-session.ts). */
export function chosenFilters(v: View): Record<string, string> {
  const dept = v.deptSelect.selectedOptions[0];
  return { ...(dept?.value && dept.dataset.filter ? { department: dept.dataset.filter } : {}), ...libraryFilters(v.controls) };
}

/** An option of a select; `label` is how the status line names it (the text may add a count). */
function option(value: string, text: string, label?: string): HTMLOptionElement {
  const o = new Option(text, value);
  if (label !== undefined) o.dataset.label = label;
  return o;
}

/** A choice as the select shows it: 天津市…措施（津就组字〔2020〕5号）　12 条 (约 12 条 before every candidate is checked). */
function choiceText(v: View, c: Choice, approximate: boolean): string {
  if (c.count === null) return c.label;
  return `${c.label}　${fill(approximate ? v.strings.choiceApprox! : v.strings.choiceCount!, { n: c.count })}`;
}

/**
 * Replaces a select's options after its first ("any") with the choices, keeping the chosen value:
 * where the counts do not name it (an unknown id), it stays as an option showing the bare value.
 */
export function setChoices(v: View, select: HTMLSelectElement, choices: readonly Choice[], chosen: string, approximate: boolean): void {
  const options = choices.map((c) => option(c.value, choiceText(v, c, approximate), c.label));
  if (chosen && !choices.some((c) => c.value === chosen)) options.unshift(option(chosen, chosen));
  select.replaceChildren(select.options[0]!, ...options);
  select.value = chosen;
}

/** The "any" option of the chapter select: 请先选择文件 until a document is chosen (several documents). */
export function setAnyText(v: View): void {
  if (v.singleDocument) return;
  v.chapterSelect.options[0]!.text = v.docSelect.value ? v.strings.any! : v.strings.chooseDocument!;
  v.chapterSelect.disabled = !v.docSelect.value;
}

/** A chapter belongs to its document: choosing another document starts from every chapter. */
export function clearChapters(v: View): void {
  v.chapterSelect.replaceChildren(v.chapterSelect.options[0]!);
  setAnyText(v);
}

/** Sets the form from a state (an address opened, back/forward). */
export function fillForm(v: View, s: SearchState): void {
  v.input.value = s.q;
  const offered = (select: HTMLSelectElement, value: string) => ([...select.options].some((o) => o.value === value) ? value : '');
  if (v.singleDocument) {
    v.docSelect.value = offered(v.docSelect, s.doc);
    v.chapterSelect.value = offered(v.chapterSelect, s.chapter);
  } else {
    // The chosen document and chapter stay chosen; the search names them (showChoices in render.ts).
    const keep = (select: HTMLSelectElement, value: string) => {
      if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value));
      select.value = value;
    };
    keep(v.docSelect, s.doc);
    if (!s.doc) v.chapterSelect.replaceChildren(v.chapterSelect.options[0]!);
    keep(v.chapterSelect, s.doc ? s.chapter : '');
    setAnyText(v);
  }
  v.deptSelect.value = offered(v.deptSelect, s.dept);
  fillControls(v.controls, s);
}

/** The chosen filters, named: document (several documents), chapter, department, the library's filters, scope and order. */
export function namedFilters(v: View): string[] {
  return [v.singleDocument ? '' : chosenName(v.docSelect), chosenName(v.chapterSelect), chosenName(v.deptSelect), ...namedControls(v.controls, v.strings)].filter(Boolean);
}

/** What was searched: “落户” “户口”（文种：通知，按日期从新到旧）; the filters alone when no word was typed. */
export function describe(v: View, words: readonly string[]): string {
  const filters = namedFilters(v).join('，');
  if (!words.length) return filters;
  return words.map((w) => `“${w}”`).join(' ') + (filters ? `（${filters}）` : '');
}

/** The summary of the folded filters names the chosen ones. */
export function showChosen(v: View): void {
  const what = namedFilters(v).join('，');
  v.chosen.textContent = what ? fill(v.strings.filtersChosen!, { what }) : '';
}

/**
 * With a query on a phone, the filters fold under their summary and the help text goes, so the
 * results start on the first screen; without one, or on a wider screen, they stay open. Called
 * for a search the reader starts (a query typed, a page opened), not for a filter chosen.
 */
export function foldFilters(v: View, s: SearchState): void {
  const query = splitWords(s.q).length > 0;
  v.root.toggleAttribute('data-query', query);
  v.fold.open = !(query && v.narrow.matches);
}
