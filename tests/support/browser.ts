/**
 * Chromium with traps for script execution: alert/confirm/prompt/print/open are replaced by
 * recorders before any page script runs, dialogs and popups are counted, console messages and
 * navigations after the first load are recorded. A static server serves a built folder.
 */
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { resolveSitePath } from './site-checks.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export async function serve(outDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolveSitePath(outDir, path);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export async function launch(): Promise<Browser> {
  const found = findChromium();
  if (!found) throw new Error('[tongbao] no Chromium found; run scripts/ensure-browser.ts (npm test does)');
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
}

export interface Executions {
  /** Calls of alert/confirm/prompt/print/open and eval-like sinks, with their arguments. */
  calls: string[];
  dialogs: string[];
  popups: number;
  navigations: string[];
  console: string[];
  pageErrors: string[];
}

const TRAP = `(() => {
  const calls = [];
  Object.defineProperty(window, '__xssCalls', { value: calls });
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    const trap = (...args) => { calls.push(name + '(' + args.map(String).join(',') + ')'); return null; };
    try { Object.defineProperty(window, name, { value: trap, writable: false, configurable: false }); } catch { window[name] = trap; }
  }
})();`;

/**
 * Opens each URL with the traps set, in `concurrency` tabs of one context, and reports what executed.
 * The pages' CSP is bypassed, so that what is tested is the sanitizer and the escaping, not the CSP
 * behind them. Requests that leave `origin` are aborted (no network here, and nothing of ours lives
 * elsewhere). `setContent` runs last, in one tab, for a page made by the test.
 */
export async function visit(
  browser: Browser,
  origin: string,
  urls: readonly string[],
  setContent?: (page: Page) => Promise<void>,
  concurrency = 4,
): Promise<Executions> {
  const found: Executions = { calls: [], dialogs: [], popups: 0, navigations: [], console: [], pageErrors: [] };
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
  await context.addInitScript(TRAP);
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
  const tab = async () => {
    const page = await context.newPage();
    const state = { label: '', loaded: false };
    page.on('dialog', (d) => {
      found.dialogs.push(`${state.label}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    page.on('popup', () => found.popups++);
    page.on('console', (m) => found.console.push(`${state.label}: ${m.type()} ${m.text()}`));
    page.on('pageerror', (e) => found.pageErrors.push(`${state.label}: ${e.message}`));
    page.on('framenavigated', (frame) => {
      if (state.loaded && frame === page.mainFrame()) found.navigations.push(`${state.label} → ${frame.url()}`);
    });
    const run = async (name: string, load: () => Promise<unknown>) => {
      state.label = name;
      state.loaded = false;
      await load();
      state.loaded = true;
      // Give timers and autofocus handlers a moment.
      await page.waitForTimeout(20);
      const calls = (await page.evaluate('window.__xssCalls').catch(() => [])) as string[];
      found.calls.push(...calls.map((c) => `${state.label}: ${c}`));
    };
    return { page, run };
  };
  const queue = [...urls];
  const tabs = await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, tab));
  await Promise.all(
    tabs.map(async ({ page, run }) => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const target = url;
        await run(target, () => page.goto(target, { waitUntil: 'load' }));
      }
    }),
  );
  if (setContent) {
    const { page, run } = tabs[0] ?? (await tab());
    await run('content', () => setContent(page));
  }
  await context.close();
  return found;
}

export interface FeedFile {
  /** For messages: `zh-hans/rss.xml`. */
  name: string;
  format: 'rss' | 'atom' | 'json';
  text: string;
}

/**
 * What a feed reader shows, made in Chromium from the feed's text: XML read with the browser's own
 * strict XML parser (DOMParser, `application/xml`), JSON with JSON.parse. Shown as HTML: every RSS
 * title, description and content (RSS says nothing of their type and readers render them as HTML),
 * every Atom text construct of `type="html"` or `xhtml` and content, JSON Feed `content_html`. Shown
 * as text: Atom `type="text"` (and untyped, text by default), JSON Feed `title` and `summary`, names
 * and categories. Returns the page's HTML, or `parsererror: …` when the XML is not well-formed.
 */
const READER = `(([format, text]) => {
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const out = [];
  // Pieces are separated by U+2063 (INVISIBLE SEPARATOR), which no text of the tests holds.
  const html = (v) => out.push('<div>' + (v ?? '') + '</div>\u2063');
  const txt = (v) => out.push('<p>' + esc(v) + '</p>\u2063');
  if (format === 'json') {
    const feed = JSON.parse(text);
    txt(feed.title); txt(feed.description);
    for (const item of feed.items ?? []) {
      txt(item.title); txt(item.summary); html(item.content_html); if (item.content_text) txt(item.content_text);
      for (const a of item.authors ?? []) txt(a.name);
      for (const t of item.tags ?? []) txt(t);
      for (const a of item.attachments ?? []) txt(a.title);
    }
    return out.join('');
  }
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) return 'parsererror: ' + error.textContent;
  const all = (el, name) => [...el.getElementsByTagNameNS('*', name)];
  if (format === 'rss') {
    for (const el of [...all(doc, 'title'), ...all(doc, 'description'), ...all(doc, 'encoded')]) html(el.textContent);
    for (const el of [...all(doc, 'category'), ...all(doc, 'creator')]) txt(el.textContent);
    return out.join('');
  }
  for (const name of ['title', 'subtitle', 'summary', 'content', 'rights']) {
    for (const el of all(doc, name)) {
      const type = el.getAttribute('type') ?? 'text';
      if (type === 'html') html(el.textContent);
      else if (type === 'xhtml') html(el.innerHTML);
      else txt(el.textContent);
    }
  }
  for (const el of all(doc, 'name')) txt(el.textContent);
  for (const el of all(doc, 'category')) txt(el.getAttribute('label'));
  return out.join('');
})`;

/**
 * Every feed rendered as a reader would (READER) in one tab each, with the traps set: scripts in
 * the page made of a feed run as they would in a reader that shows it. Also returns the feeds the
 * browser's XML parser rejected.
 */
export async function visitFeeds(
  browser: Browser,
  origin: string,
  feeds: readonly FeedFile[],
  concurrency = 4,
): Promise<Executions & { notWellFormed: string[] }> {
  const notWellFormed: string[] = [];
  const pages: { name: string; html: string }[] = [];
  const reader = await browser.newContext({ javaScriptEnabled: true });
  const page = await reader.newPage();
  await page.setContent('<!doctype html><title>reader</title>');
  for (const feed of feeds) {
    const html = (await page.evaluate(`${READER}(${JSON.stringify([feed.format, feed.text])})`)) as string;
    if (html.startsWith('parsererror:')) notWellFormed.push(`${feed.name}: ${html.slice(0, 200)}`);
    else pages.push({ name: feed.name, html });
  }
  await reader.close();
  // Feeds of a category or an author repeat the items of the locale's feed: each distinct piece a
  // reader shows is rendered once, in pages of at most 400 pieces (its feeds named in messages).
  const pieces = new Map<string, Set<string>>();
  for (const p of pages)
    for (const piece of p.html.split('\u2063')) if (piece) (pieces.get(piece) ?? pieces.set(piece, new Set()).get(piece)!).add(p.name);
  const all = [...pieces.entries()];
  const chunks: { name: string; html: string }[] = [];
  for (let i = 0; i < all.length; i += 400) {
    const part = all.slice(i, i + 400);
    const names = [...new Set(part.flatMap(([, n]) => [...n]))];
    chunks.push({
      name: `${names.slice(0, 3).join(', ')}${names.length > 3 ? ` (+${names.length - 3})` : ''}`,
      html: part.map(([piece]) => piece).join(''),
    });
  }
  const found: Executions[] = [];
  const queue = [...chunks];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { name, html } = next;
        const doc = `<!doctype html><html><head><title>reader</title></head><body>${html}</body></html>`;
        const one = await visit(browser, origin, [], (p) => p.setContent(doc, { waitUntil: 'load' }), 1);
        const named = (list: string[]) => list.map((x) => `${name}: ${x}`);
        found.push({
          ...one,
          calls: named(one.calls),
          dialogs: named(one.dialogs),
          pageErrors: named(one.pageErrors),
          navigations: named(one.navigations),
        });
      }
    }),
  );
  return {
    calls: found.flatMap((f) => f.calls),
    dialogs: found.flatMap((f) => f.dialogs),
    popups: found.reduce((n, f) => n + f.popups, 0),
    navigations: found.flatMap((f) => f.navigations),
    console: found.flatMap((f) => f.console),
    pageErrors: found.flatMap((f) => f.pageErrors),
    notWellFormed,
  };
}
