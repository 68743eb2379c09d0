/**
 * The search page's results, drawn from a search session (src/views/search-session.ts): the
 * status line, 直接打开, the exact matches, the 继续查找 row, the matches through alternatives, the
 * words apart, 您是不是要找, the partial matches, and the document and chapter choices. Everything
 * here builds DOM from the session's data; nothing searches.
 */
import { bookTitle } from '../../model/derive.ts';
import { chapterChoices, documentChoices } from '../../views/search-facets.ts';
import { documentLabel } from '../../views/search-fields.ts';
import type { Alternative } from '../../views/search-lexicon.ts';
import { PARAGRAPH, relationMarks, type WordMatch, type WordRelation } from '../../views/search-match.ts';
import { MAX_QUERY_LENGTH, type MarkedRun } from '../../views/search-query.ts';
import { complete, excerptOf, foundMarks, partialMatches, type Direct, type Hit, type Session } from '../../views/search-session.ts';
import { statusMark } from '../search-status.ts';
import { describe, setAnyText, setChoices, showChosen, stateFromForm, urlFor } from './form.ts';
import { fill, quoted, type View } from './view.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.append(...children);
  return e;
}

/** An excerpt's runs as nodes: the marked ones in <mark>. */
export function segmentsToNodes(segments: MarkedRun[]): Node[] {
  return segments.map((seg) => {
    // A paragraph's end shows as a space (Pagefind's ". ", see paragraphs()).
    if (!seg.mark) return document.createTextNode(seg.text.replaceAll(PARAGRAPH, '　'));
    const mark = document.createElement('mark');
    mark.textContent = seg.text;
    return mark;
  });
}

/** Why a result found through alternatives is listed: 按近义词“户籍”找到；按部门简称“市教委”找到. */
function viaLabel(v: View, met: WordMatch[], alternatives: Map<string, Alternative['via']>): string {
  const found = (kind: Alternative['via']) => [...new Set(met.filter((m) => m.via).flatMap((m) => m.found.filter((f) => alternatives.get(f) === kind)))];
  const thesaurus = found('thesaurus');
  const departments = found('department');
  const bits = [];
  if (thesaurus.length) bits.push(fill(v.strings.viaThesaurus!, { terms: quoted(thesaurus) }));
  if (departments.length) bits.push(fill(v.strings.viaDepartment!, { terms: quoted(departments) }));
  return bits.join('；');
}

/** How a partial match relates to the query: 含“落户”；不含“户口”；不含“海河人才”，只含其中的“海河”“人才”. */
function relationLabel(v: View, rel: WordRelation[]): string {
  const whole = rel.filter((r) => r.whole).map((r) => r.word);
  const bits = [];
  if (whole.length) bits.push(fill(v.strings.contains!, { words: quoted(whole) }));
  for (const r of rel.filter((x) => !x.whole && x.pieces.length)) bits.push(fill(v.strings.onlyPieces!, { word: quoted([r.word]), pieces: quoted(r.pieces) }));
  const none = rel.filter((r) => !r.whole && !r.pieces.length).map((r) => r.word);
  if (none.length) bits.push(fill(v.strings.lacks!, { words: quoted(none) }));
  return bits.join('；');
}

interface HitOptions {
  heading: 'h2' | 'h3';
  /** What to mark in the excerpt and on the page the result leads to. */
  marks: string[];
  /** A line that says why the result is listed. */
  note?: string | undefined;
  /** Add a 直接打开 link. */
  open?: boolean | undefined;
}

export function renderHit(v: View, o: Session, hit: Hit, opts: HitOptions): HTMLLIElement {
  const { data } = hit;
  const li = element('li', 'pe-result');
  li.dataset.id = data.meta.id ?? '';
  li.dataset.exact = hit.counts ? 'true' : 'false';
  const h = element(opts.heading, 'pe-result__title');
  const a = document.createElement('a');
  const href = new URL(data.url, location.href);
  if (opts.marks.length) href.searchParams.set('highlight', opts.marks.join(' '));
  const link = href.pathname + href.search + href.hash;
  a.href = link;
  a.append(element('span', 'pe-result__label', data.meta.label ?? ''), data.meta.headline ?? data.meta.title ?? '');
  h.append(a);
  const mark = statusMark(data.meta);
  if (mark) h.append(' ', mark);
  if (!v.singleDocument && data.meta.documentTitle)
    h.append(element('span', 'pe-result__doc', `${v.strings.inDocument}${bookTitle(data.meta.documentTitle)}${data.meta.docNumber ? `（${data.meta.docNumber}）` : ''}`));
  li.append(h);
  if (opts.note) li.append(element('p', 'pe-result__why', opts.note));
  li.append(element('p', 'pe-result__excerpt', ...segmentsToNodes(excerptOf(o, hit, opts.marks))));
  const metaBits: string[] = [];
  if (hit.counts && opts.marks.length && !hit.via) metaBits.push(fill(v.strings.occurrences!, { n: hit.counts.reduce((x, y) => x + y, 0) }));
  if (data.meta.departments) metaBits.push(`${v.strings.departmentsOf}${data.meta.departments}`);
  if (metaBits.length) li.append(element('p', 'pe-result__meta', metaBits.join(' · ')));
  if (opts.open) li.append(openLink(v, link, `${data.meta.label ?? ''} ${data.meta.headline ?? ''}`));
  return li;
}

/** The 直接打开 link: its accessible name starts with what it shows and says what it opens. */
function openLink(v: View, href: string, what: string): HTMLParagraphElement {
  const a = element('a', 'pe-button pe-result__open', v.strings.open!, element('span', 'pe-visually-hidden', `：${what}`));
  a.href = href;
  return element('p', 'pe-result__actions', a);
}

/** How a department's task list or a reader group's page is named under 直接打开. */
function directTitle(v: View, d: Exclude<Direct, { kind: 'page' }>): string {
  return d.kind === 'department' ? fill(v.strings.departmentLink!, { abbr: d.abbr, name: d.name }) : fill(v.strings.groupLink!, { name: d.name, n: d.count });
}

function renderDirect(v: View, o: Session, d: Direct): HTMLLIElement {
  if (d.kind === 'page') {
    const li = renderHit(v, o, d.hit, { heading: 'h3', marks: d.hit.counts && d.hit.counts.length ? o.words : [], open: true });
    li.classList.add('pe-result--direct');
    return li;
  }
  const title = directTitle(v, d);
  const li = element('li', 'pe-result pe-result--direct');
  li.dataset.kind = 'link';
  const a = element('a', '', title);
  a.href = d.href;
  li.append(element('h3', 'pe-result__title', a), openLink(v, d.href, title));
  return li;
}

/** The status line: what was searched, what opens directly, how many exact matches, how many through alternatives. */
export function statusText(v: View, o: Session): string {
  const { strings } = v;
  const what = describe(v, o.words);
  const parts: string[] = [];
  const done = complete(o);
  if (o.cut) parts.push(fill(strings.cut!, { n: MAX_QUERY_LENGTH }));
  if (o.folded) parts.push(fill(strings.folded!, { q: o.words.map((w) => `“${w}”`).join(' ') }));
  if (o.direct.length) parts.push(fill(strings.directFound!, { n: o.direct.length, what }));
  if (o.exact.length) {
    const template = o.words.length ? (done ? strings.found : strings.foundSoFar) : done ? strings.foundFiltered : strings.foundFilteredSoFar;
    parts.push(fill(template!, { n: o.exact.length, what }));
  } else if (!done) parts.push(fill(strings.noneYet!, { what }));
  else if (o.via.length) parts.push(fill(strings.viaOnly!, { n: o.via.length, what }));
  else if (o.apart.length) parts.push(fill(strings.noneApart!, { n: o.apart.length, what }));
  else if (!o.direct.length) parts.push(fill(o.words.length ? strings.none! : strings.noneFiltered!, { what }));
  if ((o.exact.length || !done) && o.via.length) parts.push(fill(strings.viaFound!, { n: o.via.length }));
  if (o.via.length && o.apart.length) parts.push(fill(strings.apartFound!, { n: o.apart.length }));
  return parts.join('；');
}

/** Exact matches per document id, or per chapter title (results name their chapter by its title). */
function tally(hits: readonly Hit[], key: 'document' | 'chapter'): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of hits) {
    const k = h.data.meta[key];
    if (k) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/**
 * The document and chapter choices (several documents): where the search finds something, with
 * counts. Pagefind's counts are of candidates (约 12 条); once every candidate is checked, the
 * exact matches are counted instead, where the search counted them (nothing chosen at that level).
 * Before the counts arrive, a chosen document is named by a result from it.
 */
export function showChoices(v: View, o: Session): void {
  if (v.singleDocument) return;
  const { docSelect, chapterSelect } = v;
  const doc = typeof o.filters.doc === 'string' ? o.filters.doc : '';
  const chapter = typeof o.filters.chapter === 'string' ? o.filters.chapter : '';
  const exact = complete(o) && o.words.length > 0;
  if (o.documentCounts) {
    const byDocument = exact && !doc ? tally(o.exact, 'document') : undefined;
    setChoices(v, docSelect, documentChoices(o.documentCounts, doc, byDocument), doc, o.words.length > 0 && !byDocument);
  } else if (doc && docSelect.selectedOptions[0] && !docSelect.selectedOptions[0].dataset.label) {
    const from = [...o.exact, ...o.via, ...o.partialPool].find((h) => h.data.meta.document === doc)?.data.meta;
    if (from?.documentTitle) {
      const label = documentLabel({ title: from.documentTitle, docNumber: from.docNumber ?? null });
      Object.assign(docSelect.selectedOptions[0], { text: label }).dataset.label = label;
    }
  }
  if (doc && o.chapters) {
    const choices = chapterChoices(o.chapters, o.words.length ? o.chapterCounts : undefined);
    const byChapter = exact && !chapter ? tally(o.exact, 'chapter') : undefined;
    if (byChapter) for (const c of choices) c.count = byChapter.get(c.label) ?? 0;
    setChoices(v, chapterSelect, choices, chapter, o.words.length > 0 && !byChapter);
  }
  setAnyText(v);
}

/** 您是不是要找：“户籍”: each a link to the search with that word in place of the one typed. */
export function showSuggestions(v: View, o: Session): void {
  const links = o.suggested.flatMap(({ word, words }) => words.map((w) => {
    const a = document.createElement('a');
    const q = o.words.map((x) => (x === word ? w : x)).join(' ');
    a.href = urlFor({ ...stateFromForm(v), q });
    a.textContent = w;
    a.lang = 'zh-CN';
    return a;
  }));
  v.suggestLine.replaceChildren(...(links.length ? [v.strings.suggest!, ...links] : []));
  v.suggestLine.hidden = links.length === 0;
}

/** The 继续查找 row under the exact matches: how many candidates are checked, out of how many. */
export function showProgress(v: View, o: Session): void {
  v.continueRow.hidden = complete(o);
  v.progress.textContent = fill(v.strings.progress!, { checked: o.checked, total: o.candidates.length });
  v.nextButton.removeAttribute('aria-disabled');
  v.nextButton.textContent = v.strings.next!;
}

/** The 继续查找 button while a batch is checked. */
export function showChecking(v: View): void {
  v.nextButton.setAttribute('aria-disabled', 'true');
  v.nextButton.textContent = v.strings.checking!;
}

export function renderExact(v: View, o: Session, hits: readonly Hit[]): HTMLLIElement[] {
  return hits.map((h) => renderHit(v, o, h, { heading: 'h2', marks: o.words }));
}

/** The first results: 直接打开, the exact matches, and the rest. */
export function renderFirst(v: View, o: Session): void {
  v.direct.list.replaceChildren(...o.direct.map((d) => renderDirect(v, o, d)));
  v.direct.more.textContent = o.directMore ? fill(v.strings.directMore!, { n: o.directMore }) : '';
  v.direct.section.hidden = o.direct.length === 0;
  v.exactList.replaceChildren(...renderExact(v, o, o.exact));
  renderRest(v, o);
}

/**
 * 继续查找's exact matches `found`, added to the list: 日期 draws the list again in its order;
 * 相关度 appends them after the others. Returns the item of the first of them, if any.
 */
export function renderFound(v: View, o: Session, found: readonly Hit[]): HTMLLIElement | undefined {
  if (o.sort === 'date') {
    const items = renderExact(v, o, o.exact);
    v.exactList.replaceChildren(...items);
    return found.length ? items[o.exact.indexOf(found[0]!)] : undefined;
  }
  const items = renderExact(v, o, found);
  v.exactList.append(...items);
  return items[0];
}

/** The sections below the exact matches, drawn again after every batch. */
export function renderRest(v: View, o: Session): void {
  showChoices(v, o);
  showChosen(v);
  v.status.textContent = statusText(v, o);
  v.via.list.replaceChildren(...o.via.map((h) => renderHit(v, o, h, { heading: 'h3', marks: foundMarks(h), note: viaLabel(v, h.via!, o.kinds) })));
  v.via.section.hidden = o.via.length === 0;
  v.apart.list.replaceChildren(...o.apart.map((h) => {
    const found = foundMarks(h);
    return renderHit(v, o, h, { heading: 'h3', marks: found, note: fill(v.strings.apartLabel!, { words: quoted(found) }) });
  }));
  v.apart.section.hidden = o.apart.length === 0;
  showSuggestions(v, o);
  const partial = partialMatches(o);
  v.partial.list.replaceChildren(...partial.map((h) => renderHit(v, o, h, { heading: 'h3', marks: relationMarks(h.relation!), note: relationLabel(v, h.relation!) })));
  v.partial.section.hidden = partial.length === 0;
  showProgress(v, o);
}

/** No query and no filter: nothing listed, nothing said. */
export function renderEmpty(v: View): void {
  for (const list of [v.direct.list, v.exactList, v.via.list, v.apart.list, v.partial.list]) list.replaceChildren();
  v.direct.section.hidden = v.via.section.hidden = v.apart.section.hidden = v.partial.section.hidden = v.suggestLine.hidden = true;
  v.status.textContent = '';
}
