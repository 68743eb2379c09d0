/*
 * 长辈模式 (larger text for older readers). Loaded in <head> as a classic script, so the choice
 * remembered in localStorage applies before the first paint (no flash of the small size). It
 * shows the header's toggle button and keeps its aria-pressed state. Without JavaScript the page
 * follows the browser's own text size and zoom.
 */
(function () {
  var KEY = 'pe-large';
  var root = document.documentElement;
  try {
    if (localStorage.getItem(KEY) === '1') root.classList.add('pe-large');
  } catch (e) { /* storage blocked: the mode still switches for this page */ }
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-large-toggle]');
    function sync() {
      var on = root.classList.contains('pe-large');
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); b.hidden = false; });
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var on = root.classList.toggle('pe-large');
        try { localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) { /* not remembered */ }
        sync();
      });
    });
    sync();
  });
})();
