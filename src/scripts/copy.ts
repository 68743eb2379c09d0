/**
 * Progressive enhancement for copy controls. Without JavaScript, a permalink control is a
 * plain link to its anchor and copy buttons stay hidden; with it, both copy to the clipboard.
 *   <a data-copy-link href="#m2-1">   copies the absolute URL of the link
 *   <button data-copy-text="…" hidden> copies the given text
 *   <button data-copy-text="…" data-copy-address="/p/"> copies the text, then the address (made absolute) on a line of its own
 * Messages come from the status region's data-done / data-failed (strings live in src/site/strings.ts).
 */

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function announce(el: HTMLElement, message: string): void {
  const status = document.getElementById('pe-status');
  if (status) status.textContent = message;
  el.dataset.copied = message;
  window.setTimeout(() => delete el.dataset.copied, 2000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-text]')) button.hidden = false;

document.addEventListener('click', async (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-copy-link], [data-copy-text]');
  if (!target) return;
  const address = target.dataset.copyAddress;
  const text = target.dataset.copyText !== undefined
    ? target.dataset.copyText + (address ? `\n${new URL(address, location.href).href}` : '')
    : new URL(target.getAttribute('href') ?? '', location.href).href;
  if (target.hasAttribute('data-copy-link')) {
    event.preventDefault();
    history.replaceState(null, '', target.getAttribute('href'));
  }
  const status = document.getElementById('pe-status');
  announce(target, (await copy(text)) ? (status?.dataset.done ?? '') : (status?.dataset.failed ?? ''));
});
