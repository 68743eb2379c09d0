/**
 * One search of the search page, without the page (issue 23): asks Pagefind for candidates, keeps
 * Ctrl-F semantics with an exact-substring pass over the candidates' text, and adds what the query
 * names (places, departments, reader groups), the words' alternatives, and, where nothing is found,
 * a search that forgives (README, Search). It holds no module state and touches no DOM: Pagefind,
 * the lexicon, the vocabulary and the simplifier come in as loaders (SearchDeps), and a session is
 * plain data (hits with their counts and how they were met, places, suggestions, Pagefind's counts,
 * how far the pass got) that src/scripts/search/render.ts draws. src/scripts/search.ts wires it to
 * the page; tests/unit/search-session.test.ts runs it in Node against a small fake Pagefind.
 *
 * Besides the words as typed it understands:
 *  - places: a provision's number or label, a 发文字号 (src/views/provision-query.ts), a
 *    department's or a reader group's name, listed first under 直接打开;
 *  - everyday words and other names of departments (/search/lexicon.json, src/views/search-lexicon.ts),
 *    listed after the exact matches, each labelled with what it was found by;
 *  - traditional characters, folded to simplified (src/scripts/t2s.ts, loaded on demand);
 *  - where nothing is found together: the words apart (农村户口 → 农村, 户籍), each word alone
 *    (只含部分字词), and 您是不是要找 from the library's own words (/search/words.json, on demand).
 */
import { alternativesFor, combinations, departmentNamed, groupsNamed, type Alternative, type Lexicon } from './search-lexicon.ts';
import { parseQueryTarget, type QueryTarget } from './provision-query.ts';
import { matchAlternatives, outsideNames, paragraphs, relates, relation, type WordMatch, type WordRelation } from './search-match.ts';
import { candidateQueries, compareRanked, excerpt, limitQuery, matchCounts, splitWords, type MarkedRun } from './search-query.ts';
import { apartWords, segmenter, suggestions, type PinyinTable } from './vocabulary.ts';
import { mergeCounts, type FilterCounts } from './search-facets.ts';
import type { SearchState } from './search-state.ts';

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
/** Pagefind's answer: the results, and per loaded filter the results each value holds (with the filters applied, and without). */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, FilterCounts>;
  totalFilters: Record<string, FilterCounts>;
}
/**
 * A filter: one value, or { none: [] }, which excludes nothing but makes Pagefind load the
 * filter and count its values for the search (the document and chapter choices).
 */
export type Filters = Record<string, string | { none: string[] }>;
/** The part of Pagefind's JS API the search uses. */
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

/** The library's own words and the pinyin table (/search/words.json, decoded). */
export interface LoadedVocabulary {
  words: string[];
  table: PinyinTable;
}

/** What a search needs from outside: each loader is called when needed and may be called again (the caller keeps one copy). */
export interface SearchDeps {
  /** Pagefind, with its options set and initialised. */
  pagefind(): Promise<Pagefind>;
  lexicon(): Promise<Lexicon>;
  /** Loaded the first time a search finds nothing exact. */
  vocabulary(): Promise<LoadedVocabulary>;
  /** The traditional → simplified converter, loaded the first time a query holds a Han character that finds nothing exact. */
  simplifier(): Promise<(s: string) => string>;
  /**
   * With one document, there is nothing to filter or count by document (the page lists its chapters);
   * with several, the search counts its results per document and per chapter of the chosen one.
   */
  singleDocument: boolean;
  /** Candidates checked before the first results show (each costs a fragment request). */
  batch: number;
  /** Lets the page handle input and render before what follows (a task of its own); default: a macrotask. */
  yieldToPage?: (() => Promise<void>) | undefined;
  /** Segments a word into words (default: Intl.Segmenter). */
  segment?: ((s: string) => string[]) | undefined;
}

/** Every value of a filter counted, nothing excluded. */
export const COUNT = { none: [] as string[] };
/** Candidates gathered for the alternatives (thesaurus, department names), checked the same way. */
export const MAX_ALTERNATIVE_CANDIDATES = 100;
/** Results that hold part of the query but not all of it, shown below. */
export const MAX_PARTIAL = 10;
/** Provisions a number names (2-1 in every document of a large library) that are listed; the document filter narrows. */
export const MAX_DIRECT = 50;

export interface Hit {
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

/** Something the query names, opened directly: a provision or document page, a department's task list, a reader group's page. */
export type Direct =
  | { kind: 'page'; hit: Hit }
  | { kind: 'department'; href: string; abbr: string; name: string }
  | { kind: 'group'; href: string; name: string; count: number };

/** One search, checked a batch of candidates at a time. */
export interface Session {
  deps: SearchDeps;
  /** Pagefind filters of the search: department, document and chapter, the library's filters (the URL's values). */
  filters: Filters;
  /** 相关度 or 日期 (newest first), and 全文 or 标题 (what the words must be in). */
  sort: SearchState['sort'];
  scope: SearchState['scope'];
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
  /** The lexicon, for the alternatives and suggestions. */
  lexicon: Lexicon;
  /** Every name of every department: a word inside one (退役军人 in 市退役军人局) is not marked (excerptOf()). */
  departmentNames: string[];
  /** Pagefind's counts per document (docName) and, in the chosen document, per chapter (chapterName); several documents only. */
  documentCounts?: FilterCounts | undefined;
  chapters?: FilterCounts | undefined;
  chapterCounts?: FilterCounts | undefined;
}

/** A macrotask: what the page has queued (input, rendering) runs first. */
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/** What a search's words must be in, for the 标题 scope: a provision's headline, a document's title (its notice record's headline). */
export function titleText(meta: Record<string, string>): string {
  return meta.headline ?? '';
}

/** What a search's words must be in: the page's text (全文), or its title or headline (标题). */
export const textIn = (h: Hit, scope: SearchState['scope']) => (scope === 'title' ? titleText(h.data.meta) : h.data.content);

/** 日期 order: newest first (the date of the record's document), then reading order. */
export function compareDate(a: { order: number; data: { meta: Record<string, string> } }, b: typeof a): number {
  return (b.data.meta.date ?? '').localeCompare(a.data.meta.date ?? '') || a.order - b.order;
}

interface WithMeta {
  data: { meta: Record<string, string | undefined> };
}

/**
 * 时效性 in search results: whether a result belongs to a document no longer in force (失效,
 * 已废止). The build writes the Pagefind meta `outOfForce` (the status) on those records only
 * (src/views/search-fields.ts); the page marks them (src/scripts/search-status.ts).
 */
const isOutOfForce = (hit: WithMeta): boolean => Boolean(hit.data.meta.outOfForce);

/** A comparator that ranks results of documents no longer in force after the others, else as `compare` does. */
function outOfForceLast<T>(compare: (a: T, b: T) => number): (a: T & WithMeta, b: T & WithMeta) => number {
  return (a, b) => Number(isOutOfForce(a)) - Number(isOutOfForce(b)) || compare(a, b);
}

/**
 * The URL's filters as Pagefind filters: `chosen` holds the Pagefind values of the chosen
 * department (`department`, its abbreviation) and library filters (kind, issuer, status, year,
 * topic), as the form's options name them; the document's id and the chapter's number come from
 * the state. With one document there is nothing to filter by document; the chapter is that document's.
 */
export function filtersOf(s: SearchState, chosen: Readonly<Record<string, string>>, singleDocument: boolean): Filters {
  const { department, ...library } = chosen;
  const filters: Filters = {};
  if (department) filters.department = department;
  if (s.doc && !singleDocument) filters.doc = s.doc;
  if (s.chapter && (s.doc || singleDocument)) filters.chapter = s.chapter;
  for (const [k, v] of Object.entries(library)) if (v) filters[k] = v;
  return filters;
}

export async function hitOf(r: PagefindResult): Promise<Hit> {
  const data = await r.data();
  data.content = paragraphs(data.content);
  return { id: r.id, data, counts: null, score: r.score, order: Number(data.meta.order ?? 0) };
}

/** The pages a place names (src/views/provision-query.ts), in library order, and how many more there are. */
export async function placeHits(pf: Pagefind, place: QueryTarget, filters: Filters): Promise<{ hits: Hit[]; more: number }> {
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

/** The union of several Pagefind searches' results, each with its best score, best first (日期: by its best place in a response, each newest first). */
export function unite(responses: readonly (PagefindResponse | null)[], order: SearchState['sort']): PagefindResult[] {
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

/**
 * Several Pagefind searches: their union, and the responses (for their counts). 日期 asks Pagefind
 * for its results newest first (the data-pagefind-sort key every indexed page carries), so the
 * first candidates checked are the newest.
 */
export async function gather(deps: SearchDeps, pf: Pagefind, queries: (string | null)[], filters: Filters, order: SearchState['sort']):
Promise<{ results: PagefindResult[]; responses: (PagefindResponse | null)[] }> {
  const yieldToPage = deps.yieldToPage ?? nextTask;
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

/**
 * The candidates of the exact pass, in the order they are checked: Pagefind's (their union, best
 * first), then, for a one-character word, every other page (Pagefind does not index every single
 * character on its own: 委 inside 市教委); and the ids Pagefind found (a partial match is one of them).
 */
export async function candidatesOf(deps: SearchDeps, pf: Pagefind, responses: readonly (PagefindResponse | null)[], words: readonly string[], filters: Filters, order: SearchState['sort']):
Promise<{ candidates: PagefindResult[]; matched: Set<string> }> {
  const pool = unite(responses, order);
  const matched = new Set(pool.map((r) => r.id));
  const everyPage = words.some((w) => [...w].length < 2) ? (await gather(deps, pf, [null], filters, order)).results.filter((r) => !matched.has(r.id)) : [];
  return { candidates: [...pool, ...everyPage], matched };
}

/**
 * The search, up to its first results: the candidates, the first batch checked, the places the
 * query names. What only adds to the page (matches through alternatives, the document and chapter
 * choices) follows in more(), once the first results show. `chosen`: the Pagefind values of the
 * chosen department and library filters (filtersOf()).
 */
export async function start(deps: SearchDeps, state: SearchState, chosen: Readonly<Record<string, string>> = {}): Promise<Session> {
  const filters = filtersOf(state, chosen, deps.singleDocument);
  const order = state.sort;
  // Every step below grows with the query's length: a longer query is cut (the status line says so).
  const { q, cut } = limitQuery(state.q);
  const typed = splitWords(q);
  const lexicon = deps.lexicon();
  // Awaited below; a failure is reported there, not as an unhandled rejection meanwhile.
  lexicon.catch(() => undefined);
  const pf = await deps.pagefind();

  // Exact candidates for the words as typed.
  let queries: (string | null)[] = typed.length ? candidateQueries(typed) : [null];
  let responses = (await gather(deps, pf, queries, filters, order)).responses;
  let { candidates, matched } = await candidatesOf(deps, pf, responses, typed, filters, order);
  let first = await Promise.all(candidates.slice(0, deps.batch).map(hitOf));
  let words = typed;
  // Where the words as typed find nothing exact, their simplified form is searched too (the
  // converter loads only then, so a simplified 显著 that OpenCC would turn into 显着 stays as
  // typed when the text has it).
  if (/\p{Script=Han}/u.test(q) && !first.some((h) => matchCounts(textIn(h, state.scope), typed))) {
    const simple = splitWords((await deps.simplifier())(q));
    if (simple.join(' ') !== typed.join(' ')) {
      const more = candidateQueries(simple);
      queries = [...queries, ...more];
      responses = [...responses, ...(await gather(deps, pf, more, filters, order)).responses];
      ({ candidates, matched } = await candidatesOf(deps, pf, responses, simple, filters, order));
      first = await Promise.all(candidates.slice(0, deps.batch).map(hitOf));
      words = simple;
    }
  }
  const folded = words !== typed;

  // Alternatives of each word: thesaurus terms, a department's abbreviation.
  const lex = await lexicon;
  const alternatives: Alternative[][] = words.map((w) => alternativesFor(w, lex));
  const altTexts = alternatives.map((as) => as.map((a) => a.text));
  const kinds = new Map(alternatives.flat().map((a) => [a.text, a.via] as const));

  // What the query names: a place, a department, a group.
  const place = words.length ? parseQueryTarget(words.join('')) : null;
  const { hits: placed, more } = place ? await placeHits(pf, place, filters) : { hits: [], more: 0 };
  const direct: Direct[] = placed.map((hit) => ({ kind: 'page', hit: { ...hit, counts: words.length ? matchCounts(hit.data.content, words) : [] } }));
  if (words.length === 1) {
    const dept = departmentNamed(words[0]!, lex);
    if (dept) direct.push({ kind: 'department', href: dept.href, abbr: dept.abbr, name: dept.names[0]! });
    for (const g of groupsNamed(words[0]!, lex)) direct.push({ kind: 'group', href: g.href, name: g.name, count: g.count });
  }

  const session: Session = {
    deps, filters, sort: state.sort, scope: state.scope, queries, words, folded, cut, altTexts, kinds, direct, directMore: more, candidates,
    checked: first.length, matched, opened: new Set(placed.map((h) => h.id)), exact: [], via: [], partialPool: [], apart: [], suggested: [],
    lexicon: lex, departmentNames: lex.departments.flatMap((d) => d.names),
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
export async function more(session: Session): Promise<void> {
  const { deps, filters, queries, words, altTexts } = session;
  const pf = await deps.pagefind();
  const { doc, chapter: _chapter, ...scope } = filters;
  const inPool = new Set(session.candidates.map((r) => r.id));
  const [altPool, documents, chapters, chapterHits] = await Promise.all([
    altTexts.some((a) => a.length) ? gather(deps, pf, combinations(words, altTexts).flatMap(candidateQueries), filters, session.sort) : undefined,
    // The documents the search finds whatever document is chosen; the chosen document's chapters, and the search's within it.
    deps.singleDocument ? undefined : gather(deps, pf, queries, { ...scope, docName: COUNT }, session.sort),
    typeof doc === 'string' ? pf.search(null, { filters: { doc, chapterName: COUNT } }) : undefined,
    typeof doc === 'string' && words.length ? gather(deps, pf, queries, { ...scope, doc, chapterName: COUNT }, session.sort) : undefined,
  ]);
  const altHits = await Promise.all((altPool?.results ?? []).filter((r) => !inPool.has(r.id)).slice(0, MAX_ALTERNATIVE_CANDIDATES).map(hitOf));
  classify(session, altHits);
  // Nothing found at all (not as typed, not through alternatives, no place named): forgive.
  if (words.length && complete(session) && !session.exact.length && !session.via.length && !session.direct.length) await forgive(session, pf);
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
export async function forgive(session: Session, pf: Pagefind): Promise<void> {
  const { deps, words, filters, lexicon: lex } = session;
  const checked = new Set([...session.exact, ...session.via, ...session.partialPool].map((h) => h.id));
  const alone = words.length > 1 ? await Promise.all(words.map((w) => gather(deps, pf, candidateQueries([w]), filters, session.sort))) : [];
  // A word Pagefind finds no candidate for occurs nowhere (one word: nothing exact among all its candidates).
  const absent = words.length > 1 ? words.filter((_, i) => !alone[i]!.results.length) : words;
  const fresh = unite(alone.flatMap((a) => a.responses), session.sort).filter((r) => !checked.has(r.id)).slice(0, MAX_ALTERNATIVE_CANDIDATES);
  for (const r of fresh) session.matched.add(r.id);
  classify(session, await Promise.all(fresh.map(hitOf)));

  const segment = deps.segment ?? segmenter();
  const split = words.flatMap((w) => (absent.includes(w) ? apartWords(w, segment) ?? [w] : [w]));
  if (split.join(' ') !== words.join(' ')) {
    const alternatives = split.map((w) => alternativesFor(w, lex).map((a) => a.text));
    for (const w of split) for (const a of alternativesFor(w, lex)) session.kinds.set(a.text, a.via);
    const queries = [candidateQueries(split), ...combinations(split, alternatives).map(candidateQueries)].flat();
    const known = new Map([...session.via, ...session.partialPool].map((h) => [h.id, h]));
    const found = (await gather(deps, pf, queries, filters, session.sort)).results.slice(0, MAX_ALTERNATIVE_CANDIDATES);
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
      const v = await deps.vocabulary();
      const known = [...v.words, ...lex.thesaurus.flatMap((e) => [...e.words, ...e.terms]), ...lex.departments.flatMap((d) => d.names)];
      session.suggested = absent.map((word) => ({ word, words: suggestions(word, known, v.table) })).filter((x) => x.words.length);
    } catch (err) {
      // Suggestions only add to the page: without them, the search still stands.
      console.error(err);
    }
  }
}

/** Sorts checked pages into exact matches (appended, ranked among themselves), matches through alternatives and partial ones; returns the exact ones. */
export function classify(session: Session, hits: Hit[]): Hit[] {
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
  const rank = session.sort === 'date' ? compareDate : outOfForceLast(compareRanked);
  exact.sort(rank);
  session.via.sort(rank);
  session.exact.push(...exact);
  if (session.sort === 'date') session.exact.sort(rank);
  return exact;
}

/** Checks the next `n` candidates (继续查找); returns the exact matches among them. */
export async function checkMore(session: Session, n: number): Promise<Hit[]> {
  const hits = await Promise.all(session.candidates.slice(session.checked, session.checked + n).map(hitOf));
  session.checked += hits.length;
  return classify(session, hits);
}

/** Whether every candidate has been checked. */
export const complete = (session: Session): boolean => session.checked >= session.candidates.length;

/** Partial matches in Pagefind's order, kept only where they hold a whole word or a piece of two or more characters. */
export function partialMatches(session: Session): Hit[] {
  const shown: Hit[] = [];
  for (const h of [...session.partialPool].sort(outOfForceLast((a, b) => b.score - a.score || a.order - b.order))) {
    if (shown.length >= MAX_PARTIAL) break;
    const rel = relation(textIn(h, session.scope), session.words);
    if (relates(rel)) shown.push({ ...h, relation: rel });
  }
  return shown;
}

/**
 * A result's excerpt with `marks` marked, except inside a department's name (退役军人 in
 * 市退役军人局: outsideNames()); without marks, the text's start.
 */
export function excerptOf(session: Pick<Session, 'departmentNames'>, hit: Hit, marks: readonly string[]): MarkedRun[] {
  return excerpt(hit.data.content, marks, marks.length ? { find: (t: string, w: string) => outsideNames(t, w, session.departmentNames) } : { length: 90 });
}

/** What a result found through alternatives (or the words apart) is marked by: what the text holds for each word. */
export const foundMarks = (h: Hit): string[] => [...new Set((h.via ?? []).flatMap((m) => m.found))];
