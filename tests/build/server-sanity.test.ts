/**
 * Sanity as the server's source (src/server/sanity-request.ts): `TONGBAO_OUTPUT=server npm run build` and `npm run
 * serve` against the lake with the sample dataset, behind a real HTTP fault proxy (tests/support/fault-proxy.ts) and
 * Varnish (infra/varnish/tongbao.vcl):
 *
 * - every page the static Sanity build writes that renders on demand (article, home, category, author, tag, archive,
 *   corrections and search pages, `/`), every feed and every sitemap, on demand equals the static build's at the same
 *   TONGBAO_NOW, with the one difference server-output.test.ts names: the CSP is a response header instead of a
 *   `<meta http-equiv>` (and the stylesheet's chunk name). Images are Sanity's in both, so they are compared as they
 *   are; a feed or a sitemap is the same file; the search bundles are indexed in process (one page per article);
 * - each page render asks the lake a few bounded queries, never every article with its body (the proxy records them);
 *   a later page of the same content version asks only what is its own (src/server/query-cache.ts);
 * - a publish in the lake (a mutation through @sanity/client) → the lake's signed webhook → purge → the new text
 *   served through Varnish;
 * - Sanity refusing connections, answering 500 or 429, hanging, or closing the connection: an uncached page answers
 *   503 with Retry-After and the readable page, in bounded time; a cached page is still served (in process and
 *   through Varnish);
 * - an unknown article, category, period, locale or path, a page past the last, a shard past the last: the site's 404.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import {
  ARTICLE_AT_RANK_QUERY,
  ARTICLE_COUNT_QUERY,
  ARTICLES_QUERY,
  CATEGORY_IDS_QUERY,
  NEXT_SCHEDULED_QUERY,
  SITE_GLOSSARY_QUERY,
  SITEMAP_ARTICLES_QUERY,
  SITEMAP_ARTICLES_WINDOW_QUERY,
} from '../../src/sources/sanity/queries.ts';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { startFaultProxy, type FaultProxy, type ProxyMode } from '../support/fault-proxy.ts';
import { lakeEnv, runAsync, startLake } from '../support/lake.ts';
import { SAMPLES_NOW } from '../support/scenarios.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PORT = 4366;
const SECRET = 'server-sanity-test-secret';
const TOKEN = 'sk-server-sanity-write-token';
const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
const STYLESHEET = /\/_astro\/[\w-]+\.([\w-]{8})\.css/g;
const comparable = (html: string) => html.replace(STYLESHEET, '/_astro/….$1.css');
const slugs = readdirSync(join(projectRoot, 'content', 'articles'))
  .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
  .map((n) => n.replace(/\.md$/, ''));

let lake: Lake;
let proxy: FaultProxy;
let staticBuild: BuildResult;
let serverBuild: BuildResult;
let server: RunningServer;
let varnish: RunningVarnish;

beforeAll(async () => {
  let lakeOrigin: string;
  ({ lake, origin: lakeOrigin } = await startLake({
    token: TOKEN,
    webhooks: { backoffMs: 50, targets: [{ url: `http://127.0.0.1:${PORT}/api/revalidate/`, secret: SECRET, projection: '{_id, _type, slug}' }] },
  }));
  proxy = await startFaultProxy(lakeOrigin);
  // Both builds read the lake through the proxy, so that image URLs (Sanity's, on the proxy's host) are the same.
  // Five articles a sitemap: the 13 samples fill three article sitemaps, compared like every other file.
  const env = lakeEnv(proxy.origin, { TONGBAO_NOW: SAMPLES_NOW, TONGBAO_SITEMAP_ARTICLES: '5' });
  [staticBuild, serverBuild] = await Promise.all([
    runAsync([join(projectRoot, 'scripts', 'build.ts')], env, 400_000),
    runAsync([join(projectRoot, 'scripts', 'build.ts')], { ...env, TONGBAO_OUTPUT: 'server' }, 400_000),
  ]);
  for (const b of [staticBuild, serverBuild]) if (b.status !== 0) throw new Error(`build failed:\n${b.output}`);
  varnish = await startVarnish({ backend: { host: '127.0.0.1', port: PORT } });
  server = await startServer(serverBuild.outDir, PORT, {
    ...env,
    SANITY_WEBHOOK_SECRET: SECRET,
    TONGBAO_VARNISH_URLS: varnish.url,
  });
  proxy.requests.length = 0;
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await varnish?.stop();
  await proxy?.close();
  await lake?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const viaVarnish = async (p: string) => {
  const res = await fetch(`${varnish.url}${p}`);
  return { status: res.status, cache: res.headers.get('x-cache'), text: await res.text() };
};
/**
 * The static build's pages, feeds and sitemaps that render on demand in server output, besides the article pages
 * (compared on their own): every `index.html` (home, categories, authors, tags, archives, corrections, search, `/`),
 * every feed and sitemap. Not the prerendered ones (404, robots.txt, the manifest, images) nor Pagefind's files.
 */
function listFiles(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base)).flatMap((name) => {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) return ['_astro', 'pagefind', 'images', 'articles', '404'].includes(name) ? [] : listFiles(dir, rel);
    return /^(rss\.xml|atom\.xml|feed\.json|index\.html)$/.test(name) || /^sitemap-[\w-]+\.xml$/.test(rel) ? [rel] : [];
  });
}
/**
 * Every query of articles is bounded: one ([0], [$rank]), a window ([$from...$to], [0...$perSection], [0...$limit]), a
 * count, the corrected articles; or it asks for no body (the archive months' dates, the sitemaps' slim projection).
 */
function expectBounded(queries: readonly { query?: string | undefined }[]) {
  for (const { query } of queries) {
    expect(query).not.toBe(ARTICLES_QUERY);
    expect(query).not.toBe(ARTICLE_COUNT_QUERY);
    if (!query!.includes('_type == "article"') || !query!.includes('body')) continue;
    expect(query, query).toMatch(
      /^count\(|\[0\]|\[\$rank\]|\[\$from\.\.\.\$to\]|\[0\.\.\.\$perSection\]|\[0\.\.\.\$limit\]|count\(corrections\) > 0/,
    );
  }
}
/** A served page equals the static file: the CSP as a header instead of the meta. */
async function expectSame(path: string, file: string) {
  const res = await fetch(`${server.origin}${path}`);
  expect(res.status, path).toBe(200);
  const served = await res.text();
  const text = readFileSync(join(staticBuild.outDir, file), 'utf8');
  if (!file.endsWith('.html')) return expect(served, path).toBe(text);
  const meta = CSP_META.exec(text);
  expect(meta, file).not.toBeNull();
  expect(served).not.toMatch(CSP_META);
  expect(res.headers.get('content-security-policy'), path).toBe(meta![1]!.replaceAll('&#39;', "'"));
  expect(comparable(served), path).toBe(comparable(text.replace(meta![0], '')));
}

describe('server output with Sanity as the source', () => {
  it('answers 503 with Retry-After and a readable page for an uncached page while Sanity fails; cached pages are still served', async () => {
    const cachedPath = '/zh-hans/articles/market-weekly-review/';
    await viaVarnish(cachedPath);
    expect((await viaVarnish(cachedPath)).cache).toBe('HIT');
    expect((await fetch(`${server.origin}${cachedPath}`)).headers.get('x-astro-cache')).toBe('HIT');
    const modes: ProxyMode[] = ['refuse', '500', '429', 'hang', 'close'];
    for (const [i, mode] of modes.entries()) {
      await proxy.setMode(mode);
      const path = `/zh-hant/articles/${slugs[i]}/`;
      const started = Date.now();
      const res = await fetch(`${server.origin}${path}`);
      const ms = Date.now() - started;
      expect(res.status, `${mode}: ${path}`).toBe(503);
      expect(res.headers.get('retry-after'), mode).toBe('30');
      expect(res.headers.get('cache-control'), mode).toBe('no-store');
      const text = await res.text();
      expect(text, mode).toMatch(/^<!doctype html>[\s\S]*<h1>暂时无法显示<\/h1>[\s\S]*<section lang="zh-Hant">[\s\S]*<\/html>\n$/);
      // Bounded: 2 attempts of at most 3 s each (src/server/sanity-request.ts REQUEST_RETRY).
      expect(ms, mode).toBeLessThan(8_000);
      console.log(`[tests] Sanity ${mode}: 503 in ${ms} ms`);
      const cached = await fetch(`${server.origin}${cachedPath}`);
      expect(cached.status, mode).toBe(200);
      expect(await cached.text(), mode).toContain('<h1');
      expect((await viaVarnish(cachedPath)).status, mode).toBe(200);
    }
    await proxy.setMode('pass');
    expect(server.output()).toMatch(/the content cannot be read; answering 503/);
    expect((await fetch(`${server.origin}/zh-hant/articles/${slugs[0]}/`)).status).toBe(200);
  }, 90_000);

  it('asks the lake a few bounded queries per page, never every article', async () => {
    // Queries of the fault test still retrying in the background (a hung attempt times out after 3 s) end first.
    let seen = proxy.requests.length;
    let quietSince = Date.now();
    while (Date.now() - quietSince < 3_500) {
      await sleep(250);
      if (proxy.requests.length !== seen) [seen, quietSince] = [proxy.requests.length, Date.now()];
    }
    proxy.requests.length = 0;
    const res = await fetch(`${server.origin}/zh-hant/articles/${slugs[1]}/`);
    expect(res.status).toBe(200);
    const queries = proxy.requests.filter((r) => r.query);
    console.log(`[tests] one article page: ${queries.length} queries to the lake`);
    // No request made the context of every article (which would render every body: collection.ts's prerender logs it).
    expect(server.output()).not.toContain('[tongbao] bodies:');
    expect(queries.length).toBeGreaterThan(3);
    // 11 for the page itself, then the header's sections: the category ids and one window per category (4 in the samples).
    expect(queries.length).toBeLessThanOrEqual(11 + 1 + 4);
    expectBounded(queries);
    // Another article page in the same content version: only its own queries; the site-wide ones (the glossary, the
    // categories and their newest, the next scheduled article, the share-image rank) are the version's answers.
    proxy.requests.length = 0;
    expect((await fetch(`${server.origin}/zh-hans/articles/${slugs[2]}/`)).status).toBe(200);
    const second = proxy.requests.filter((r) => r.query).map((r) => r.query!);
    console.log(`[tests] another article page: ${second.length} queries to the lake`);
    expect(second.length).toBeGreaterThan(0);
    expect(second.length).toBeLessThan(queries.length);
    for (const siteWide of [SITE_GLOSSARY_QUERY, CATEGORY_IDS_QUERY, NEXT_SCHEDULED_QUERY, ARTICLE_AT_RANK_QUERY])
      expect(second).not.toContain(siteWide);
    // Every other route: its own bounded queries; the sitemaps of every article the slim projection, never bodies.
    for (const path of [
      '/',
      '/zh-hans/archive/2026/',
      '/zh-hant/corrections/',
      '/zh-hans/search/',
      '/pagefind/zh-hans/0/pagefind-entry.json',
      '/sitemap-index.xml',
      '/sitemap-news.xml',
    ]) {
      proxy.requests.length = 0;
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(200);
      const asked = proxy.requests.filter((r) => r.query);
      console.log(`[tests] ${path}: ${asked.length} queries to the lake`);
      expect(asked.length, path).toBeLessThanOrEqual(8 + 1 + 4);
      expectBounded(asked);
    }
    for (const [path, query] of [
      ['/sitemap-pages.xml', SITEMAP_ARTICLES_QUERY],
      ['/sitemap-articles.xml', SITEMAP_ARTICLES_WINDOW_QUERY],
      ['/sitemap-articles-3.xml', SITEMAP_ARTICLES_WINDOW_QUERY],
    ] as const) {
      proxy.requests.length = 0;
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(200);
      const asked = proxy.requests.filter((r) => r.query).map((r) => r.query!);
      // The slim projection (every article for the pages' listings, a window for an article sitemap), and at most
      // the count and the next scheduled article; never a body.
      expect(asked, path).toContain(query);
      expect(asked.length, path).toBeLessThanOrEqual(3);
      expect(asked.join('\n'), path).not.toContain('body');
    }
    // The sitemaps past the last, and numbers no sitemap has, are the site's 404.
    for (const path of ['/sitemap-articles-4.xml', '/sitemap-articles-1.xml', '/sitemap-articles-02.xml'])
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
    const index = await (await fetch(`${server.origin}/sitemap-index.xml`)).text();
    expect(index.match(/sitemap-articles(-\d+)?\.xml/g)).toEqual(['sitemap-articles.xml', 'sitemap-articles-2.xml', 'sitemap-articles-3.xml']);
    expect(server.output()).not.toContain('[tongbao] bodies:');
  });

  it('serves every article page on demand equal to the static Sanity build (CSP as a header instead of a meta)', async () => {
    for (const locale of ['zh-hans', 'zh-hant'])
      for (const slug of slugs) await expectSame(`/${locale}/articles/${slug}/`, `${locale}/articles/${slug}/index.html`);
  }, 120_000);

  it('serves every home, category, author, tag, archive, corrections and search page, `/`, every feed and sitemap on demand equal to the static Sanity build', async () => {
    const files = listFiles(staticBuild.outDir);
    for (const kind of [
      'index.html',
      'zh-hans/index.html',
      'zh-hant/index.html',
      '/categories/',
      '/authors/',
      '/tags/',
      'zh-hans/archive/',
      'zh-hant/corrections/index.html',
      'zh-hans/search/index.html',
      'categories/finance/rss.xml',
      'zh-hant/atom.xml',
      'authors/chen-chen/feed.json',
      'sitemap-index.xml',
      'sitemap-pages.xml',
      'sitemap-articles.xml',
      'sitemap-articles-2.xml',
      'sitemap-articles-3.xml',
      'sitemap-news.xml',
    ])
      expect(
        files.some((f) => f === kind || f.includes(`${kind}`)),
        kind,
      ).toBe(true);
    expect(files.filter((f) => f.includes('/archive/')).length, 'years and months').toBeGreaterThan(2);
    for (const file of files) await expectSame(`/${file.replace(/index\.html$/, '')}`, file);
  }, 180_000);

  it('serves the search bundles indexed in process from Sanity, with the search tags; each kind of page carries its tag', async () => {
    for (const locale of ['zh-hans', 'zh-hant']) {
      const entry = await fetch(`${server.origin}/pagefind/${locale}/0/pagefind-entry.json`);
      expect(entry.status).toBe(200);
      expect(entry.headers.get('xkey')).toBe('search site');
      const { languages } = (await entry.json()) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(languages)).toEqual([locale]);
      expect(languages[locale]!.page_count).toBe(readdirSync(join(staticBuild.outDir, locale, 'articles')).length);
      expect((await fetch(`${server.origin}/pagefind/${locale}/0/pagefind.js`)).headers.get('content-type')).toContain('text/javascript');
    }
    for (const [path, xkey] of [
      ['/', 'list site'],
      ['/zh-hans/archive/2026/', 'list site'],
      ['/zh-hant/corrections/', 'list site'],
      ['/zh-hans/search/', 'search site'],
      ['/sitemap-articles.xml', 'sitemap site'],
      ['/sitemap-news.xml', 'sitemap site'],
    ])
      expect((await fetch(`${server.origin}${path}`)).headers.get('xkey'), path).toBe(xkey);
  });

  it("answers the site's 404 for unknown articles, periods, locales and paths, pages past the last and shards past the last", async () => {
    for (const path of [
      '/zh-hans/articles/no-such-article/',
      '/zh-hans/categories/no-such-category/',
      '/zh-hant/categories/finance/99/',
      '/zh-hans/no/such/path/',
      '/xx/articles/market-weekly-review/',
      '/zh-hans/archive/2019/',
      '/zh-hans/archive/2026-13/',
      '/zh-hant/archive/2026/99/',
      '/xx/corrections/',
      '/xx/search/',
      '/xx/',
    ]) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(404);
      // The site's 404 page, not an empty answer.
      expect(await res.text(), path).toContain('<html');
    }
    for (const path of ['/pagefind/zh-hant/1/pagefind.js', '/pagefind/xx/0/pagefind.js', '/pagefind/zh-hans/0/no-such-file.js'])
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
  });

  it('serves a publish in the lake through Varnish: mutation → webhook → purge → the new text', async () => {
    const path = '/zh-hans/articles/market-weekly-review/';
    await viaVarnish(path);
    expect((await viaVarnish(path)).cache).toBe('HIT');
    const client = createClient({
      projectId: 'local',
      dataset: 'production',
      apiHost: proxy.origin,
      useProjectHostname: false,
      useCdn: false,
      apiVersion: '2025-02-19',
      token: TOKEN,
    });
    const marker = `服务器读取Sanity即时更新${Date.now()}`;
    const started = Date.now();
    await client.patch('article.market-weekly-review').set({ title: marker }).commit();
    let last = await viaVarnish(path);
    while (!last.text.includes(marker) && Date.now() - started < 10_000) {
      await sleep(100);
      last = await viaVarnish(path);
    }
    expect(last.text).toContain(`<h1 data-pagefind-meta="title">${marker}</h1>`);
    console.log(`[tests] Sanity publish → served through Varnish in ${Date.now() - started} ms`);
  });
});
