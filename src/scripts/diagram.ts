/**
 * Diagrams on the page. One drawn at build time gets its controls at once (a small module, no
 * diagram library). Otherwise the renderer (and with it mermaid) loads only when the page has a
 * diagram, once the page has loaded, so the text is readable first and other pages never fetch
 * mermaid; a diagram marked data-on-demand waits for its button: the page stays as light as a
 * reading page.
 */
const diagrams = [...document.querySelectorAll<HTMLElement>('[data-pe-diagram]')];
const drawn = diagrams.filter((box) => 'drawn' in box.dataset);
if (drawn.length > 0) void import('./diagram-controls.ts').then((m) => { for (const box of drawn) m.setUpDrawn(box); });
const draw = (boxes: HTMLElement[]) => import('./mermaid-render.ts').then((m) => m.setUp(boxes));
const now = diagrams.filter((box) => !('onDemand' in box.dataset) && !('drawn' in box.dataset));
for (const box of diagrams.filter((b) => 'onDemand' in b.dataset)) {
  const button = box.querySelector<HTMLButtonElement>('[data-show]');
  const status = box.querySelector<HTMLElement>('[data-status]');
  if (!button) continue;
  if (status) status.hidden = true;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    void draw([box]).then(() => box.querySelector<HTMLElement>('[data-canvas]')?.focus());
  }, { once: true });
}
if (now.length > 0) {
  const start = () => { void draw(now); };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
