/**
 * Sanity as the server's source (src/server/sanity-request.ts): `TONGBAO_OUTPUT=server npm run build` and `npm run
 * serve` against the lake with the sample dataset, behind a real HTTP fault proxy (tests/support/fault-proxy.ts) and
 * Varnish (infra/varnish/tongbao.vcl):
 *
 * - every article page, every home, category, author and tag page and every feed, on demand equals the static Sanity build's page at
 *   the same TONGBAO_NOW, with the one difference server-output.test.ts names: the CSP is a response header instead
 *   of a `<meta http-equiv>` (and the stylesheet's chunk name). Images are Sanity's in both, so they are compared as
 *   they are; a feed is the same file;
 * - each page render asks the lake a few bounded queries, never every article (the proxy records them);
 * - a publish in the lake (a mutation through @sanity/client) → the lake's signed webhook → purge → the new text
 *   served through Varnish;
 * - Sanity refusing connections, answering 500 or 429, hanging, or closing the connection: an uncached page answers
 *   503 with Retry-After and the readable page, in bounded time; a cached page is still served (in process and
 *   through Varnish);
 * - routes not served per request from Sanity this round (archives, `/`, sitemaps…) answer 501, never cached.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { ARTICLE_COUNT_QUERY, ARTICLES_QUERY } from '../../src/sources/sanity/queries.ts';
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
  const env = lakeEnv(proxy.origin, { TONGBAO_NOW: SAMPLES_NOW });
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
/** The static build's listing pages and feeds that Sanity serves per request: home, category, author and tag pages; every feed. */
function listFiles(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base)).flatMap((name) => {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) return listFiles(dir, rel);
    if (/^(rss\.xml|atom\.xml|feed\.json)$/.test(name)) return [rel];
    // Home pages: `zh-hans/index.html`, `zh-hans/2/index.html`… (not the prerendered `404/`).
    return name === 'index.html' && !rel.includes('/404/') && /^zh-han[st]\/((categories|authors|tags)\/|(\d+\/)?index\.html$)/.test(rel)
      ? [rel]
      : [];
  });
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
    for (const { query } of queries) {
      expect(query).not.toBe(ARTICLES_QUERY);
      expect(query).not.toBe(ARTICLE_COUNT_QUERY);
      // Every query of articles is bounded: one ([0]), a window ([$from...$to], [0...$perSection]) or a count.
      if (query!.includes('_type == "article"')) expect(query, query).toMatch(/^count\(|\[0\]|\[\$from\.\.\.\$to\]|\[0\.\.\.\$perSection\]/);
    }
  });

  it('serves every article page on demand equal to the static Sanity build (CSP as a header instead of a meta)', async () => {
    for (const locale of ['zh-hans', 'zh-hant'])
      for (const slug of slugs) await expectSame(`/${locale}/articles/${slug}/`, `${locale}/articles/${slug}/index.html`);
  }, 120_000);

  it('serves every home, category, author and tag page and every feed on demand equal to the static Sanity build', async () => {
    const files = listFiles(staticBuild.outDir);
    for (const kind of [
      'zh-hans/index.html',
      'zh-hant/index.html',
      '/categories/',
      '/authors/',
      '/tags/',
      'categories/finance/rss.xml',
      'zh-hant/atom.xml',
      'authors/chen-chen/feed.json',
    ])
      expect(
        files.some((f) => f.includes(kind)),
        kind,
      ).toBe(true);
    for (const file of files) await expectSame(`/${file.replace(/index\.html$/, '')}`, file);
  }, 120_000);

  it('answers 404 for unknown articles and pages past the last, 501 (not cached) for routes not served from Sanity yet', async () => {
    for (const path of [
      '/zh-hans/articles/no-such-article/',
      '/zh-hans/categories/no-such-category/',
      '/zh-hant/categories/finance/99/',
      '/zh-hans/no/such/path/',
      '/xx/articles/market-weekly-review/',
    ])
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
    for (const path of ['/zh-hans/archive/2026/', '/', '/sitemap-articles.xml']) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(501);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(await res.text(), path).toContain('<h1>此页面暂不提供</h1>');
    }
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
