// Dark mode: the system's preference by default; the toggle's choice is remembered (localStorage).
// Loaded in <head> (small, blocking) so the page never flashes the wrong theme. The site reads
// without it: CSS follows prefers-color-scheme on its own, and the toggle stays hidden.
(function () {
  var KEY = 'tongbao-theme';
  var root = document.documentElement;
  var stored = null;
  try { stored = localStorage.getItem(KEY); } catch (e) {}
  if (stored === 'dark' || stored === 'light') root.setAttribute('data-theme', stored);
  var isDark = function () {
    var t = root.getAttribute('data-theme');
    return t ? t === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  };
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    button.hidden = false;
    button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) {}
      button.setAttribute('aria-pressed', String(next === 'dark'));
    });
  });
})();
