/**
 * Deep links move keyboard focus to what they point to: on /policy/#m2-1, after an in-page
 * anchor link or the skip link, focus lands on the target (sections and <main> carry
 * tabindex="-1"), so Tab continues from there and screen readers announce it.
 */
function focusTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target?.hasAttribute('tabindex') && target !== document.activeElement) target.focus({ preventScroll: true });
}

focusTarget();
window.addEventListener('hashchange', focusTarget);
