/**
 * The search page's elements (src/pages/search/index.astro), looked up once, and what the page
 * tells the script: its strings (src/site/strings.ts, as data-strings), where Pagefind, the
 * lexicon and the vocabulary are (data-bundle, data-base, data-lexicon, data-words), and whether
 * it holds one document. The form (form.ts), the renderer (render.ts) and the wiring
 * (../search.ts) share this one object.
 */
import { controlsOf, type Controls } from './controls.ts';

export interface View {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  docSelect: HTMLSelectElement;
  chapterSelect: HTMLSelectElement;
  deptSelect: HTMLSelectElement;
  /** 文种, 发布机关, 时效性, 年份, 主题分类; 相关度 or 日期; 全文 or 标题. */
  controls: Controls;
  /** The filters' fold and its summary (the chosen filters named). */
  fold: HTMLDetailsElement;
  chosen: HTMLElement;
  box: HTMLElement;
  status: HTMLElement;
  direct: { section: HTMLElement; list: HTMLOListElement; more: HTMLElement };
  exactList: HTMLOListElement;
  /** The 继续查找 row: how far the exact pass got, and its button. */
  continueRow: HTMLElement;
  progress: HTMLElement;
  nextButton: HTMLButtonElement;
  via: { section: HTMLElement; list: HTMLOListElement };
  partial: { section: HTMLElement; list: HTMLOListElement };
  apart: { section: HTMLElement; list: HTMLOListElement };
  suggestLine: HTMLElement;
  /** A phone: once a query is present, the filters fold away so the results start on the first screen. */
  narrow: MediaQueryList;
  strings: Record<string, string>;
  /**
   * With one document, the page lists it and its chapters (the filters are those options); with
   * several, it lists none: the choices come from each search (src/views/search-facets.ts).
   */
  singleDocument: boolean;
  /** Pagefind's bundle, the site's base, the lexicon and the vocabulary (URLs). */
  bundle: string;
  base: string;
  lexiconUrl: string;
  wordsUrl: string;
}

export function viewOf(doc: Document): View {
  const form = doc.querySelector<HTMLFormElement>('#pe-search-form')!;
  const box = doc.querySelector<HTMLElement>('#pe-search-results')!;
  const inForm = <T extends Element>(selector: string) => form.querySelector<T>(selector)!;
  const inBox = <T extends Element>(selector: string) => box.querySelector<T>(selector)!;
  const section = (id: string) => ({ section: inBox<HTMLElement>(`#pe-search-${id}`), list: inBox<HTMLOListElement>(`#pe-search-${id}-list`) });
  return {
    root: doc.querySelector<HTMLElement>('.pe-search')!,
    form,
    input: inForm('input[name="q"]'),
    docSelect: inForm('select[name="doc"]'),
    chapterSelect: inForm('select[name="chapter"]'),
    deptSelect: inForm('select[name="dept"]'),
    controls: controlsOf(form),
    fold: inForm('#pe-search-fold'),
    chosen: inForm('#pe-search-chosen'),
    box,
    status: inBox('#pe-search-status'),
    direct: { ...section('direct'), more: inBox('#pe-search-direct-more') },
    exactList: inBox('#pe-search-exact'),
    continueRow: inBox('#pe-search-continue'),
    progress: inBox('#pe-search-progress'),
    nextButton: inBox('#pe-search-next'),
    via: section('via'),
    partial: section('partial'),
    apart: section('apart'),
    suggestLine: inBox('#pe-search-suggest'),
    narrow: window.matchMedia('(max-width: 47.99em)'),
    strings: JSON.parse(box.dataset.strings!) as Record<string, string>,
    singleDocument: form.dataset.documents === '1',
    bundle: form.dataset.bundle!,
    base: form.dataset.base!,
    lexiconUrl: form.dataset.lexicon!,
    wordsUrl: form.dataset.words!,
  };
}

/** A string with its {placeholders} filled; numbers as Chinese readers write them (9,697). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    return typeof v === 'number' ? v.toLocaleString('zh-CN') : v ?? '';
  });
}

/** “落户”“户口” */
export const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('');
