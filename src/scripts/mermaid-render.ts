/**
 * Draws the site's mermaid diagrams under a strict Content-Security-Policy (style-src 'self'):
 * mermaid writes a <style> element and style="" attributes, which that policy blocks. While
 * mermaid renders, its <style> text goes to a constructable stylesheet (adoptedStyleSheets) and
 * style attributes go through the CSSOM (element.style), neither of which CSP restricts; the
 * SVG it returns is parsed in an inert document and moved in the same way.
 */
import mermaid from 'mermaid';
import { DIAGRAM_COLORS, mermaidConfig } from '../views/mermaid-config.ts';
import { narrowScreen, setUpViews, setUpZoom, sized } from './diagram-controls.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const cssVar = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

let initialised = false;
function init(): void {
  if (initialised) return;
  initialised = true;
  // The site's tokens as the page has them (长辈模式 changes some), for mermaid's stylesheet.
  mermaid.initialize(mermaidConfig({
    accent: cssVar('--pe-color-accent', DIAGRAM_COLORS.accent),
    link: cssVar('--pe-color-link', DIAGRAM_COLORS.link),
    surface: cssVar('--pe-color-surface', DIAGRAM_COLORS.surface),
    font: cssVar('--pe-font-sans', 'sans-serif'),
  }));
}

/** Runs `fn` with mermaid's inline styles redirected through the CSSOM. */
async function withoutInlineStyles<T>(sheets: CSSStyleSheet[], fn: () => Promise<T>): Promise<T> {
  const create = Document.prototype.createElement;
  const createNS = Document.prototype.createElementNS;
  const setAttribute = Element.prototype.setAttribute;
  const placeholder = (doc: Document): Element => {
    const el = createNS.call(doc, SVG_NS, 'metadata') as Element;
    setAttribute.call(el, 'data-pe-style', '');
    Object.defineProperty(el, 'innerHTML', {
      set(css: string) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.push(sheet);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      },
      get: () => '',
    });
    Object.defineProperty(el, 'textContent', Object.getOwnPropertyDescriptor(el, 'innerHTML')!);
    return el;
  };
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    return tag.toLowerCase() === 'style' ? placeholder(this) : create.call(this, tag, options);
  } as typeof Document.prototype.createElement;
  Document.prototype.createElementNS = function (this: Document, ns: string | null, tag: string, options?: ElementCreationOptions) {
    return tag.toLowerCase() === 'style' ? placeholder(this) : createNS.call(this, ns, tag, options as string);
  } as typeof Document.prototype.createElementNS;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && 'style' in this) (this as HTMLElement).style.cssText = String(value);
    else setAttribute.call(this, name, value);
  };
  // Mermaid serialises its drawing (innerHTML) and sanitises it with DOMPurify, whose parser
  // would report every style attribute to CSP: park them in data-pe-css first.
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...innerHTML,
    get(this: Element) {
      if (this.querySelector('svg[id^="pe-mermaid-"]'))
        for (const el of this.querySelectorAll('[style]')) {
          setAttribute.call(el, 'data-pe-css', el.getAttribute('style') ?? '');
          el.removeAttribute('style');
        }
      return innerHTML.get!.call(this);
    },
  });
  try {
    return await fn();
  } finally {
    Document.prototype.createElement = create;
    Document.prototype.createElementNS = createNS;
    Element.prototype.setAttribute = setAttribute;
    Object.defineProperty(Element.prototype, 'innerHTML', innerHTML);
  }
}

/** Parses SVG markup in an inert document and moves it into `host`, style attributes via the CSSOM. */
function insertSvg(host: Element, markup: string): SVGSVGElement {
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html');
  const svg = inert.querySelector('svg');
  if (!svg) throw new Error('mermaid returned no SVG');
  for (const el of svg.querySelectorAll('style, [data-pe-style]')) el.remove();
  const styled = new Map<Element, string>();
  for (const el of [svg, ...svg.querySelectorAll('[data-pe-css]')]) {
    const css = el.getAttribute('data-pe-css');
    if (css === null) continue;
    styled.set(el, css);
    el.removeAttribute('data-pe-css');
  }
  document.adoptNode(svg);
  host.replaceChildren(svg);
  for (const [el, css] of styled) (el as SVGElement).style.cssText = css;
  return svg;
}

let counter = 0;
/** Drawings one after another: withoutInlineStyles() patches prototypes for the time of one. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Draws `source` into `host` (the box's canvas, or a part of it) and returns the SVG. The
 * stylesheets of an earlier drawing in the same host are removed; other hosts keep theirs.
 */
function draw(box: HTMLElement, source: string, host: HTMLElement = box.querySelector<HTMLElement>('[data-canvas]')!): Promise<SVGSVGElement> {
  const run = queue.then(async () => {
    const id = `pe-mermaid-${++counter}`;
    const old = (host as HTMLElement & { peSheets?: CSSStyleSheet[] }).peSheets ?? [];
    const sheets: CSSStyleSheet[] = [];
    const { svg, bindFunctions } = await withoutInlineStyles(sheets, () => mermaid.render(id, source));
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !old.includes(s));
    (host as HTMLElement & { peSheets?: CSSStyleSheet[] }).peSheets = sheets;
    const live = insertSvg(host, svg);
    bindFunctions?.(host);
    const text = box.dataset.text;
    if (text) live.setAttribute('aria-describedby', text);
    // The nodes stay links for pointers and screen readers, but out of the Tab order: the text
    // version next to the diagram has the same links, and the box itself takes focus to scroll.
    for (const a of live.querySelectorAll('a')) a.setAttribute('tabindex', '-1');
    const canvas = box.querySelector<HTMLElement>('[data-canvas]')!;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', box.dataset.label ?? '');
    return live;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** One view of a diagram drawn at build time that was not drawn there (src/scripts/diagram-controls.ts). */
export function drawInto(box: HTMLElement, host: HTMLElement, source: string): Promise<SVGSVGElement> {
  init();
  return draw(box, source, host);
}

export async function setUp(boxes: HTMLElement[]): Promise<void> {
  init();
  for (const box of boxes) {
    const sources = new Map([...box.querySelectorAll<HTMLScriptElement>('script[data-source]')].map((s) => [s.dataset.source!, s.textContent ?? '']));
    // On a narrow screen a large diagram starts with a smaller view (e.g. one chapter).
    const narrow = box.dataset.narrowView;
    const first = narrow && sources.has(narrow) && narrowScreen() ? narrow : [...sources.keys()][0];
    if (first === undefined) continue;
    const status = box.querySelector<HTMLElement>('[data-status]');
    try {
      sized(await draw(box, sources.get(first)!));
      box.dataset.rendered = first;
      setUpZoom(box);
      setUpViews(box, first, async (key) => { sized(await draw(box, sources.get(key)!)); });
    } catch (error) {
      if (status) status.textContent = box.dataset.failed ?? '';
      box.dataset.rendered = 'error';
      console.warn(error);
    }
  }
}
