// Dark mode: the system's preference by default; the toggle's choice is remembered (localStorage).
// Loaded in <head> (small, blocking) so the page never flashes the wrong theme. The site reads
// without it: CSS follows prefers-color-scheme on its own, and the toggle stays hidden.
(function () {
  var KEY = 'tongbao-theme';
  var root = document.documentElement;
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {}
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
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {}
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
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {}
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
    if (link)
      try {
        localStorage.setItem(KEY, link.getAttribute('data-locale'));
      } catch (e) {}
  });
})();

// Font size: three steps (small, medium, large), remembered (localStorage) and set on <html> here in
// <head>, before the first paint, so the page is drawn once at the reader's size (no layout shift).
// The buttons keep their box while hidden (global.css, :root.js), so showing them moves nothing.
(function () {
  var KEY = 'tongbao-font';
  var root = document.documentElement;
  root.classList.add('js');
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {}
  if (stored === 'small' || stored === 'large') root.setAttribute('data-font', stored);
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-font-step]');
    var mark = function () {
      var current = root.getAttribute('data-font') || 'medium';
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-font-step') === current));
    };
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        var step = this.getAttribute('data-font-step');
        if (step === 'medium') root.removeAttribute('data-font');
        else root.setAttribute('data-font', step);
        try {
          localStorage.setItem(KEY, step);
        } catch (e) {}
        mark();
      });
    }
    mark();
  });
})();

// Sharing (src/components/Share.astro): the links work as they are; here the Web Share API where the
// browser has it, and copy-link copying the address (without JS it is a link to the article itself).
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.querySelector('.share');
    if (!box) return;
    var url = box.getAttribute('data-share-url');
    var title = box.getAttribute('data-share-title');
    var status = box.querySelector('.share-status');
    var native = box.querySelector('.share-native');
    if (native && navigator.share) {
      native.parentNode.hidden = false;
      native.addEventListener('click', function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    var copy = box.querySelector('.share-copy');
    if (copy && navigator.clipboard) {
      copy.addEventListener('click', function (event) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(
          function () {
            if (status) status.textContent = copy.getAttribute('data-copied');
          },
          function () {
            location.href = url;
          },
        );
      });
    }
  });
})();
