/**
 * The controls of a diagram box, whoever drew it: the view buttons (whole graph, one chapter…)
 * and the zoom buttons. For a diagram drawn at build time this is all the script the page runs:
 * showing a view moves its SVG out of its <template>, nothing is laid out in the browser.
 */

/** Natural width of a drawn SVG (its viewBox). */
function naturalWidth(svg: SVGSVGElement): number {
  const vb = svg.viewBox.baseVal;
  return vb && vb.width ? vb.width : svg.getBoundingClientRect().width;
}

/** Natural size, or fitted to the box when that shrinks it by no more than a fifth (text stays legible). */
export function sized(svg: SVGSVGElement): void {
  const natural = naturalWidth(svg);
  const room = (svg.closest('[data-canvas]')?.clientWidth ?? natural) - 2;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.style.width = `${Math.round(natural > room && natural * 0.8 <= room ? room : natural)}px`;
}

export function setUpZoom(box: HTMLElement): void {
  const controls = box.querySelector<HTMLElement>('.pe-diagram__zoom');
  if (!controls) return;
  controls.hidden = false;
  controls.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-zoom]');
    const svg = [...box.querySelectorAll<SVGSVGElement>('[data-canvas] svg')].find((s) => s.getClientRects().length > 0);
    if (!button || !svg) return;
    const natural = naturalWidth(svg);
    const canvas = box.querySelector<HTMLElement>('[data-canvas]')!;
    const current = svg.getBoundingClientRect().width;
    const next = button.dataset.zoom === 'fit' ? Math.min(natural, canvas.clientWidth - 2) : current * (button.dataset.zoom === 'in' ? 1.25 : 0.8);
    svg.style.width = `${Math.round(Math.max(160, Math.min(natural * 3, next)))}px`;
  });
}

/** The view buttons: `show(key)` draws or reveals a view; the pressed button follows. */
export function setUpViews(box: HTMLElement, first: string, show: (key: string) => Promise<void> | void): void {
  const views = box.querySelector<HTMLElement>('.pe-diagram__views');
  if (!views) return;
  views.hidden = false;
  const press = (key: string) => { for (const b of views.querySelectorAll<HTMLButtonElement>('button[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === key)); };
  press(first);
  views.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-view]');
    if (!button || button.getAttribute('aria-pressed') === 'true') return;
    press(button.dataset.view!);
    await show(button.dataset.view!);
    box.dataset.rendered = button.dataset.view;
  });
}

/** Whether the screen is narrow (a phone): a large diagram then starts with a smaller view. */
export const narrowScreen = () => matchMedia('(max-width: 47.99rem)').matches;

/** A status line in the canvas (drawing…, could not draw). */
function status(text: string | undefined): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'pe-diagram__status';
  p.setAttribute('role', 'status');
  p.textContent = text ?? '';
  return p;
}

/**
 * A diagram drawn at build time: its first view per the screen's width, its views and zoom. A view
 * in a <template> is moved into the page; a view not drawn at build time (its source in a
 * <script type="text/plain">) is drawn by mermaid, which loads then, the first time it is asked for.
 */
export function setUpDrawn(box: HTMLElement): void {
  const canvas = box.querySelector<HTMLElement>('[data-canvas]');
  if (!canvas) return;
  const drawings = () => [...canvas.querySelectorAll<HTMLElement>('.pe-diagram__drawing')];
  const holder = (key: string) => {
    const drawing = document.createElement('div');
    drawing.className = 'pe-diagram__drawing';
    drawing.dataset.drawing = key;
    canvas.append(drawing);
    return drawing;
  };
  let current = '';
  const show = async (key: string) => {
    current = key;
    // A view that failed to draw is drawn again.
    for (const d of drawings()) if (d.dataset.drawing === key && 'failed' in d.dataset) d.remove();
    let drawing = drawings().find((d) => d.dataset.drawing === key);
    let source: string | undefined;
    if (!drawing) {
      const template = box.querySelector<HTMLTemplateElement>(`template[data-drawing="${CSS.escape(key)}"]`);
      source = box.querySelector<HTMLScriptElement>(`script[data-source="${CSS.escape(key)}"]`)?.textContent ?? undefined;
      if (!template && source === undefined) return;
      drawing = holder(key);
      if (template) drawing.append(document.importNode(template.content, true));
      else drawing.append(status(box.dataset.loading));
    }
    for (const d of drawings()) d.hidden = d !== drawing;
    canvas.scrollTo(0, 0);
    if (source === undefined) return;
    const host = drawing;
    try {
      const { drawInto } = await import('./mermaid-render.ts');
      sized(await drawInto(box, host, source));
    } catch (error) {
      host.dataset.failed = '';
      host.replaceChildren(status(box.dataset.failed));
      console.warn(error);
    }
    host.hidden = current !== key;
  };
  const first = drawings().find((d) => (narrowScreen() ? 'narrow' : 'wide') in d.dataset)?.dataset.drawing;
  if (!first) return;
  void show(first);
  box.classList.add('pe-diagram--live');
  box.dataset.rendered = first;
  setUpZoom(box);
  setUpViews(box, first, show);
}
