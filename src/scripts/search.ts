/**
 * The search page's wiring (README, Search; docs/search.md): reads the page (search/view.ts),
 * loads Pagefind, the lexicon, the vocabulary and the simplifier once each, and runs a search
 * session (src/views/search-session.ts, no DOM) for what the form and the address say
 * (src/views/search-state.ts, search/form.ts), drawing it with search/render.ts. The query stays in
 * the address (shareable, reloadable, back/forward). A newer search makes an older one's answers
 * moot: each run has a generation, and only the current one draws.
 */
import { isFiltered, parseSearchState, type SearchState } from '../views/search-state.ts';
import { limitQuery, splitWords } from '../views/search-query.ts';
import { pinyinTable, type Vocabulary } from '../views/vocabulary.ts';
import type { Lexicon } from '../views/search-lexicon.ts';
import { checkMore, complete, more, start, type Pagefind, type SearchDeps, type Session } from '../views/search-session.ts';
import { onControls } from './search/controls.ts';
import { chosenFilters, clearChapters, describe, fillForm, foldFilters, stateFromForm, urlFor } from './search/form.ts';
import { renderEmpty, renderFirst, renderFound, renderRest, showChecking } from './search/render.ts';
import { viewOf } from './search/view.ts';

const view = viewOf(document);
const { box, status, form, input, strings } = view;

/** A loader that runs once: every later call shares its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

const json = async <T>(url: string): Promise<T> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json() as Promise<T>;
};

/**
 * Candidates checked for the exact string before the first results show (each costs a fragment
 * request: with 1,000 documents, 20 take about 100 ms of the first second); each 继续查找 checks
 * ten times as many, so every candidate can be reached. `?batch=N` in the address sets the first
 * batch (the tests use a small one).
 */
const batch = Math.max(1, Math.floor(Number(new URLSearchParams(location.search).get('batch'))) || 20);
const NEXT = batch * 10;

const deps: SearchDeps = {
  pagefind: once(async () => {
    const pf = (await import(/* @vite-ignore */ `${view.bundle}pagefind.js`)) as Pagefind;
    // Explicit paths, so the bundle and the result URLs are right under a sub-path.
    await pf.options({ bundlePath: view.bundle, baseUrl: view.base, excerptLength: 40 });
    await pf.init();
    return pf;
  }),
  lexicon: once(() => json<Lexicon>(view.lexiconUrl)),
  vocabulary: once(async () => {
    const v = await json<Vocabulary>(view.wordsUrl);
    return { words: v.words.split(' ').filter(Boolean), table: pinyinTable(v) };
  }),
  // Built in slices (t2s.ts).
  simplifier: once(() => import('./t2s.ts').then((m) => m.loadSimplifier())),
  singleDocument: view.singleDocument,
  batch,
  // A task of its own, without setTimeout's clamping.
  yieldToPage: () => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  }),
};

/** The page's search: its generation (a newer run makes an older one's answers moot), its session, what follows its first results, the typing timer. */
const page: { generation: number; session?: Session | undefined; following: Promise<unknown>; timer?: ReturnType<typeof setTimeout> | undefined } = {
  generation: 0, following: Promise.resolve(),
};

function failed(err: unknown): void {
  console.error(err);
  status.textContent = strings.failed!;
  box.dataset.state = 'error';
}

async function run(s: SearchState): Promise<void> {
  const mine = ++page.generation;
  page.session = undefined;
  const words = splitWords(limitQuery(s.q).q);
  const setTitle = () => {
    document.title = words.length || isFiltered(s) ? `${describe(view, words)} - ${strings.heading} - ${strings.siteName}` : `${strings.heading} - ${strings.siteName}`;
  };
  setTitle();
  view.continueRow.hidden = true;
  box.dataset.for = urlFor(s);
  if (!words.length && !isFiltered(s)) {
    renderEmpty(view);
    box.dataset.state = 'done';
    return;
  }
  box.dataset.state = 'loading';
  status.textContent = strings.loading!;
  view.suggestLine.hidden = true;
  try {
    const o = await start(deps, s, chosenFilters(view));
    if (mine !== page.generation) return;
    page.session = o;
    renderFirst(view, o);
    setTitle();
    // The first results show; the rest follows (the state is "done" once it has).
    page.following = more(o);
    await page.following;
    if (mine !== page.generation) return;
    renderRest(view, o);
    setTitle();
    box.dataset.state = 'done';
  } catch (err) {
    if (mine === page.generation) failed(err);
  }
}

/** 继续查找: checks the next NEXT candidates, appends their exact matches and moves focus to the first of them. */
async function next(): Promise<void> {
  const o = page.session;
  if (!o || complete(o) || view.nextButton.getAttribute('aria-disabled')) return;
  const mine = page.generation;
  showChecking(view);
  box.dataset.state = 'loading';
  try {
    await page.following;
    if (mine !== page.generation) return;
    const found = await checkMore(o, NEXT);
    if (mine !== page.generation) return;
    const first = renderFound(view, o, found);
    renderRest(view, o);
    box.dataset.state = 'done';
    // Focus follows the reader to what was added; with nothing added, it stays on the button (or, all checked, on the status).
    if (first) first.querySelector('a')!.focus();
    else if (view.continueRow.hidden) status.focus();
  } catch (err) {
    if (mine === page.generation) failed(err);
  }
}

function update(push: boolean): void {
  clearTimeout(page.timer);
  const s = stateFromForm(view);
  const url = urlFor(s);
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  void run(s);
}

form.addEventListener('submit', (e) => { e.preventDefault(); foldFilters(view, stateFromForm(view)); update(true); });
input.addEventListener('input', () => { clearTimeout(page.timer); page.timer = setTimeout(() => update(false), 300); });
view.docSelect.addEventListener('change', () => { clearChapters(view); update(true); });
view.chapterSelect.addEventListener('change', () => update(true));
view.deptSelect.addEventListener('change', () => update(true));
onControls(view.controls, () => update(true));
view.nextButton.addEventListener('click', () => void next());
window.addEventListener('popstate', () => { const s = parseSearchState(location.search); fillForm(view, s); foldFilters(view, s); void run(s); });

const initial = parseSearchState(location.search);
fillForm(view, initial);
foldFilters(view, initial);
void run(initial);
