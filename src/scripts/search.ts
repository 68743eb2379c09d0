/**
 * The search page: reads q / doc / chapter / dept from the URL, asks Pagefind for candidates, keeps
 * Ctrl-F semantics with an exact-substring pass over the candidates' text, and renders the
 * results inside <main>. The query stays in the URL (shareable, reloadable, back/forward).
 */
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
/** Results that hold the query's characters but not the exact string, shown below. */
const MAX_PARTIAL = 10;

const form = document.querySelector<HTMLFormElement>('#pe-search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const docSelect = form.querySelector<HTMLSelectElement>('select[name="doc"]')!;
const chapterSelect = form.querySelector<HTMLSelectElement>('select[name="chapter"]')!;
/** With one document, its chapters are the only ones; with several, chapters are chosen within a document. */
const singleDocument = docSelect.options.length === 2;
const deptSelect = form.querySelector<HTMLSelectElement>('select[name="dept"]')!;
const box = document.querySelector<HTMLElement>('#pe-search-results')!;
const status = box.querySelector<HTMLElement>('#pe-search-status')!;
const exactList = box.querySelector<HTMLOListElement>('#pe-search-exact')!;
const partialSection = box.querySelector<HTMLElement>('#pe-search-partial')!;
const partialList = box.querySelector<HTMLOListElement>('#pe-search-partial-list')!;
const strings = JSON.parse(box.dataset.strings!) as Record<string, string>;
const bundle = form.dataset.bundle!;
const base = form.dataset.base!;

interface State { q: string; doc: string; chapter: string; dept: string }

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

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

interface Hit {
  id: string;
  data: PagefindResultData;
  counts: number[] | null;
  score: number;
  order: number;
}

async function search(s: State): Promise<{ exact: Hit[]; partial: Hit[]; words: string[] }> {
  const pf = await loadPagefind();
  const filters: Record<string, string> = {};
  const doc = singleDocument ? undefined : filterValue(docSelect);
  const chapter = filterValue(chapterSelect);
  const dept = filterValue(deptSelect);
  if (doc) filters.document = doc;
  if (chapter) filters.chapter = chapter;
  if (dept) filters.department = dept;
  const words = splitWords(s.q);
  const found = new Map<string, PagefindResult>();
  /** Pages Pagefind matched to the words (the others come from the every-page check below). */
  const matched = new Set<string>();
  const queries: (string | null)[] = words.length ? candidateQueries(words) : [null];
  // Pagefind does not index every single character on its own (委 inside 市教委): a one-character
  // word also checks every page, up to MAX_CANDIDATES, with the exact pass.
  if (words.some((w) => [...w].length < 2)) queries.push(null);
  const responses = await Promise.all(queries.map((q) => pf.search(q, { filters })));
  responses.forEach((response, i) => {
    for (const r of response?.results ?? []) {
      if (queries[i] !== null || !words.length) matched.add(r.id);
      const seen = found.get(r.id);
      if (!seen || seen.score < r.score) found.set(r.id, r);
    }
  });
  const candidates = [...found.values()].sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES);
  const hits: Hit[] = await Promise.all(candidates.map(async (r) => {
    const data = await r.data();
    return {
      id: r.id,
      data,
      counts: words.length ? matchCounts(data.content, words) : [],
      score: words.length ? r.score : 0,
      order: Number(data.meta.order ?? 0),
    };
  }));
  hits.sort(compareRanked);
  return { exact: hits.filter((h) => h.counts), partial: hits.filter((h) => !h.counts && matched.has(h.id)).slice(0, MAX_PARTIAL), words };
}

function segmentsToNodes(segments: Segment[]): Node[] {
  return segments.map((seg) => {
    if (!seg.mark) return document.createTextNode(seg.text);
    const mark = document.createElement('mark');
    mark.textContent = seg.text;
    return mark;
  });
}

/** Pagefind's own excerpt (for partial matches), keeping only its text and <mark> elements. */
function pagefindExcerpt(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild!.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      return mark;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

function renderHit(hit: Hit, words: string[], heading: 'h2' | 'h3'): HTMLLIElement {
  const { data } = hit;
  const li = document.createElement('li');
  li.className = 'pe-result';
  li.dataset.id = data.meta.id ?? '';
  li.dataset.exact = hit.counts ? 'true' : 'false';
  const h = document.createElement(heading);
  h.className = 'pe-result__title';
  const a = document.createElement('a');
  const href = new URL(data.url, location.href);
  if (words.length) href.searchParams.set('highlight', words.join(' '));
  a.href = href.pathname + href.search + href.hash;
  const label = document.createElement('span');
  label.className = 'pe-result__label';
  label.textContent = data.meta.label ?? '';
  a.append(label, data.meta.headline ?? data.meta.title ?? '');
  h.append(a);
  if (!singleDocument && data.meta.documentTitle) {
    const doc = document.createElement('span');
    doc.className = 'pe-result__doc';
    doc.textContent = `${strings.inDocument}《${data.meta.documentTitle}》${data.meta.docNumber ? `（${data.meta.docNumber}）` : ''}`;
    h.append(doc);
  }
  li.append(h);
  const p = document.createElement('p');
  p.className = 'pe-result__excerpt';
  if (hit.counts && words.length) p.append(...segmentsToNodes(excerpt(data.content, words)));
  else if (!hit.counts) p.append(...pagefindExcerpt(data.excerpt));
  else p.append(...segmentsToNodes(excerpt(data.content, [], { length: 90 })));
  li.append(p);
  const metaBits: string[] = [];
  if (hit.counts && words.length) metaBits.push(fill(strings.occurrences!, { n: hit.counts.reduce((x, y) => x + y, 0) }));
  if (data.meta.departments) metaBits.push(`${strings.departmentsOf}${data.meta.departments}`);
  if (metaBits.length) {
    const meta = document.createElement('p');
    meta.className = 'pe-result__meta';
    meta.textContent = metaBits.join(' · ');
    li.append(meta);
  }
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
    exactList.replaceChildren();
    partialList.replaceChildren();
    partialSection.hidden = true;
    status.textContent = '';
    box.dataset.state = 'done';
    box.dataset.for = key;
    return;
  }
  box.dataset.state = 'loading';
  box.dataset.for = key;
  status.textContent = strings.loading!;
  try {
    const { exact, partial } = await search(s);
    if (mine !== generation) return;
    const what = describe(words);
    const template = exact.length ? (words.length ? strings.found : strings.foundFiltered) : (words.length ? strings.none : strings.noneFiltered);
    status.textContent = fill(template!, { n: exact.length, what });
    exactList.replaceChildren(...exact.map((h) => renderHit(h, words, 'h2')));
    partialList.replaceChildren(...partial.map((h) => renderHit(h, words, 'h3')));
    partialSection.hidden = partial.length === 0;
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
