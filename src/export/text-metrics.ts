/**
 * Text and box measurement for a jsdom window, which lays nothing out: what mermaid asks of SVG
 * elements (getBBox, getComputedTextLength, getBoundingClientRect), estimated from the text.
 * CJK characters and full-width punctuation are 1 em wide in every CJK font; Latin letters and
 * digits vary between the fonts of the site's stack, so they get a generous width, and lines
 * the height of the tallest common CJK fonts: a label drawn in the reader's font fits its box.
 */

/** Advance width in em. */
export function advance(ch: string): number {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) || c >= 0x20000) return 1;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z]/.test(ch)) return 0.7;
  if (/[a-z]/.test(ch)) return 0.58;
  if (/\s/.test(ch)) return 0.3;
  if (/[-.,:;'!|()[\]]/.test(ch)) return 0.38;
  return 0.62;
}

/** Width of a run of text in px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize;
}

/** Ascent and descent of a line, in em, as a browser reports them for the site's CJK fonts. */
export const ASCENT = 1.06;
export const DESCENT = 0.3;
const DEFAULT_FONT_SIZE = 14;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const num = (el: Element, name: string) => Number.parseFloat(el.getAttribute(name) ?? '') || 0;

function fontSize(el: Element): number {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const size = Number.parseFloat(e.getAttribute('font-size') ?? '');
    if (size) return size;
  }
  return DEFAULT_FONT_SIZE;
}

function union(a: Box | undefined, b: Box | undefined): Box | undefined {
  if (!a || !b) return a ?? b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The translation of a transform attribute (mermaid positions with translate() only). */
function translation(el: Element): [number, number] {
  const m = /translate\(\s*([-\d.e]+)(?:[\s,]+([-\d.e]+))?\s*\)/.exec(el.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/** A <text>: one line per tspan.text-outer-tspan (mermaid's lines: y and dy in em), or one line. */
function textBox(el: Element): Box {
  const size = fontSize(el);
  const y0 = num(el, 'y');
  const em = (v: string | null) => (v?.endsWith('em') ? Number.parseFloat(v) * size : Number.parseFloat(v ?? '') || 0);
  const tspans = [...el.querySelectorAll('tspan.text-outer-tspan')];
  const lines = tspans.length
    ? tspans.map((t) => ({ width: textWidth(t.textContent ?? '', size), baseline: y0 + em(t.getAttribute('y')) + em(t.getAttribute('dy')) }))
    : [{ width: textWidth(el.textContent ?? '', size), baseline: y0 + em(el.getAttribute('dy')) }];
  const width = Math.max(0, ...lines.map((l) => l.width));
  const anchor = el.closest('[text-anchor]')?.getAttribute('text-anchor');
  const x = num(el, 'x') - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const top = Math.min(...lines.map((l) => l.baseline)) - ASCENT * size;
  const bottom = Math.max(...lines.map((l) => l.baseline)) + DESCENT * size;
  return { x, y: top, width, height: bottom - top };
}

const NOT_DRAWN = new Set(['marker', 'defs', 'style', 'title', 'desc', 'metadata', 'lineargradient', 'radialgradient', 'filter', 'clippath', 'mask', 'pattern', 'symbol']);

/** The bounding box of an SVG element in its own coordinates, as getBBox() gives it (markers excluded). */
export function bbox(el: Element): Box | undefined {
  const tag = el.tagName.toLowerCase();
  if (NOT_DRAWN.has(tag) || el.getAttribute('display') === 'none') return undefined;
  switch (tag) {
    case 'text':
      return textBox(el);
    case 'rect':
    case 'foreignobject':
    case 'image':
      return { x: num(el, 'x'), y: num(el, 'y'), width: num(el, 'width'), height: num(el, 'height') };
    case 'circle':
    case 'ellipse': {
      const rx = num(el, 'r') || num(el, 'rx');
      const ry = num(el, 'r') || num(el, 'ry');
      return { x: num(el, 'cx') - rx, y: num(el, 'cy') - ry, width: 2 * rx, height: 2 * ry };
    }
    case 'line':
    case 'path':
    case 'polygon':
    case 'polyline': {
      // The points of the outline; a curve stays inside the hull of its control points.
      const values = tag === 'line'
        ? ['x1', 'y1', 'x2', 'y2'].map((a) => num(el, a))
        : (el.getAttribute(tag === 'path' ? 'd' : 'points')?.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
      if (values.length < 2) return undefined;
      const xs = values.filter((_, i) => i % 2 === 0);
      const ys = values.filter((_, i) => i % 2 === 1);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
    }
    default: {
      let box: Box | undefined;
      for (const child of el.children) {
        const b = bbox(child);
        if (!b) continue;
        const [tx, ty] = translation(child);
        box = union(box, { ...b, x: b.x + tx, y: b.y + ty });
      }
      return box;
    }
  }
}

/** Gives a jsdom window's SVG elements the measuring methods mermaid calls. */
export function installTextMetrics(window: Window & typeof globalThis): void {
  const proto = window.SVGElement.prototype as SVGElement & Record<string, unknown>;
  const empty = { x: 0, y: 0, width: 0, height: 0 };
  proto.getBBox = function (this: Element) {
    return bbox(this) ?? empty;
  };
  proto.getComputedTextLength = function (this: Element) {
    return textWidth(this.textContent ?? '', fontSize(this));
  };
  proto.getBoundingClientRect = function (this: Element) {
    const b = bbox(this) ?? empty;
    return { ...b, top: b.y, left: b.x, right: b.x + b.width, bottom: b.y + b.height, toJSON: () => b };
  };
}
