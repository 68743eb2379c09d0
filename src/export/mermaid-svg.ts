/**
 * Mermaid diagrams drawn at build time, in Node, without a browser: mermaid runs in a jsdom
 * document whose text measurement is estimated from the characters (src/export/text-metrics.ts),
 * dagre lays the graph out as in the browser, and the SVG comes out ready for a strict
 * Content-Security-Policy: no <style> element and no style attribute (their rules go to a
 * stylesheet the page links), links out of the Tab order. A reader's phone then loads no
 * diagram library and does no layout work.
 *
 * jsdom's window is made global only while mermaid renders (one render at a time), so the rest
 * of the build never sees a `window` or `document`.
 */
import { registerHooks } from 'node:module';
import type { Mermaid } from 'mermaid';
import { mermaidConfig } from '../views/mermaid-config.ts';
import { installTextMetrics } from './text-metrics.ts';

export interface DiagramView {
  key: string;
  source: string;
}

export interface RenderedDiagrams {
  /** One SVG element's markup per view, in the order given. */
  svgs: { key: string; svg: string }[];
  /** The rules of every view, scoped to `svg.pe-mermaid`: mermaid's own, then the former style attributes. */
  css: string;
}

/** The class every diagram drawn here carries; its stylesheet rules are scoped to it. */
export const STATIC_CLASS = 'pe-mermaid';
/** Where the diagram's colours and font come from on the page (the site's tokens, with mermaid's fallbacks). */
const CSS_TOKENS = {
  accent: 'var(--pe-color-accent, #9b1c1c)',
  link: 'var(--pe-color-link, #1a4fa0)',
  surface: 'var(--pe-color-surface, #f6f4f1)',
  font: 'var(--pe-font-sans, sans-serif)',
};

const GLOBALS = ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer', 'CSSStyleSheet', 'getComputedStyle', 'MutationObserver', 'DocumentFragment', 'Text'] as const;

interface Dom {
  window: Window & typeof globalThis;
  mermaid: Mermaid;
}
let dom: Promise<Dom> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs `fn` with jsdom's window as the global one, then puts the globals back. */
async function withGlobals<T>(window: Window & typeof globalThis, fn: () => Promise<T>): Promise<T> {
  const saved = GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)] as const);
  for (const k of GLOBALS) Object.defineProperty(globalThis, k, { value: k === 'window' ? window : window[k], configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete (globalThis as Record<string, unknown>)[k];
    }
  }
}

/** Sections of mermaid's configuration kept for flowcharts (the others configure other diagram types). */
const FLOWCHART_SECTIONS = new Set(['flowchart', 'themeVariables', 'secure', 'elk', 'layout']);

/**
 * Empties the sections of mermaid's default configuration that configure other diagram types
 * (sequence, gantt, c4… about 650 of its 1,000 settings), before initialize() copies it. Mermaid
 * copies its whole configuration on every getConfig(), hundreds of times per diagram: half of the
 * drawing time went there, a third now. The SVGs are the same (tests/integration/mermaid-svg.test.ts
 * draws with and without, PE_MERMAID_FULL_CONFIG=1). Only this process's mermaid is changed: the
 * build draws flowcharts alone, in its workers.
 */
function trimDefaults(mermaid: Mermaid): void {
  // mermaidAPI is deprecated for drawing (mermaid.render replaces it) but is still where the
  // defaults are exposed; were it gone, this throws and the build stops with the reason.
  const api = (mermaid as unknown as { mermaidAPI?: { defaultConfig?: Record<string, unknown> } }).mermaidAPI;
  if (!api?.defaultConfig) throw new Error("mermaid no longer exposes mermaidAPI.defaultConfig: update trimDefaults() in src/export/mermaid-svg.ts");
  const defaults = api.defaultConfig;
  for (const [key, value] of Object.entries(defaults)) {
    if (FLOWCHART_SECTIONS.has(key) || !value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const k of Object.keys(value)) delete (value as Record<string, unknown>)[k];
  }
}

/** mermaid's getConfig() as it ships (mermaid.core's chunk): a copy of the whole configuration, made anew on every call. */
const GET_CONFIG = 'var getConfig = /* @__PURE__ */ __name(() => {\n  return assignWithDepth_default({}, currentConfig);\n}, "getConfig");';
/**
 * The same, with the copy made once per configuration (mermaid replaces `currentConfig`, never
 * changes it in place) and handed out as a fresh copy of that: the same objects at the same
 * depths (assignWithDepth's depth 2: two levels of objects copied, the third shallow; arrays
 * copied), without assignWithDepth's per-key closures and property definitions.
 */
const GET_CONFIG_ONCE = `var __peCopyOf, __peCopy;
var __peClone = (src, depth) => {
  if (Array.isArray(src)) return src.slice();
  if (depth <= 0) return Object.assign({}, src);
  const out = {};
  for (const key of Object.keys(src)) {
    const value = src[key];
    out[key] = typeof value === "object" && value !== null ? __peClone(value, depth - 1) : value;
  }
  return out;
};
var getConfig = /* @__PURE__ */ __name(() => {
  if (__peCopyOf !== currentConfig) {
    __peCopy = assignWithDepth_default({}, currentConfig);
    __peCopyOf = currentConfig;
  }
  return __peClone(__peCopy, 2);
}, "getConfig");`;

/**
 * Mermaid calls getConfig() hundreds of times per diagram, and each call copied its whole
 * configuration: after trimDefaults(), still 40 % of the drawing time (a CPU profile of the graph
 * step at 100 documents). A module hook gives this thread's mermaid getConfig() with the copy
 * made once (GET_CONFIG_ONCE); the SVGs are the same (tests/integration/mermaid-svg.test.ts draws with
 * and without, PE_MERMAID_FULL_CONFIG=1). `patched` says whether mermaid's source had it.
 */
let patched = false;
let hooked = false;
function copyConfigOnce(): void {
  if (hooked) return;
  hooked = true;
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!url.includes('/mermaid/dist/') || result.source === undefined || result.source === null) return result;
      const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
      if (!source.includes(GET_CONFIG)) return result;
      patched = true;
      return { ...result, source: source.replace(GET_CONFIG, GET_CONFIG_ONCE) };
    },
  });
}

async function setUp(): Promise<Dom> {
  const { JSDOM } = await import('jsdom');
  const window = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true }).window as unknown as Window & typeof globalThis;
  installTextMetrics(window);
  // Imported with the globals in place: DOMPurify (inside mermaid) keeps the window it sees first.
  if (!process.env.PE_MERMAID_FULL_CONFIG) copyConfigOnce();
  const mermaid = await withGlobals(window, async () => (await import('mermaid')).default);
  if (!process.env.PE_MERMAID_FULL_CONFIG && !patched) throw new Error("mermaid's getConfig() is not as copyConfigOnce() expects: update GET_CONFIG in src/export/mermaid-svg.ts");
  // 'loose' skips DOMPurify's pass over the whole SVG (a tenth of the drawing time in jsdom): the
  // sources are the site's own (src/views/departments.ts), mermaid still sanitises every label,
  // labels are SVG text (htmlLabels: false), and finish() refuses scripts, handlers and
  // javascript: links. The browser's drawings keep 'strict'.
  if (!process.env.PE_MERMAID_FULL_CONFIG) trimDefaults(mermaid);
  mermaid.initialize({ ...mermaidConfig(CSS_TOKENS), securityLevel: 'loose' });
  return { window, mermaid };
}

/** The declarations of a style attribute, or none when it holds nothing valid ("", ";", "normal"). */
function declarations(style: string): string[] {
  return style.split(';').map((d) => d.trim()).filter((d) => /^[a-z-]+\s*:\s*\S/.test(d)).map((d) => d.replace(/\s*:\s*/, ': '));
}

/** A short stable name for a set of declarations. */
function styleClass(decls: string[]): string {
  let h = 2166136261;
  for (const ch of decls.join(';')) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `pe-ms-${h.toString(36)}`;
}

/** Text of serialised markup (the entities an HTML serialiser writes). */
const unescape = (s: string) => s.replace(/&(lt|gt|quot|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', amp: '&' })[e]!);

/** Sets an attribute in a list of them. */
function set(attrs: [string, string][], name: string, value: string): void {
  const at = attrs.find(([k]) => k === name);
  if (at) at[1] = value;
  else attrs.push([name, value]);
}

/**
 * Mermaid's SVG markup made ready for the page, on the markup itself (parsing it again in jsdom
 * costs more than drawing did): its <style> rules go to `rules`, scoped to the class; each style
 * attribute becomes a class whose declarations go to `styles`.
 */
function finish(markup: string, id: string, idPrefix: string, describedBy: string | undefined, rules: Set<string>, styles: Map<string, string[]>): string {
  const scope = new RegExp(`#${id}(?![\\w-])`, 'g');
  if (!/^<svg\s/.test(markup)) throw new Error(`mermaid drew no SVG for ${id}`);
  const out = markup.replace(/<style>([^<]*)<\/style>/g, (_, css: string) => {
    // Scoped to the class instead of the SVG's id; ids left in url() references (rules of other
    // looks than ours) are made the same for every view, so the views share their rules.
    rules.add(unescape(css).replace(scope, `svg.${STATIC_CLASS}`).replaceAll(`#${id}`, `#${idPrefix}`));
    return '';
  });
  let root = true;
  // Start tags: quoted attribute values hold no '"' (written &quot;), so '>' inside one is no end.
  return out.replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s="/>]+(?:="[^"]*")?)*)\s*(\/?)>/g, (tag, name: string, attrs: string, slash: string) => {
    const list = [...attrs.matchAll(/\s+([^\s="/>]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? ''] as [string, string]);
    if (!root && !list.some(([k]) => k === 'style' || k === 'data-points' || k === 'target') && name !== 'a') return tag;
    const classes: string[] = [];
    const kept = list.filter(([k, v]) => {
      if (k === 'style') {
        const decls = declarations(unescape(v));
        if (decls.length > 0) {
          const cls = styleClass(decls);
          styles.set(cls, decls);
          classes.push(cls);
        }
        return false;
      }
      // Each edge's points again, base64-encoded for mermaid's editor tools: nothing reads them
      // here; and target="_self", which says nothing.
      return k !== 'data-points' && !(k === 'target' && v === '_self');
    });
    if (root) {
      classes.push(STATIC_CLASS);
      if (describedBy) set(kept, 'aria-describedby', describedBy);
      root = false;
    }
    // The nodes stay links for pointers and screen readers, but out of the Tab order: the text
    // version next to the diagram has the same links, and the box itself takes focus to scroll.
    if (name === 'a') set(kept, 'tabindex', '-1');
    if (classes.length > 0) {
      const at = kept.findIndex(([k]) => k === 'class');
      if (at >= 0) kept[at]![1] = [...kept[at]![1].split(/\s+/).filter(Boolean), ...classes].join(' ');
      else kept.push(['class', classes.join(' ')]);
    }
    return `<${name}${kept.map(([k, v]) => ` ${k}="${v}"`).join('')}${slash ? '/' : ''}>`;
  });
}

/** Loads jsdom and mermaid (about a second), so that the first drawing does not wait for them. */
export async function prepare(): Promise<void> {
  dom ??= setUp();
  await dom;
}

/**
 * Draws each view with mermaid; the SVG of view `key` gets the id `${idPrefix}-${key}`.
 * `describedBy` (the id of the text equivalent on the page) describes every SVG.
 */
export function renderMermaid(views: DiagramView[], idPrefix: string, describedBy?: string): Promise<RenderedDiagrams> {
  const run = queue.then(async () => {
    dom ??= setUp();
    const { window, mermaid } = await dom;
    const rules = new Set<string>();
    const styles = new Map<string, string[]>();
    const svgs: RenderedDiagrams['svgs'] = [];
    for (const view of views) {
      const id = `${idPrefix}-${view.key}`;
      const markup = await withGlobals(window, async () => (await mermaid.render(id, view.source)).svg);
      const text = finish(markup, id, idPrefix, describedBy, rules, styles);
      if (/\sstyle=|<style/i.test(text)) throw new Error(`${id}: inline styles left in the SVG`);
      if (/<(script|foreignObject|iframe)|\son\w+=|href="\s*(javascript|data|vbscript):/i.test(text)) throw new Error(`${id}: script or markup in the SVG`);
      svgs.push({ key: view.key, svg: text });
    }
    // A style attribute outranks every rule; !important keeps that order among mermaid's rules.
    for (const [name, decls] of styles) rules.add(`svg.${STATIC_CLASS} .${name}{${decls.map((d) => `${d} !important`).join(';')}}`);
    return { svgs, css: [...rules].join('\n') + '\n' };
  });
  queue = run.catch(() => undefined);
  return run;
}
