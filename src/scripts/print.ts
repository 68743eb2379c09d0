/**
 * Print controls, loaded only on pages that have them. Without JavaScript the controls stay
 * hidden (the `hidden` attribute) and the page offers links instead.
 *   <button data-print hidden>                 prints the page
 *   <fieldset data-print-choose hidden>        checkboxes choosing what prints:
 *     <input type="checkbox" data-print-target="id">  unchecked → #id gets .pe-print-skip
 *     <p data-print-none hidden>               shown when nothing is chosen
 */

const SKIP = 'pe-print-skip';

function applyChoice(chooser: HTMLElement): void {
  const boxes = [...chooser.querySelectorAll<HTMLInputElement>('input[data-print-target]')];
  for (const box of boxes) document.getElementById(box.dataset.printTarget ?? '')?.classList.toggle(SKIP, !box.checked);
  const none = boxes.every((b) => !b.checked);
  const scope = chooser.closest('[data-print-scope]') ?? document;
  for (const button of scope.querySelectorAll<HTMLButtonElement>('button[data-print]')) button.disabled = none;
  const message = chooser.querySelector<HTMLElement>('[data-print-none]');
  if (message) message.hidden = !none;
}

for (const chooser of document.querySelectorAll<HTMLElement>('[data-print-choose]')) {
  chooser.hidden = false;
  chooser.addEventListener('change', () => applyChoice(chooser));
  chooser.querySelector<HTMLButtonElement>('button[data-print-all]')?.addEventListener('click', () => {
    for (const box of chooser.querySelectorAll<HTMLInputElement>('input[data-print-target]')) box.checked = true;
    applyChoice(chooser);
  });
  // Browsers restore checkbox states on reload: start from what the boxes say.
  applyChoice(chooser);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
