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
 * Opens each URL in turn with the traps set, and reports what executed. The pages' CSP is bypassed,
 * so that what is tested is the sanitizer and the escaping, not the CSP behind them. Requests that
 * leave `origin` are aborted (no network here, and nothing of ours lives elsewhere).
 */
export async function visit(
  browser: Browser,
  origin: string,
  urls: readonly string[],
  setContent?: (page: Page) => Promise<void>,
): Promise<Executions> {
  const found: Executions = { calls: [], dialogs: [], popups: 0, navigations: [], console: [], pageErrors: [] };
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
  await context.addInitScript(TRAP);
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  let label = '';
  let loaded = false;
  page.on('dialog', (d) => {
    found.dialogs.push(`${label}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('popup', () => found.popups++);
  page.on('console', (m) => found.console.push(`${label}: ${m.type()} ${m.text()}`));
  page.on('pageerror', (e) => found.pageErrors.push(`${label}: ${e.message}`));
  page.on('framenavigated', (frame) => {
    if (loaded && frame === page.mainFrame()) found.navigations.push(`${label} → ${frame.url()}`);
  });
  const run = async (name: string, load: () => Promise<unknown>) => {
    label = name;
    loaded = false;
    await load();
    loaded = true;
    // Give timers and autofocus handlers a moment.
    await page.waitForTimeout(20);
    const calls = (await page.evaluate('window.__xssCalls').catch(() => [])) as string[];
    found.calls.push(...calls.map((c) => `${label}: ${c}`));
  };
  for (const url of urls) await run(url, () => page.goto(url, { waitUntil: 'load' }));
  if (setContent) await run('content', () => setContent(page));
  await context.close();
  return found;
}

/** The items of an RSS feed rendered as one HTML page, as a feed reader would, visited with the traps set. */
export async function visitFeedItems(browser: Browser, origin: string, items: readonly { content: string }[]): Promise<Executions> {
  const html = `<!doctype html><html><body>${items.map((i) => `<article>${i.content}</article>`).join('')}</body></html>`;
  return visit(browser, origin, [], (page) => page.setContent(html, { waitUntil: 'load' }));
}
