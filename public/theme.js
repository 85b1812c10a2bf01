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

// Remembered script choice: picking 简体/繁體 (a link with data-locale) is remembered, and the root
// page `/` (which shows both scripts and names each script's home in <meta name="tongbao-homes">)
// sends the reader on to that home before anything is drawn. Only `/` redirects, and to a home that
// never does, so there is no loop; every other link opens what it names. Without JS `/` shows both.
(function () {
  var KEY = 'tongbao-script';
  var stored = null;
  try { stored = localStorage.getItem(KEY); } catch (e) {}
  var homes = document.querySelector('meta[name="tongbao-homes"]');
  if (stored && homes) {
    var pairs = homes.getAttribute('content').split(' ');
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i].split('=');
      if (pair[0] === stored && pair[1] && pair[1].charAt(0) === '/' && pair[1] !== location.pathname) {
        location.replace(pair[1]);
        return;
      }
    }
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[data-locale]') : null;
    if (link) try { localStorage.setItem(KEY, link.getAttribute('data-locale')); } catch (e) {}
  });
})();
