/**
 * Page budgets (npm run bench:pages): builds the sample site (unless --no-build), then measures the
 * article page — HTML plus the CSS it links, gzip-compressed — against the 25 KB budget, and lists the
 * JavaScript it loads (none is needed to read). With --lighthouse it also serves the build and runs
 * Lighthouse (mobile, scripts/lib/lighthouse.ts) on the home and article pages with the system Chromium.
 * Exit code 1 when a budget is exceeded. Figures go to artifacts/bench-pages.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatReport, startLighthouse, type LighthouseReport } from './lib/lighthouse.ts';

const args = new Set(process.argv.slice(2));
const OUT = 'dist';
const ARTICLE = 'zh-hant/articles/advanced-tech-fair-2023/index.html';
const HOME = 'zh-hant/index.html';
const BUDGET_BYTES = 25 * 1024;
const PORT = Number(process.env.TONGBAO_BENCH_PORT ?? 4399);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

if (!args.has('--no-build')) {
  console.log('[tongbao] bench:pages: building the sample site…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('[tongbao] bench:pages: the build failed; run npm run build to see why.');
    process.exit(1);
  }
}

function pageWeight(file: string) {
  const html = readFileSync(join(OUT, file), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => readFileSync(join(OUT, m[1]!), 'utf8'));
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].length;
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/type="application\/ld\+json"/.test(attrs))
    .map((attrs) => /src="([^"]+)"/.exec(attrs)?.[1] ?? '(inline)');
  const scriptBytes = scripts.filter((s) => s !== '(inline)').map((s) => gz(readFileSync(join(OUT, s))));
  return {
    htmlGzip: gz(html),
    cssGzip: gz(css.join('\n')),
    cssFiles: css.length,
    inlineStyleBlocks: inlineCss,
    scripts,
    scriptsGzip: scriptBytes.reduce((a, b) => a + b, 0),
  };
}

const article = pageWeight(ARTICLE);
const home = pageWeight(HOME);
const total = article.htmlGzip + article.cssGzip;
const figures: Record<string, unknown> = { article: { ...article, totalGzip: total, budget: BUDGET_BYTES }, home };
console.log(`article page: HTML ${kb(article.htmlGzip)} + CSS ${kb(article.cssGzip)} = ${kb(total)} gzip (budget ${kb(BUDGET_BYTES)})`);
console.log(`  scripts (progressive, none needed to read): ${article.scripts.join(', ') || 'none'} — ${kb(article.scriptsGzip)} gzip`);
let failed = total > BUDGET_BYTES;
if (article.scripts.includes('(inline)')) {
  console.error('[tongbao] bench:pages: the article page has an inline script; move it to a file (no unsafe-inline under the CSP).');
  failed = true;
}

if (args.has('--lighthouse')) {
  const server = spawn('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 60; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const lighthouse = await startLighthouse();
    try {
      const scores: Record<string, LighthouseReport['scores'] & { metrics: LighthouseReport['metrics'] }> = {};
      for (const [name, path] of [
        ['home', `/${HOME.replace(/index\.html$/, '')}`],
        ['article', `/${ARTICLE.replace(/index\.html$/, '')}`],
      ] as const) {
        console.log(`[tongbao] bench:pages: Lighthouse (mobile) on ${path}…`);
        const report = await lighthouse.audit(`http://127.0.0.1:${PORT}${path}`);
        scores[name] = { ...report.scores, metrics: report.metrics };
        console.log(`  ${formatReport(report)}`);
      }
      figures.lighthouse = scores;
    } finally {
      lighthouse.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

mkdirSync('artifacts', { recursive: true });
writeFileSync('artifacts/bench-pages.json', JSON.stringify(figures, null, 2));
if (failed) {
  console.error('[tongbao] bench:pages: a budget is exceeded (see above).');
  process.exit(1);
}
