/**
 * Each provision's HTML, rendered once per document and build. A document's provisions are one
 * MDX module (provisions.mdx): rendering it builds every provision's element tree, whichever
 * provision a page shows. Rendered once per provision (the full text, then every provision's
 * page), that cost grows with the square of the document's length (a document of 1,000
 * provisions took 215 s). So the first page that needs a provision of a document renders the
 * whole module once, with each provision between markers (src/components/provisions/), and
 * every later page of the build takes its provision's HTML from here (README, Scale).
 *
 * The HTML is the same on every page: the inline components write absolute links (routes.ts),
 * never relative to the page.
 */
import type { ProvisionsEntry } from './library.ts';

/** Around each provision's HTML in the rendered module: private-use characters, which no seed text holds. */
const OPEN = '\u{F8F0}';
const MID = '\u{F8F1}';
const CLOSE = '\u{F8F2}';

/** What the marking Provision component writes before and after a provision's HTML. */
export const provisionStart = (id: string): string => `${OPEN}${id}${MID}`;
export const provisionEnd = CLOSE;

/**
 * A rendered provisions module cut into its provisions: id → HTML, each without the line breaks
 * between tags that MDX leaves (whitespace that carries no text).
 */
export function splitProvisions(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(`${OPEN}([^${MID}]*)${MID}([^${CLOSE}]*)${CLOSE}`, 'gu');
  for (const m of html.matchAll(re)) out.set(m[1]!, m[2]!.replace(/>\n+</g, '><').trim());
  return out;
}

interface Pending {
  texts: Promise<Map<string, string>>;
  resolve(texts: Map<string, string>): void;
  reject(e: unknown): void;
}

/** Per provisions entry (the same object for the whole build: src/site/library.ts memoises them). */
const rendered = new WeakMap<ProvisionsEntry, Pending>();

/**
 * The document's provisions, and whether the caller must render them: the first caller gets
 * `produce: true` and must render the module (src/components/provisions/Capture.astro calls
 * settle()); every caller, the first included, may await `texts`.
 */
export function claim(entry: ProvisionsEntry): { produce: boolean; texts: Promise<Map<string, string>> } {
  const seen = rendered.get(entry);
  if (seen) return { produce: false, texts: seen.texts };
  let resolve!: Pending['resolve'];
  let reject!: Pending['reject'];
  const texts = new Promise<Map<string, string>>((res, rej) => { resolve = res; reject = rej; });
  // A failed render fails the page that rendered it; the others waiting get the same error.
  texts.catch(() => undefined);
  rendered.set(entry, { texts, resolve, reject });
  return { produce: true, texts };
}

/** The first caller's render: resolves every caller's texts (or rejects them, when it failed). */
export function settle(entry: ProvisionsEntry, html: string | Error): Map<string, string> {
  const pending = rendered.get(entry);
  if (!pending) throw new Error('settle() without claim()');
  if (html instanceof Error) {
    pending.reject(html);
    rendered.delete(entry);
    throw html;
  }
  const texts = splitProvisions(html);
  pending.resolve(texts);
  return texts;
}

/** One provision's HTML from its document's; a provision the module lacks stops the build. */
export function provisionOf(texts: Map<string, string>, entry: ProvisionsEntry, id: string): string {
  const own = texts.get(id);
  if (own === undefined) throw new Error(`provision ${id} is not in ${entry.id}'s provisions.mdx: run \`npm run convert\``);
  return own;
}
