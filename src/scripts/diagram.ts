/**
 * Loads the diagram renderer (and with it mermaid) only when the page has a diagram, once the
 * page has loaded, so the text is readable first and other pages never fetch mermaid.
 */
const diagrams = [...document.querySelectorAll<HTMLElement>('[data-pe-diagram]')];
if (diagrams.length > 0) {
  const start = () => { void import('./mermaid-render.ts').then((m) => m.setUp(diagrams)); };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
