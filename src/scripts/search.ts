/**
 * The search page: reads q / doc / chapter / dept, the library's filters (kind, issuer, status,
 * year, topic), the order (sort=date) and the scope (in=title) from the URL (src/views/search-state.ts), asks Pagefind for candidates, keeps
 * Ctrl-F semantics with an exact-substring pass over the candidates' text, and renders the
 * results inside <main>. The query stays in the URL (shareable, reloadable, back/forward).
 *
 * Besides the words as typed it understands (README, Search):
 *  - places: a provision's number or label, a 发文字号 (src/views/provision-query.ts), a
 *    department's or a reader group's name, listed first under 直接打开;
 *  - everyday words and other names of departments (/search/lexicon.json, src/views/search-lexicon.ts),
 *    listed after the exact matches, each labelled with what it was found by;
 *  - traditional characters, folded to simplified (src/scripts/t2s.ts, loaded on demand);
 *  - where nothing is found together: the words apart (农村户口 → 农村, 户籍), each word alone
 *    (只含部分字词), and 您是不是要找 from the library's own words (/search/words.json, on demand).
 */
import { alternativesFor, combinations, departmentNamed, groupsNamed, type Alternative, type Lexicon } from '../views/search-lexicon.ts';
import { parseQueryTarget, type QueryTarget } from '../views/provision-query.ts';
import { matchAlternatives, outsideNames, PARAGRAPH, paragraphs, relates, relation, relationMarks, type WordMatch, type WordRelation } from '../views/search-match.ts';
import { candidateQueries, compareRanked, excerpt, limitQuery, matchCounts, MAX_QUERY_LENGTH, splitWords, type MarkedRun } from '../views/search-query.ts';
import { apartWords, pinyinTable, segmenter, suggestions, type PinyinTable, type Vocabulary } from '../views/vocabulary.ts';
import { chapterChoices, documentChoices, mergeCounts, type Choice, type FilterCounts } from '../views/search-facets.ts';
import { documentLabel } from '../views/search-fields.ts';
// 时效性 hook (src/scripts/search-status.ts): results of documents no longer in force are marked and ranked last.
import { inForceFirst, statusMark } from './search-status.ts';
import { bookTitle } from '../model/derive.ts';
import { isFiltered, parseSearchState, searchQueryString, type SearchState } from '../views/search-state.ts';
import { compareDate, controlsOf, fillControls, libraryFilters, namedControls, onControls, readControls, titleText } from './search/controls.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
/** Pagefind's answer: the results, and per loaded filter the results each value holds (with the filters applied, and without). */
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, FilterCounts>;
  totalFilters: Record<string, FilterCounts>;
}
/**
 * A filter: one value, or { none: [] }, which excludes nothing but makes Pagefind load the
 * filter and count its values for the search (the document and chapter choices).
 */
type Filters = Record<string, string | { none: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

/** Every value of a filter counted, nothing excluded. */
const COUNT = { none: [] as string[] };

/**
 * Candidates checked for the exact string before the first results show (each costs a fragment
 * request: with 1,000 documents, 20 take about 100 ms of the first second); each 继续查找 checks
 * NEXT more, so every candidate can be reached. `?batch=N` in the address sets the first batch
 * (the tests use a small one).
 */
const BATCH = Math.max(1, Math.floor(Number(new URLSearchParams(location.search).get('batch'))) || 20);
const NEXT = BATCH * 10;
/** Candidates gathered for the alternatives (thesaurus, department names), checked the same way. */
const MAX_ALTERNATIVE_CANDIDATES = 100;
/** Results that hold part of the query but not all of it, shown below. */
const MAX_PARTIAL = 10;
/** Provisions a number names (2-1 in every document of a large library) that are listed; the document filter narrows. */
const MAX_DIRECT = 50;

const form = document.querySelector<HTMLFormElement>('#pe-search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const docSelect = form.querySelector<HTMLSelectElement>('select[name="doc"]')!;
const chapterSelect = form.querySelector<HTMLSelectElement>('select[name="chapter"]')!;
/**
 * With one document, the page lists it and its chapters (the filters are those options); with
 * several, it lists none: the choices come from each search (src/views/search-facets.ts).
 */
const singleDocument = form.dataset.documents === '1';
const deptSelect = form.querySelector<HTMLSelectElement>('select[name="dept"]')!;
/** 文种, 发布机关, 时效性, 年份, 主题分类; 相关度 or 日期; 全文 or 标题. */
const controls = controlsOf(form);
const box = document.querySelector<HTMLElement>('#pe-search-results')!;
const status = box.querySelector<HTMLElement>('#pe-search-status')!;
const directSection = box.querySelector<HTMLElement>('#pe-search-direct')!;
const directList = box.querySelector<HTMLOListElement>('#pe-search-direct-list')!;
const directMore = box.querySelector<HTMLElement>('#pe-search-direct-more')!;
const exactList = box.querySelector<HTMLOListElement>('#pe-search-exact')!;
const continueRow = box.querySelector<HTMLElement>('#pe-search-continue')!;
const progress = box.querySelector<HTMLElement>('#pe-search-progress')!;
const nextButton = box.querySelector<HTMLButtonElement>('#pe-search-next')!;
const viaSection = box.querySelector<HTMLElement>('#pe-search-via')!;
const viaList = box.querySelector<HTMLOListElement>('#pe-search-via-list')!;
const partialSection = box.querySelector<HTMLElement>('#pe-search-partial')!;
const partialList = box.querySelector<HTMLOListElement>('#pe-search-partial-list')!;
const apartSection = box.querySelector<HTMLElement>('#pe-search-apart')!;
const apartList = box.querySelector<HTMLOListElement>('#pe-search-apart-list')!;
const suggestLine = box.querySelector<HTMLElement>('#pe-search-suggest')!;
const fold = form.querySelector<HTMLDetailsElement>('#pe-search-fold')!;
const chosen = form.querySelector<HTMLElement>('#pe-search-chosen')!;
const root = document.querySelector<HTMLElement>('.pe-search')!;
/** A phone: once a query is present, the filters fold away so the results start on the first screen. */
const narrow = window.matchMedia('(max-width: 47.99em)');
const strings = JSON.parse(box.dataset.strings!) as Record<string, string>;
const bundle = form.dataset.bundle!;
const base = form.dataset.base!;
const lexiconUrl = form.dataset.lexicon!;
const wordsUrl = form.dataset.words!;

type State = SearchState;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    return typeof v === 'number' ? v.toLocaleString('zh-CN') : v ?? '';
  });
}

const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('');

function stateFromUrl(): State {
  return parseSearchState(location.search);
}

function urlFor(s: State): string {
  const qs = searchQueryString(s);
  return location.pathname + (qs ? `?${qs}` : '');
}

function stateFromForm(): State {
  return { q: input.value, doc: docSelect.value, chapter: chapterSelect.value, dept: deptSelect.value, ...readControls(controls) };
}

/** An option of a select; `label` is how the status line names it (the text may add a count). */
function option(value: string, text: string, label?: string): HTMLOptionElement {
  const o = new Option(text, value);
  if (label !== undefined) o.dataset.label = label;
  return o;
}

/** A choice as the select shows it: 天津市…措施（津就组字〔2020〕5号）　12 条 (约 12 条 before every candidate is checked). */
function choiceText(c: Choice, approximate: boolean): string {
  if (c.count === null) return c.label;
  return `${c.label}　${fill(approximate ? strings.choiceApprox! : strings.choiceCount!, { n: c.count })}`;
}

/**
 * Replaces a select's options after its first ("any") with the choices, keeping the chosen value:
 * where the counts do not name it (an unknown id), it stays as an option showing the bare value.
 */
function setChoices(select: HTMLSelectElement, choices: readonly Choice[], chosen: string, approximate: boolean): void {
  const options = choices.map((c) => option(c.value, choiceText(c, approximate), c.label));
  if (chosen && !choices.some((c) => c.value === chosen)) options.unshift(option(chosen, chosen));
  select.replaceChildren(select.options[0]!, ...options);
  select.value = chosen;
}

/** The "any" option of the document and chapter selects. */
function setAnyText(): void {
  if (singleDocument) return;
  chapterSelect.options[0]!.text = docSelect.value ? strings.any! : strings.chooseDocument!;
  chapterSelect.disabled = !docSelect.value;
}

function fillForm(s: State): void {
  input.value = s.q;
  const offered = (select: HTMLSelectElement, value: string) => ([...select.options].some((o) => o.value === value) ? value : '');
  if (singleDocument) {
    docSelect.value = offered(docSelect, s.doc);
    chapterSelect.value = offered(chapterSelect, s.chapter);
  } else {
    // The chosen document and chapter stay chosen; the search names them (chooseNamed, showChoices).
    const keep = (select: HTMLSelectElement, value: string) => {
      if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value));
      select.value = value;
    };
    keep(docSelect, s.doc);
    if (!s.doc) chapterSelect.replaceChildren(chapterSelect.options[0]!);
    keep(chapterSelect, s.doc ? s.chapter : '');
    setAnyText();
  }
  deptSelect.value = offered(deptSelect, s.dept);
  fillControls(controls, s);
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // Explicit paths, so the bundle and the result URLs are right under a sub-path.
    await pf.options({ bundlePath: bundle, baseUrl: base, excerptLength: 40 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

let lexicon: Promise<Lexicon> | undefined;
function loadLexicon(): Promise<Lexicon> {
  lexicon ??= fetch(lexiconUrl).then((r) => {
    if (!r.ok) throw new Error(`${lexiconUrl}: ${r.status}`);
    return r.json() as Promise<Lexicon>;
  });
  return lexicon;
}

let vocabulary: Promise<{ words: string[]; table: PinyinTable }> | undefined;
/** The library's own words and the pinyin table, loaded the first time a search finds nothing exact. */
function loadVocabulary(): Promise<{ words: string[]; table: PinyinTable }> {
  vocabulary ??= fetch(wordsUrl).then(async (r) => {
    if (!r.ok) throw new Error(`${wordsUrl}: ${r.status}`);
    const v = (await r.json()) as Vocabulary;
    return { words: v.words.split(' ').filter(Boolean), table: pinyinTable(v) };
  });
  return vocabulary;
}

const segment = segmenter();

let simplifier: Promise<(s: string) => string> | undefined;
/** The traditional → simplified converter, loaded the first time a query holds a Han character (built in slices: t2s.ts). */
function loadSimplifier(): Promise<(s: string) => string> {
  simplifier ??= import('./t2s.ts').then((m) => m.loadSimplifier());
  return simplifier;
}

interface Hit {
  id: string;
  data: PagefindResultData;
  counts: number[] | null;
  score: number;
  order: number;
  /** Found through alternatives: how each word was met. */
  via?: WordMatch[] | undefined;
  /** A partial match: how it relates to each word. */
  relation?: WordRelation[] | undefined;
}

/** Something the query names, opened directly: a provision or document page, a department's task list, a group page. */
type Direct = { kind: 'page'; hit: Hit } | { kind: 'link'; href: string; title: string; note?: string };

/** One search, checked a batch of candidates at a time. */
interface Session {
  /** Pagefind filters of the search: department, document and chapter, the library's filters (the URL's values). */
  filters: Filters;
  /** 相关度 or 日期 (newest first), and 全文 or 标题 (what the words must be in). */
  sort: State['sort'];
  scope: State['scope'];
  /** The Pagefind queries that gather the candidates. */
  queries: (string | null)[];
  /** The words searched (simplified when the traditional form found nothing). */
  words: string[];
  /** Whether `words` are the simplified form of what was typed. */
  folded: boolean;
  /** Whether the query was longer than MAX_QUERY_LENGTH and cut (limitQuery()). */
  cut: boolean;
  /** Each word's alternatives (thesaurus terms, department abbreviations), and what each came from. */
  altTexts: string[][];
  kinds: Map<string, Alternative['via']>;
  direct: Direct[];
  /** Pages the query's place names beyond MAX_DIRECT. */
  directMore: number;
  /** Candidates for the exact pass in the order they are checked: Pagefind's best first. */
  candidates: PagefindResult[];
  /** How many of them have been checked. */
  checked: number;
  /** Ids the candidate queries found (a partial match must be one of them). */
  matched: Set<string>;
  /** Pages opened directly, not listed again. */
  opened: Set<string>;
  exact: Hit[];
  via: Hit[];
  /** Checked candidates that hold some of the words but not all. */
  partialPool: Hit[];
  /** Where nothing holds the words together: the words apart (农村户口 → 农村, 户口), and the pages that hold them all. */
  apartWords?: string[] | undefined;
  apart: Hit[];
  /** 您是不是要找: for a word that occurs nowhere, the library's words nearest it. */
  suggested: { word: string; words: string[] }[];
  /** The lexicon, for the department names that excerpts do not mark inside. */
  lexicon: Lexicon;
  /** Pagefind's counts per document (docName) and, in the chosen document, per chapter (chapterName); several documents only. */
  documentCounts?: FilterCounts | undefined;
  chapters?: FilterCounts | undefined;
  chapterCounts?: FilterCounts | undefined;
}

async function hitOf(r: PagefindResult): Promise<Hit> {
  const data = await r.data();
  data.content = paragraphs(data.content);
  return { id: r.id, data, counts: null, score: r.score, order: Number(data.meta.order ?? 0) };
}

/** The pages a place names (src/views/provision-query.ts), in library order, and how many more there are. */
async function placeHits(pf: Pagefind, place: QueryTarget, filters: Filters): Promise<{ hits: Hit[]; more: number }> {
  let documents: Hit[] | undefined;
  if (place.document) {
    const r = await pf.search(null, { filters: { ...filters, place: place.document.key } });
    documents = await Promise.all((r?.results ?? []).slice(0, MAX_DIRECT).map(hitOf));
    // 5号 alone opens a document only where it is the library's only 5号.
    if (place.document.bare && documents.length !== 1) return { hits: [], more: 0 };
    if (!place.provision) return { hits: documents, more: 0 };
  }
  const found: PagefindResult[] = [];
  const scopes = documents ? documents.map((d) => ({ ...filters, doc: d.data.meta.document ?? '' })) : [filters];
  for (const scope of scopes) {
    for (const key of place.provision ?? []) {
      const r = await pf.search(null, { filters: { ...scope, provision: key } });
      for (const x of r?.results ?? []) if (!found.some((y) => y.id === x.id)) found.push(x);
    }
  }
  const hits = await Promise.all(found.slice(0, MAX_DIRECT).map(hitOf));
  return { hits: hits.sort((a, b) => a.order - b.order), more: Math.max(0, found.length - MAX_DIRECT) };
}

/** Lets the page handle input and render before what follows (a task of its own). */
function yieldToPage(): Promise<void> {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

/** The union of several Pagefind searches' results, each with its best score, best first (日期: by its best place in a response, each newest first). */
function unite(responses: readonly (PagefindResponse | null)[], order: State['sort']): PagefindResult[] {
  const found = new Map<string, PagefindResult>();
  const place = new Map<string, number>();
  for (const response of responses) {
    for (const [i, r] of (response?.results ?? []).entries()) {
      const seen = found.get(r.id);
      if (!seen || seen.score < r.score) found.set(r.id, r);
      place.set(r.id, Math.min(place.get(r.id) ?? i, i));
    }
  }
  return [...found.values()].sort(order === 'date' ? (a, b) => place.get(a.id)! - place.get(b.id)! : (a, b) => b.score - a.score);
}

/** What a search's words must be in: the page's text (全文), or its title or headline (标题). */
const textIn = (h: Hit, scope: State['scope']) => (scope === 'title' ? titleText(h.data.meta) : h.data.content);

/**
 * Several Pagefind searches: their union, and the responses (for their counts). 日期 asks Pagefind
 * for its results newest first (the data-pagefind-sort key every indexed page carries), so the
 * first candidates checked are the newest.
 */
async function gather(pf: Pagefind, queries: (string | null)[], filters: Filters, order: State['sort']): Promise<{ results: PagefindResult[]; responses: (PagefindResponse | null)[] }> {
  // Started one task apart: once its index chunks are loaded, a Pagefind search runs to its end
  // without yielding, and a long query's alternatives make up to 24 of them (a task of about
  // 200 ms when they all ran at once). Their chunk requests still overlap.
  const pending: Promise<PagefindResponse | null>[] = [];
  for (const [i, q] of queries.entries()) {
    if (i > 0) await yieldToPage();
    pending.push(pf.search(q, { filters, ...(order === 'date' ? { sort: { date: 'desc' } } : {}) }));
  }
  const responses = await Promise.all(pending);
  return { results: unite(responses, order), responses };
}

/** Each filter value's count over several responses (their union's, at most). */
const countsOf = (responses: readonly (PagefindResponse | null)[], key: string) => mergeCounts(responses.map((r) => r?.filters[key]));

/** The URL's filters as Pagefind filters: the department's abbreviation, the document's id, the chapter's number within it. */
function filtersOf(s: State): Filters {
  const filters: Filters = {};
  const dept = deptSelect.selectedOptions[0];
  if (dept?.value && dept.dataset.filter) filters.department = dept.dataset.filter;
  // With one document there is nothing to filter by document; the chapter is that document's.
  if (s.doc && !singleDocument) filters.doc = s.doc;
  if (s.chapter && (s.doc || singleDocument)) filters.chapter = s.chapter;
  return { ...filters, ...libraryFilters(controls) };
}

/**
 * The candidates of the exact pass, in the order they are checked: Pagefind's (their union, best
 * first), then, for a one-character word, every other page (Pagefind does not index every single
 * character on its own: 委 inside 市教委); and the ids Pagefind found (a partial match is one of them).
 */
async function candidatesOf(pf: Pagefind, responses: readonly (PagefindResponse | null)[], words: readonly string[], filters: Filters, order: State['sort']):
Promise<{ candidates: PagefindResult[]; matched: Set<string> }> {
  const pool = unite(responses, order);
  const matched = new Set(pool.map((r) => r.id));
  const everyPage = words.some((w) => [...w].length < 2) ? (await gather(pf, [null], filters, order)).results.filter((r) => !matched.has(r.id)) : [];
  return { candidates: [...pool, ...everyPage], matched };
}

/**
 * The search, up to its first results: the candidates, the first batch checked, the places the
 * query names. What only adds to the page (matches through alternatives, the document and chapter
 * choices) follows in more(), once the first results show.
 */
async function start(state: State): Promise<Session> {
  const filters = filtersOf(state);
  const order = state.sort;
  // Every step below grows with the query's length: a longer query is cut (the status line says so).
  const { q, cut } = limitQuery(state.q);
  const s = { ...state, q };
  const typed = splitWords(s.q);
  const lexicon = loadLexicon();
  // Awaited below; a failure is reported there, not as an unhandled rejection meanwhile.
  lexicon.catch(() => undefined);
  const pf = await loadPagefind();

  // Exact candidates for the words as typed.
  let queries: (string | null)[] = typed.length ? candidateQueries(typed) : [null];
  let responses = (await gather(pf, queries, filters, order)).responses;
  let { candidates, matched } = await candidatesOf(pf, responses, typed, filters, order);
  let first = await Promise.all(candidates.slice(0, BATCH).map(hitOf));
  let words = typed;
  // Where the words as typed find nothing exact, their simplified form is searched too (the
  // converter loads only then, so a simplified 显著 that OpenCC would turn into 显着 stays as
  // typed when the text has it).
  if (/\p{Script=Han}/u.test(s.q) && !first.some((h) => matchCounts(textIn(h, s.scope), typed))) {
    const simple = splitWords((await loadSimplifier())(s.q));
    if (simple.join(' ') !== typed.join(' ')) {
      const more = candidateQueries(simple);
      queries = [...queries, ...more];
      responses = [...responses, ...(await gather(pf, more, filters, order)).responses];
      ({ candidates, matched } = await candidatesOf(pf, responses, simple, filters, order));
      first = await Promise.all(candidates.slice(0, BATCH).map(hitOf));
      words = simple;
    }
  }
  const folded = words !== typed;

  // Alternatives of each word: thesaurus terms, a department's abbreviation.
  const lex = await lexicon;
  departmentNames = lex.departments.flatMap((d) => d.names);
  const alternatives: Alternative[][] = words.map((w) => alternativesFor(w, lex));
  const altTexts = alternatives.map((as) => as.map((a) => a.text));
  const kinds = new Map(alternatives.flat().map((a) => [a.text, a.via] as const));

  // What the query names: a place, a department, a group.
  const place = words.length ? parseQueryTarget(words.join('')) : null;
  const { hits: placed, more } = place ? await placeHits(pf, place, filters) : { hits: [], more: 0 };
  const direct: Direct[] = placed.map((hit) => ({ kind: 'page', hit: { ...hit, counts: words.length ? matchCounts(hit.data.content, words) : [] } }));
  if (words.length === 1) {
    const dept = departmentNamed(words[0]!, lex);
    if (dept) direct.push({ kind: 'link', href: dept.href, title: fill(strings.departmentLink!, { abbr: dept.abbr, name: dept.names[0]! }) });
    for (const g of groupsNamed(words[0]!, lex)) direct.push({ kind: 'link', href: g.href, title: fill(strings.groupLink!, { name: g.name, n: g.count }) });
  }

  const session: Session = {
    filters, sort: state.sort, scope: state.scope, queries, words, folded, cut, altTexts, kinds, direct, directMore: more, candidates, checked: first.length, matched,
    opened: new Set(placed.map((h) => h.id)), exact: [], via: [], partialPool: [], apart: [], suggested: [], lexicon: lex,
  };
  classify(session, first);
  return session;
}

/**
 * What the first results do not wait for: the pages found only through alternatives, and the
 * document and chapter choices with their counts (several documents). Counting the documents
 * loads the docName filter, whose size grows with the library: it is fetched after the first
 * results, and only here.
 */
async function more(session: Session): Promise<void> {
  const pf = await loadPagefind();
  const { filters, queries, words, altTexts } = session;
  const { doc, chapter: _chapter, ...scope } = filters;
  const inPool = new Set(session.candidates.map((r) => r.id));
  const [altPool, documents, chapters, chapterHits] = await Promise.all([
    altTexts.some((a) => a.length) ? gather(pf, combinations(words, altTexts).flatMap(candidateQueries), filters, session.sort) : undefined,
    // The documents the search finds whatever document is chosen; the chosen document's chapters, and the search's within it.
    singleDocument ? undefined : gather(pf, queries, { ...scope, docName: COUNT }, session.sort),
    typeof doc === 'string' ? pf.search(null, { filters: { doc, chapterName: COUNT } }) : undefined,
    typeof doc === 'string' && words.length ? gather(pf, queries, { ...scope, doc, chapterName: COUNT }, session.sort) : undefined,
  ]);
  const altHits = await Promise.all((altPool?.results ?? []).filter((r) => !inPool.has(r.id)).slice(0, MAX_ALTERNATIVE_CANDIDATES).map(hitOf));
  classify(session, altHits);
  // Nothing found at all (not as typed, not through alternatives, no place named): forgive.
  if (words.length && complete(session) && !session.exact.length && !session.via.length && !session.direct.length) await forgive(pf, session);
  if (documents) session.documentCounts = countsOf(documents.responses, 'docName');
  if (chapters) session.chapters = chapters.filters.chapterName ?? {};
  if (chapterHits) session.chapterCounts = countsOf(chapterHits.responses, 'chapterName');
}

/**
 * Where no page holds every word as typed (README, Search: a search that forgives):
 *  - each word alone gathers candidates, so 只含部分字词的条文 lists the pages that hold some of them
 *    (高校毕业生 落户: the provisions with 落户);
 *  - a word that occurs nowhere is searched as its words apart, each with its alternatives
 *    (农村户口 → 农村 and 户口, that is 户籍 or 落户; 打零工 → 零工), listed under 分开含有这些词的条文;
 *  - and gets 您是不是要找: the library's own words one character or one pinyin away (户藉 → 户籍).
 */
async function forgive(pf: Pagefind, session: Session): Promise<void> {
  const { words, filters, lexicon: lex } = session;
  const checked = new Set([...session.exact, ...session.via, ...session.partialPool].map((h) => h.id));
  const alone = words.length > 1 ? await Promise.all(words.map((w) => gather(pf, candidateQueries([w]), filters, session.sort))) : [];
  // A word Pagefind finds no candidate for occurs nowhere (one word: nothing exact among all its candidates).
  const absent = words.length > 1 ? words.filter((_, i) => !alone[i]!.results.length) : words;
  const fresh = unite(alone.flatMap((a) => a.responses), session.sort).filter((r) => !checked.has(r.id)).slice(0, MAX_ALTERNATIVE_CANDIDATES);
  for (const r of fresh) session.matched.add(r.id);
  classify(session, await Promise.all(fresh.map(hitOf)));

  const split = words.flatMap((w) => (absent.includes(w) ? apartWords(w, segment) ?? [w] : [w]));
  if (split.join(' ') !== words.join(' ')) {
    const alternatives = split.map((w) => alternativesFor(w, lex).map((a) => a.text));
    for (const w of split) for (const a of alternativesFor(w, lex)) session.kinds.set(a.text, a.via);
    const queries = [candidateQueries(split), ...combinations(split, alternatives).map(candidateQueries)].flat();
    const known = new Map([...session.via, ...session.partialPool].map((h) => [h.id, h]));
    const found = (await gather(pf, queries, filters, session.sort)).results.slice(0, MAX_ALTERNATIVE_CANDIDATES);
    const hits = await Promise.all(found.map((r) => known.get(r.id) ?? hitOf(r)));
    const via = new Set(session.via.map((h) => h.id));
    for (const h of hits) {
      if (via.has(h.id) || session.opened.has(h.id)) continue;
      const met = matchAlternatives(textIn(h, session.scope), split, alternatives);
      if (met) session.apart.push({ ...h, via: met, counts: met.map((m) => m.count) });
    }
    session.apart.sort(session.sort === 'date' ? compareDate : compareRanked);
    session.apartWords = split;
    const apart = new Set(session.apart.map((h) => h.id));
    session.partialPool = session.partialPool.filter((h) => !apart.has(h.id));
  }

  if (absent.length) {
    try {
      const v = await loadVocabulary();
      const known = [...v.words, ...lex.thesaurus.flatMap((e) => [...e.words, ...e.terms]), ...lex.departments.flatMap((d) => d.names)];
      session.suggested = absent.map((word) => ({ word, words: suggestions(word, known, v.table) })).filter((x) => x.words.length);
    } catch (err) {
      // Suggestions only add to the page: without them, the search still stands.
      console.error(err);
    }
  }
}

/** Sorts checked pages into exact matches (appended, ranked among themselves), matches through alternatives and partial ones. */
function classify(session: Session, hits: Hit[]): Hit[] {
  const { words, altTexts } = session;
  const exact: Hit[] = [];
  for (const h of hits) {
    if (session.opened.has(h.id)) continue;
    if (!words.length) { exact.push({ ...h, counts: [], score: 0 }); continue; }
    const text = textIn(h, session.scope);
    const counts = matchCounts(text, words);
    if (counts) { exact.push({ ...h, counts }); continue; }
    const met = altTexts.some((a) => a.length) ? matchAlternatives(text, words, altTexts) : null;
    // Ranked like exact matches, by the occurrences of what was found.
    if (met) session.via.push({ ...h, via: met, counts: met.map((m) => m.count) });
    else if (session.matched.has(h.id)) session.partialPool.push(h);
  }
  // 相关度: exact matches by their occurrences, documents in force first; 日期: newest first, whatever their status.
  const rank = session.sort === 'date' ? compareDate : inForceFirst(compareRanked);
  exact.sort(rank);
  session.via.sort(rank);
  session.exact.push(...exact);
  if (session.sort === 'date') session.exact.sort(rank);
  return exact;
}

/** Checks the next candidates; returns the exact matches among them. */
async function checkMore(session: Session, n: number): Promise<Hit[]> {
  const hits = await Promise.all(session.candidates.slice(session.checked, session.checked + n).map(hitOf));
  session.checked += hits.length;
  return classify(session, hits);
}

const complete = (session: Session) => session.checked >= session.candidates.length;

/** Partial matches in Pagefind's order, kept only where they hold a whole word or a piece of two or more characters. */
function partialMatches(session: Session): Hit[] {
  const shown: Hit[] = [];
  for (const h of [...session.partialPool].sort(inForceFirst((a, b) => b.score - a.score || a.order - b.order))) {
    if (shown.length >= MAX_PARTIAL) break;
    const rel = relation(textIn(h, session.scope), session.words);
    if (relates(rel)) shown.push({ ...h, relation: rel });
  }
  return shown;
}

function segmentsToNodes(segments: MarkedRun[]): Node[] {
  return segments.map((seg) => {
    // A paragraph's end shows as a space (Pagefind's ". ", see paragraphs()).
    if (!seg.mark) return document.createTextNode(seg.text.replaceAll(PARAGRAPH, '　'));
    const mark = document.createElement('mark');
    mark.textContent = seg.text;
    return mark;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.append(...children);
  return e;
}

/** Why a result found through alternatives is listed: 按近义词“户籍”找到；按部门简称“市教委”找到. */
function viaLabel(met: WordMatch[], alternatives: Map<string, Alternative['via']>): string {
  const thesaurus = met.filter((m) => m.via).flatMap((m) => m.found.filter((f) => alternatives.get(f) === 'thesaurus'));
  const departments = met.filter((m) => m.via).flatMap((m) => m.found.filter((f) => alternatives.get(f) === 'department'));
  const bits = [];
  if (thesaurus.length) bits.push(fill(strings.viaThesaurus!, { terms: quoted([...new Set(thesaurus)]) }));
  if (departments.length) bits.push(fill(strings.viaDepartment!, { terms: quoted([...new Set(departments)]) }));
  return bits.join('；');
}

/** How a partial match relates to the query: 含“落户”；不含“户口”；不含“海河人才”，只含其中的“海河”“人才”. */
function relationLabel(rel: WordRelation[]): string {
  const whole = rel.filter((r) => r.whole).map((r) => r.word);
  const bits = [];
  if (whole.length) bits.push(fill(strings.contains!, { words: quoted(whole) }));
  for (const r of rel.filter((x) => !x.whole && x.pieces.length)) bits.push(fill(strings.onlyPieces!, { word: quoted([r.word]), pieces: quoted(r.pieces) }));
  const none = rel.filter((r) => !r.whole && !r.pieces.length).map((r) => r.word);
  if (none.length) bits.push(fill(strings.lacks!, { words: quoted(none) }));
  return bits.join('；');
}

interface RenderOptions {
  heading: 'h2' | 'h3';
  /** What to mark in the excerpt and on the page the result leads to. */
  marks: string[];
  /** A line that says why the result is listed. */
  note?: string | undefined;
  /** Add a 直接打开 link. */
  open?: boolean | undefined;
}

function renderHit(hit: Hit, o: RenderOptions): HTMLLIElement {
  const { data } = hit;
  const li = element('li', 'pe-result');
  li.dataset.id = data.meta.id ?? '';
  li.dataset.exact = hit.counts ? 'true' : 'false';
  const h = element(o.heading, 'pe-result__title');
  const a = document.createElement('a');
  const href = new URL(data.url, location.href);
  if (o.marks.length) href.searchParams.set('highlight', o.marks.join(' '));
  const link = href.pathname + href.search + href.hash;
  a.href = link;
  a.append(element('span', 'pe-result__label', data.meta.label ?? ''), data.meta.headline ?? data.meta.title ?? '');
  h.append(a);
  const mark = statusMark(data.meta);
  if (mark) h.append(' ', mark);
  if (!singleDocument && data.meta.documentTitle)
    h.append(element('span', 'pe-result__doc', `${strings.inDocument}${bookTitle(data.meta.documentTitle)}${data.meta.docNumber ? `（${data.meta.docNumber}）` : ''}`));
  li.append(h);
  if (o.note) li.append(element('p', 'pe-result__why', o.note));
  const p = element('p', 'pe-result__excerpt');
  p.append(...segmentsToNodes(excerpt(data.content, o.marks, o.marks.length ? { find: (t: string, w: string) => outsideNames(t, w, departmentNames) } : { length: 90 })));
  li.append(p);
  const metaBits: string[] = [];
  if (hit.counts && o.marks.length && !hit.via) metaBits.push(fill(strings.occurrences!, { n: hit.counts.reduce((x, y) => x + y, 0) }));
  if (data.meta.departments) metaBits.push(`${strings.departmentsOf}${data.meta.departments}`);
  if (metaBits.length) li.append(element('p', 'pe-result__meta', metaBits.join(' · ')));
  if (o.open) li.append(openLink(link, `${data.meta.label ?? ''} ${data.meta.headline ?? ''}`));
  return li;
}

/** The 直接打开 link: its accessible name starts with what it shows and says what it opens. */
function openLink(href: string, what: string): HTMLParagraphElement {
  const a = element('a', 'pe-button pe-result__open', strings.open!, element('span', 'pe-visually-hidden', `：${what}`));
  a.href = href;
  return element('p', 'pe-result__actions', a);
}

function renderDirect(d: Direct, words: string[]): HTMLLIElement {
  if (d.kind === 'page') {
    const li = renderHit(d.hit, { heading: 'h3', marks: d.hit.counts && d.hit.counts.length ? words : [], open: true });
    li.classList.add('pe-result--direct');
    return li;
  }
  const li = element('li', 'pe-result pe-result--direct');
  li.dataset.kind = 'link';
  const a = element('a', '', d.title);
  a.href = d.href;
  li.append(element('h3', 'pe-result__title', a), openLink(d.href, d.title));
  return li;
}

/** How the status line names the chosen filters: their labels, without counts. */
const named = (select: HTMLSelectElement) => {
  const o = select.selectedOptions[0];
  return o?.value ? o.dataset.label ?? o.text : '';
};

function describe(words: string[]): string {
  const bits = [];
  if (words.length) bits.push(words.map((w) => `“${w}”`).join(' '));
  if (!singleDocument) bits.push(named(docSelect));
  bits.push(named(chapterSelect), named(deptSelect), ...namedControls(controls, strings));
  return bits.filter(Boolean).join('，');
}

/** The status line: what was searched, what opens directly, how many exact matches, how many through alternatives. */
function statusText(o: Session): string {
  const what = describe(o.words);
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
function showChoices(o: Session): void {
  if (singleDocument) return;
  const doc = typeof o.filters.doc === 'string' ? o.filters.doc : '';
  const chapter = typeof o.filters.chapter === 'string' ? o.filters.chapter : '';
  const exact = complete(o) && o.words.length > 0;
  if (o.documentCounts) {
    const byDocument = exact && !doc ? tally(o.exact, 'document') : undefined;
    setChoices(docSelect, documentChoices(o.documentCounts, doc, byDocument), doc, o.words.length > 0 && !byDocument);
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
    setChoices(chapterSelect, choices, chapter, o.words.length > 0 && !byChapter);
  }
  setAnyText();
}

/** 您是不是要找：“户籍”: each a link to the search with that word in place of the one typed. */
function showSuggestions(o: Session): void {
  const links = o.suggested.flatMap(({ word, words }) => words.map((w) => {
    const a = document.createElement('a');
    const q = o.words.map((x) => (x === word ? w : x)).join(' ');
    a.href = urlFor({ ...stateFromForm(), q });
    a.textContent = w;
    a.lang = 'zh-CN';
    return a;
  }));
  suggestLine.replaceChildren(...(links.length ? [strings.suggest!, ...links] : []));
  suggestLine.hidden = links.length === 0;
}

/** The summary of the folded filters names the chosen ones. */
function showChosen(): void {
  const what = [singleDocument ? '' : named(docSelect), named(chapterSelect), named(deptSelect), ...namedControls(controls, strings)].filter(Boolean).join('，');
  chosen.textContent = what ? fill(strings.filtersChosen!, { what }) : '';
}

/**
 * With a query on a phone, the filters fold under their summary and the help text goes, so the
 * results start on the first screen; without one, or on a wider screen, they stay open. Called
 * for a search the reader starts (a query typed, a page opened), not for a filter chosen.
 */
function foldFilters(s: State): void {
  const query = splitWords(s.q).length > 0;
  root.toggleAttribute('data-query', query);
  fold.open = !(query && narrow.matches);
}

/** The 继续查找 row under the exact matches: how many candidates are checked, out of how many. */
function showProgress(o: Session): void {
  continueRow.hidden = complete(o);
  progress.textContent = fill(strings.progress!, { checked: o.checked, total: o.candidates.length });
  nextButton.removeAttribute('aria-disabled');
  nextButton.textContent = strings.next!;
}

function renderExact(o: Session, hits: readonly Hit[]): HTMLLIElement[] {
  return hits.map((h) => renderHit(h, { heading: 'h2', marks: o.words }));
}

/** The sections below the exact matches, drawn again after every batch. */
function renderRest(o: Session): void {
  showChoices(o);
  showChosen();
  status.textContent = statusText(o);
  viaList.replaceChildren(...o.via.map((h) => renderHit(h, {
    heading: 'h3', marks: [...new Set(h.via!.flatMap((m) => m.found))], note: viaLabel(h.via!, o.kinds),
  })));
  viaSection.hidden = o.via.length === 0;
  apartList.replaceChildren(...o.apart.map((h) => {
    const found = [...new Set(h.via!.flatMap((m) => m.found))];
    return renderHit(h, { heading: 'h3', marks: found, note: fill(strings.apartLabel!, { words: quoted(found) }) });
  }));
  apartSection.hidden = o.apart.length === 0;
  showSuggestions(o);
  const partial = partialMatches(o);
  partialList.replaceChildren(...partial.map((h) => renderHit(h, { heading: 'h3', marks: relationMarks(h.relation!), note: relationLabel(h.relation!) })));
  partialSection.hidden = partial.length === 0;
  showProgress(o);
}

/** Every name of every department (from the lexicon): a word inside one (退役军人 in 市退役军人局) is not marked. */
let departmentNames: string[] = [];

let generation = 0;
/** The search on the page, and the part of it that follows the first results (more()). */
let current: Session | undefined;
let following: Promise<unknown> = Promise.resolve();

async function run(s: State): Promise<void> {
  const mine = ++generation;
  current = undefined;
  const key = urlFor(s);
  const words = splitWords(limitQuery(s.q).q);
  const filtered = isFiltered(s);
  const setTitle = () => {
    document.title = words.length || filtered
      ? `${describe(words)} - ${strings.heading} - ${strings.siteName}`
      : `${strings.heading} - ${strings.siteName}`;
  };
  setTitle();
  continueRow.hidden = true;
  if (!words.length && !filtered) {
    for (const list of [directList, exactList, viaList, apartList, partialList]) list.replaceChildren();
    directSection.hidden = viaSection.hidden = apartSection.hidden = partialSection.hidden = suggestLine.hidden = true;
    status.textContent = '';
    box.dataset.state = 'done';
    box.dataset.for = key;
    return;
  }
  box.dataset.state = 'loading';
  box.dataset.for = key;
  status.textContent = strings.loading!;
  suggestLine.hidden = true;
  try {
    const o = await start(s);
    if (mine !== generation) return;
    current = o;
    directList.replaceChildren(...o.direct.map((d) => renderDirect(d, o.words)));
    directMore.textContent = o.directMore ? fill(strings.directMore!, { n: o.directMore }) : '';
    directSection.hidden = o.direct.length === 0;
    exactList.replaceChildren(...renderExact(o, o.exact));
    renderRest(o);
    setTitle();
    // The first results show; the rest follows (the state is "done" once it has).
    following = more(o);
    await following;
    if (mine !== generation) return;
    renderRest(o);
    setTitle();
    box.dataset.state = 'done';
  } catch (err) {
    if (mine !== generation) return;
    console.error(err);
    status.textContent = strings.failed!;
    box.dataset.state = 'error';
  }
}

/** 继续查找: checks the next NEXT candidates, appends their exact matches and moves focus to the first of them. */
async function next(): Promise<void> {
  const o = current;
  if (!o || complete(o) || nextButton.getAttribute('aria-disabled')) return;
  const mine = generation;
  nextButton.setAttribute('aria-disabled', 'true');
  nextButton.textContent = strings.checking!;
  box.dataset.state = 'loading';
  try {
    await following;
    if (mine !== generation) return;
    const found = await checkMore(o, NEXT);
    if (mine !== generation) return;
    // 日期: the list is drawn again in its order; 相关度: the new matches follow the others.
    const items = o.sort === 'date' ? renderExact(o, o.exact) : renderExact(o, found);
    if (o.sort === 'date') exactList.replaceChildren(...items);
    else exactList.append(...items);
    renderRest(o);
    box.dataset.state = 'done';
    // Focus follows the reader to what was added; with nothing added, it stays on the button (or, all checked, on the status).
    const first = o.sort === 'date' ? items[o.exact.indexOf(found[0]!)] : items[0];
    if (found.length && first) first.querySelector('a')!.focus();
    else if (continueRow.hidden) status.focus();
  } catch (err) {
    if (mine !== generation) return;
    console.error(err);
    status.textContent = strings.failed!;
    box.dataset.state = 'error';
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function update(push: boolean): void {
  clearTimeout(timer);
  const s = stateFromForm();
  const next = urlFor(s);
  if (next !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', next);
  void run(s);
}

form.addEventListener('submit', (e) => { e.preventDefault(); foldFilters(stateFromForm()); update(true); });
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => update(false), 300); });
docSelect.addEventListener('change', () => {
  // A chapter belongs to its document: choosing another document starts from every chapter.
  chapterSelect.replaceChildren(chapterSelect.options[0]!);
  setAnyText();
  update(true);
});
chapterSelect.addEventListener('change', () => update(true));
deptSelect.addEventListener('change', () => update(true));
onControls(controls, () => update(true));
nextButton.addEventListener('click', () => void next());
window.addEventListener('popstate', () => { const s = stateFromUrl(); fillForm(s); foldFilters(s); void run(s); });

const initial = stateFromUrl();
fillForm(initial);
foldFilters(initial);
void run(initial);
