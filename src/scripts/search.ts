/**
 * The search page: reads q / doc / chapter / dept from the URL, asks Pagefind for candidates, keeps
 * Ctrl-F semantics with an exact-substring pass over the candidates' text, and renders the
 * results inside <main>. The query stays in the URL (shareable, reloadable, back/forward).
 *
 * Besides the words as typed it understands (README, Search):
 *  - places: a provision's number or label, a 发文字号 (src/views/provision-query.ts), a
 *    department's or a reader group's name, listed first under 直接打开;
 *  - everyday words and other names of departments (/search/lexicon.json, src/views/lexicon.ts),
 *    listed after the exact matches, each labelled with what it was found by;
 *  - traditional characters, folded to simplified (src/scripts/t2s.ts, loaded on demand).
 */
import { alternativesFor, combinations, departmentNamed, groupsNamed, type Alternative, type Lexicon } from '../views/lexicon.ts';
import { parsePlace, type Place } from '../views/provision-query.ts';
import { matchAlternatives, relates, relation, relationMarks, type WordMatch, type WordRelation } from '../views/search-match.ts';
import { candidateQueries, compareRanked, excerpt, matchCounts, splitWords, type Segment } from '../views/search-query.ts';

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
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Candidates whose text is checked for an exact match; Pagefind ranks the rest below. */
const MAX_CANDIDATES = 200;
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
/** With one document, its chapters are the only ones; with several, chapters are chosen within a document. */
const singleDocument = docSelect.options.length === 2;
const deptSelect = form.querySelector<HTMLSelectElement>('select[name="dept"]')!;
const box = document.querySelector<HTMLElement>('#pe-search-results')!;
const status = box.querySelector<HTMLElement>('#pe-search-status')!;
const directSection = box.querySelector<HTMLElement>('#pe-search-direct')!;
const directList = box.querySelector<HTMLOListElement>('#pe-search-direct-list')!;
const directMore = box.querySelector<HTMLElement>('#pe-search-direct-more')!;
const exactList = box.querySelector<HTMLOListElement>('#pe-search-exact')!;
const viaSection = box.querySelector<HTMLElement>('#pe-search-via')!;
const viaList = box.querySelector<HTMLOListElement>('#pe-search-via-list')!;
const partialSection = box.querySelector<HTMLElement>('#pe-search-partial')!;
const partialList = box.querySelector<HTMLOListElement>('#pe-search-partial-list')!;
const strings = JSON.parse(box.dataset.strings!) as Record<string, string>;
const bundle = form.dataset.bundle!;
const base = form.dataset.base!;
const lexiconUrl = form.dataset.lexicon!;

interface State { q: string; doc: string; chapter: string; dept: string }

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('');

function stateFromUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') ?? '', doc: p.get('doc') ?? '', chapter: p.get('chapter') ?? '', dept: p.get('dept') ?? '' };
}

function urlFor(s: State): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.doc) p.set('doc', s.doc);
  if (s.chapter) p.set('chapter', s.chapter);
  if (s.dept) p.set('dept', s.dept);
  const qs = p.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

function stateFromForm(): State {
  return { q: input.value, doc: docSelect.value, chapter: chapterSelect.value, dept: deptSelect.value };
}

/** The document whose chapters the chapter filter offers: the chosen one, or the only one. */
function chapterDocument(): string {
  return singleDocument ? docSelect.options[1]!.value : docSelect.value;
}

/** Shows only the chosen document's chapters (all options stay in the page without JavaScript). */
function showChapters(): void {
  const doc = chapterDocument();
  for (const o of chapterSelect.options) if (o.value) o.hidden = o.disabled = o.dataset.doc !== doc;
  chapterSelect.disabled = !doc;
  if (chapterSelect.selectedOptions[0]?.disabled) chapterSelect.value = '';
}

function fillForm(s: State): void {
  input.value = s.q;
  docSelect.value = [...docSelect.options].some((o) => o.value === s.doc) ? s.doc : '';
  showChapters();
  const chapter = [...chapterSelect.options].find((o) => o.value === s.chapter && !o.disabled);
  if (chapter) chapter.selected = true;
  else chapterSelect.value = '';
  deptSelect.value = [...deptSelect.options].some((o) => o.value === s.dept) ? s.dept : '';
}

function filterValue(select: HTMLSelectElement): string | undefined {
  const opt = select.selectedOptions[0];
  return opt && opt.value && !opt.disabled ? opt.dataset.filter : undefined;
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

let simplifier: Promise<(s: string) => string> | undefined;
/** The traditional → simplified converter, loaded the first time a query holds a Han character. */
function loadSimplifier(): Promise<(s: string) => string> {
  simplifier ??= import('./t2s.ts').then((m) => m.toSimplified);
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

interface Outcome {
  direct: Direct[];
  /** Pages the query's place names beyond MAX_DIRECT. */
  directMore: number;
  exact: Hit[];
  via: Hit[];
  partial: Hit[];
  /** The words searched (simplified when the traditional form found nothing). */
  words: string[];
  /** Whether `words` are the simplified form of what was typed. */
  folded: boolean;
}

function filtersOf(): Record<string, string> {
  const filters: Record<string, string> = {};
  const doc = singleDocument ? undefined : filterValue(docSelect);
  const chapter = filterValue(chapterSelect);
  const dept = filterValue(deptSelect);
  if (doc) filters.document = doc;
  if (chapter) filters.chapter = chapter;
  if (dept) filters.department = dept;
  return filters;
}

async function hitOf(r: PagefindResult): Promise<Hit> {
  const data = await r.data();
  return { id: r.id, data, counts: null, score: r.score, order: Number(data.meta.order ?? 0) };
}

/** The pages a place names (src/views/provision-query.ts), in library order, and how many more there are. */
async function placeHits(pf: Pagefind, place: Place, filters: Record<string, string>): Promise<{ hits: Hit[]; more: number }> {
  let documents: Hit[] | undefined;
  if (place.document) {
    const r = await pf.search(null, { filters: { ...filters, place: place.document.key } });
    documents = await Promise.all((r?.results ?? []).slice(0, MAX_DIRECT).map(hitOf));
    // 5号 alone opens a document only where it is the library's only 5号.
    if (place.document.bare && documents.length !== 1) return { hits: [], more: 0 };
    if (!place.provision) return { hits: documents, more: 0 };
  }
  const found: PagefindResult[] = [];
  const scopes = documents ? documents.map((d) => ({ ...filters, document: d.data.meta.documentFilter ?? '' })) : [filters];
  for (const scope of scopes) {
    for (const key of place.provision ?? []) {
      const r = await pf.search(null, { filters: { ...scope, provision: key } });
      for (const x of r?.results ?? []) if (!found.some((y) => y.id === x.id)) found.push(x);
    }
  }
  const hits = await Promise.all(found.slice(0, MAX_DIRECT).map(hitOf));
  return { hits: hits.sort((a, b) => a.order - b.order), more: Math.max(0, found.length - MAX_DIRECT) };
}

/** Union of several Pagefind searches, each result with its best score; the ids found by `counted` queries. */
async function gather(pf: Pagefind, queries: (string | null)[], filters: Record<string, string>, cap: number): Promise<PagefindResult[]> {
  const responses = await Promise.all(queries.map((q) => pf.search(q, { filters })));
  const found = new Map<string, PagefindResult>();
  for (const response of responses) {
    for (const r of response?.results ?? []) {
      const seen = found.get(r.id);
      if (!seen || seen.score < r.score) found.set(r.id, r);
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, cap);
}

async function search(s: State): Promise<Outcome> {
  const hasHan = /\p{Script=Han}/u.test(s.q);
  const [pf, lex, simplify] = await Promise.all([loadPagefind(), loadLexicon(), hasHan ? loadSimplifier() : undefined]);
  const filters = filtersOf();
  const typed = splitWords(s.q);
  const simple = simplify ? splitWords(simplify(s.q)) : typed;
  const forms = [typed, ...(simple.join(' ') !== typed.join(' ') ? [simple] : [])];

  // Exact candidates for the words as typed and as simplified.
  const queries: (string | null)[] = typed.length ? forms.flatMap(candidateQueries) : [null];
  const exactPool = await gather(pf, queries, filters, MAX_CANDIDATES);
  const matched = new Set(exactPool.map((r) => r.id));
  // Pagefind does not index every single character on its own (委 inside 市教委): a one-character
  // word also checks every page, up to MAX_CANDIDATES, with the exact pass.
  const everyPage = typed.some((w) => [...w].length < 2) ? await gather(pf, [null], filters, MAX_CANDIDATES) : [];
  const pool = new Map([...everyPage, ...exactPool].map((r) => [r.id, r]));
  const poolHits = await Promise.all([...pool.values()].map(hitOf));

  // The simplified form is searched where the typed one finds nothing exact (a simplified 显著
  // that OpenCC would turn into 显着 stays as typed when the text has it).
  const words = forms.length > 1 && !poolHits.some((h) => matchCounts(h.data.content, typed)) ? simple : typed;
  const folded = words !== typed;

  // Alternatives of each word: thesaurus terms, a department's abbreviation.
  const alternatives: Alternative[][] = words.map((w) => alternativesFor(w, lex));
  const altTexts = alternatives.map((as) => as.map((a) => a.text));
  const altPool = altTexts.some((a) => a.length)
    ? await gather(pf, combinations(words, altTexts).flatMap(candidateQueries), filters, MAX_ALTERNATIVE_CANDIDATES)
    : [];
  const altHits = await Promise.all(altPool.filter((r) => !pool.has(r.id)).map(hitOf));

  // What the query names: a place, a department, a group.
  const place = words.length ? parsePlace(words.join('')) : null;
  const { hits: placed, more } = place ? await placeHits(pf, place, filters) : { hits: [], more: 0 };
  const direct: Direct[] = placed.map((hit) => ({ kind: 'page', hit: { ...hit, counts: words.length ? matchCounts(hit.data.content, words) : [] } }));
  if (words.length === 1) {
    const dept = departmentNamed(words[0]!, lex);
    if (dept) direct.push({ kind: 'link', href: dept.href, title: fill(strings.departmentLink!, { abbr: dept.abbr, name: dept.names[0]! }) });
    for (const g of groupsNamed(words[0]!, lex)) direct.push({ kind: 'link', href: g.href, title: fill(strings.groupLink!, { name: g.name, n: g.count }) });
  }
  const opened = new Set(placed.map((h) => h.id));

  const exact: Hit[] = [];
  const via: Hit[] = [];
  const partial: Hit[] = [];
  for (const h of [...poolHits, ...altHits]) {
    if (opened.has(h.id)) continue;
    if (!words.length) { exact.push({ ...h, counts: [], score: 0 }); continue; }
    const counts = matchCounts(h.data.content, words);
    if (counts) { exact.push({ ...h, counts }); continue; }
    const met = altTexts.some((a) => a.length) ? matchAlternatives(h.data.content, words, altTexts) : null;
    if (met) {
      // Ranked like exact matches, by the occurrences of what was found.
      via.push({ ...h, via: met, counts: met.map((m) => m.count) });
      continue;
    }
    if (matched.has(h.id)) partial.push(h);
  }
  exact.sort(compareRanked);
  via.sort(compareRanked);
  // Partial matches in Pagefind's order, kept only where they hold a whole word or a piece of two or more characters.
  const shown: Hit[] = [];
  for (const h of partial.sort((a, b) => b.score - a.score || a.order - b.order)) {
    if (shown.length >= MAX_PARTIAL) break;
    const rel = relation(h.data.content, words);
    if (relates(rel)) shown.push({ ...h, relation: rel });
  }
  return { direct, directMore: more, exact, via, partial: shown, words, folded };
}

function segmentsToNodes(segments: Segment[]): Node[] {
  return segments.map((seg) => {
    if (!seg.mark) return document.createTextNode(seg.text);
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
  if (!singleDocument && data.meta.documentTitle)
    h.append(element('span', 'pe-result__doc', `${strings.inDocument}《${data.meta.documentTitle}》${data.meta.docNumber ? `（${data.meta.docNumber}）` : ''}`));
  li.append(h);
  if (o.note) li.append(element('p', 'pe-result__why', o.note));
  const p = element('p', 'pe-result__excerpt');
  p.append(...segmentsToNodes(excerpt(data.content, o.marks, o.marks.length ? {} : { length: 90 })));
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

function describe(words: string[]): string {
  const bits = [];
  if (words.length) bits.push(words.map((w) => `“${w}”`).join(' '));
  const doc = docSelect.selectedOptions[0];
  if (doc?.value && !singleDocument) bits.push(doc.textContent ?? '');
  const c = chapterSelect.selectedOptions[0];
  if (c?.value) bits.push(c.textContent ?? '');
  const d = deptSelect.selectedOptions[0];
  if (d?.value) bits.push(d.textContent ?? '');
  return bits.join('，');
}

/** The status line: what was searched, what opens directly, how many exact matches, how many through alternatives. */
function statusText(o: Outcome): string {
  const what = describe(o.words);
  const parts: string[] = [];
  if (o.folded) parts.push(fill(strings.folded!, { q: o.words.map((w) => `“${w}”`).join(' ') }));
  if (o.direct.length) parts.push(fill(strings.directFound!, { n: o.direct.length, what }));
  if (o.exact.length) parts.push(fill(o.words.length ? strings.found! : strings.foundFiltered!, { n: o.exact.length, what }));
  else if (o.via.length) parts.push(fill(strings.viaOnly!, { n: o.via.length, what }));
  else if (!o.direct.length) parts.push(fill(o.words.length ? strings.none! : strings.noneFiltered!, { what }));
  if (o.exact.length && o.via.length) parts.push(fill(strings.viaFound!, { n: o.via.length }));
  return parts.join('；');
}

let generation = 0;
async function run(s: State): Promise<void> {
  const mine = ++generation;
  const key = urlFor(s);
  const words = splitWords(s.q);
  const filtered = Boolean(s.doc || s.chapter || s.dept);
  document.title = words.length || filtered
    ? `${describe(words)} - ${strings.heading} - ${strings.siteName}`
    : `${strings.heading} - ${strings.siteName}`;
  if (!words.length && !filtered) {
    for (const list of [directList, exactList, viaList, partialList]) list.replaceChildren();
    directSection.hidden = viaSection.hidden = partialSection.hidden = true;
    status.textContent = '';
    box.dataset.state = 'done';
    box.dataset.for = key;
    return;
  }
  box.dataset.state = 'loading';
  box.dataset.for = key;
  status.textContent = strings.loading!;
  try {
    const o = await search(s);
    if (mine !== generation) return;
    const lex = await loadLexicon();
    const kinds = new Map(o.words.flatMap((w) => alternativesFor(w, lex)).map((a) => [a.text, a.via] as const));
    status.textContent = statusText(o);
    directList.replaceChildren(...o.direct.map((d) => renderDirect(d, o.words)));
    directMore.textContent = o.directMore ? fill(strings.directMore!, { n: o.directMore }) : '';
    directSection.hidden = o.direct.length === 0;
    exactList.replaceChildren(...o.exact.map((h) => renderHit(h, { heading: 'h2', marks: o.words })));
    viaList.replaceChildren(...o.via.map((h) => renderHit(h, {
      heading: 'h3', marks: [...new Set(h.via!.flatMap((m) => m.found))], note: viaLabel(h.via!, kinds),
    })));
    viaSection.hidden = o.via.length === 0;
    partialList.replaceChildren(...o.partial.map((h) => renderHit(h, { heading: 'h3', marks: relationMarks(h.relation!), note: relationLabel(h.relation!) })));
    partialSection.hidden = o.partial.length === 0;
    box.dataset.state = 'done';
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

form.addEventListener('submit', (e) => { e.preventDefault(); update(true); });
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => update(false), 300); });
docSelect.addEventListener('change', () => { showChapters(); update(true); });
chapterSelect.addEventListener('change', () => update(true));
deptSelect.addEventListener('change', () => update(true));
window.addEventListener('popstate', () => { const s = stateFromUrl(); fillForm(s); void run(s); });

const initial = stateFromUrl();
fillForm(initial);
void run(initial);
