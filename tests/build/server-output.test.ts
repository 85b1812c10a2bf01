/**
 * Server output (TONGBAO_OUTPUT=server): `npm run build` with @astrojs/node, `npm run serve`, every page that
 * shows content rendered on demand from content/ (read at start, watched): articles, listings, feeds,
 * sitemaps, share images.
 *
 * - For the same source and clock, every article page served on demand equals the static build's page
 *   byte for byte, with two differences that Astro makes: on demand the Content-Security-Policy is a
 *   response header, not a `<meta http-equiv>` (the same policy, checked here); and a lead image's
 *   `src`/`srcset` point at Astro's image endpoint (`/_image/?href=…&w=…&f=webp`, transformed at the first
 *   request) instead of the files the static build wrote (`/_astro/<name>_<hash>.webp`), and so do the lead image's JSON-LD
 *   crops: the same widths,
 *   each URL checked to answer a WebP.
 * - Every other page, feed and sitemap of the static build is served on demand equal to the static file, with
 *   the same two differences (the search page's Pagefind bundles are the same paths; see docs/operations.md).
 * - The search page's Pagefind bundles are indexed and served by the server (tags `search site`).
 * - Unknown articles, locales, pages past the last, feeds of unknown categories and paths answer the site's
 *   404 page with status 404.
 * - Route caching with a real Varnish (infra/varnish/tongbao.vcl) in front: pages are cached in process
 *   (X-Astro-Cache) and in Varnish (X-Cache) under their tags. An edit of the content folder is served through
 *   Varnish on its article, list, feed and sitemap pages without a webhook (the watcher purges the tags);
 *   `npm run revalidate -- <slug>` and the signed webhook purge the same tags. A missing or wrong signature
 *   is refused with 401 and purges nothing; a malformed body is refused with 400.
 * - Unpublishing (draft: true) or deleting an article: its pages answer 404 and it is out of every list, feed
 *   and sitemap. A scheduled article: no lifetime of any page runs past its publishedAt.
 * - A file that cannot be read (bad front matter): an uncached page answers 503 with Retry-After and a readable
 *   page, a cached page keeps being served; fixing the file serves again.
 * - Query strings and the Host header create no in-process cache entries.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import { buildEnvironment, projectRoot, type BuildResult } from '../support/build.ts';
import { recorder, type Recorder } from '../support/recorder.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PORT = 4362;
const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
const slugs = readdirSync(join(projectRoot, 'content', 'articles'))
  .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
  .map((n) => n.replace(/\.md$/, ''));

let staticBuild: BuildResult;
let build: BuildResult;
let server: RunningServer;
let content: string;
let varnish: RunningVarnish;
// What the server tells after a purge (issue 17, point 6): a WebSub hub and an IndexNow endpoint on 127.0.0.1.
let hub: Recorder;
let indexNow: Recorder;
const SECRET = 'server-output-test-secret';

beforeAll(async () => {
  staticBuild = scenario('samples');
  expect(staticBuild.status, staticBuild.output).toBe(0);
  build = scenario('server');
  expect(build.status, build.output).toBe(0);
  // The server reads a copy of content/, so the test can edit it.
  content = join(mkdtempSync(join(tmpdir(), 'tongbao-live-')), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  varnish = await startVarnish({ backend: { host: '127.0.0.1', port: PORT } });
  [hub, indexNow] = [await recorder(204), await recorder(200)];
  server = await startServer(build.outDir, PORT, {
    TONGBAO_WEBSUB_HUBS: hub.url,
    TONGBAO_INDEXNOW_KEY: 'tongbao-indexnow-0123456789',
    TONGBAO_INDEXNOW_ENDPOINT: `${indexNow.url}indexnow`,
    TONGBAO_NOW: SAMPLES_NOW,
    TONGBAO_CONTENT_DIR: content,
    SANITY_WEBHOOK_SECRET: SECRET,
    TONGBAO_VARNISH_URLS: varnish.url,
  });
});

afterAll(async () => {
  await server?.stop();
  await varnish?.stop();
  await hub?.close();
  await indexNow?.close();
  if (content) rmSync(dirname(content), { recursive: true, force: true });
});

/** The path a static file is served at (`zh-hans/index.html` → `/zh-hans/`). */
const pathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
/** The files of the static build that a server renders or serves: pages, feeds, sitemaps, robots.txt. */
function staticFiles(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base)).flatMap((name) => {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) return ['_astro', 'pagefind', 'images', 'articles'].includes(name) ? [] : staticFiles(dir, rel);
    return /\.(html|xml|json|txt)$/.test(name) && name !== '404.html' && name !== 'build-manifest.json' ? [rel] : [];
  });
}
/**
 * What differs by build, not by page: lead images point at the image endpoint on demand and at built files in a
 * static page (see the article test); the stylesheet has the same content hash under another chunk name (Vite
 * names a shared CSS chunk after the first page that imports it: `Base` in a static build, `NotFound` in a
 * server build, whose only prerendered pages are the 404s), checked by expectSameStylesheets.
 */
const STYLESHEET = /\/_astro\/[\w-]+\.([\w-]{8})\.css/g;
const comparable = (html: string) =>
  html
    .replace(STYLESHEET, '/_astro/….$1.css')
    .replace(/<img src="[^"]*" srcset="[^"]*"/g, '<img src="…" srcset="…"')
    .replace(/"url":"[^"]*\/(?:_astro\/[^"]*\.webp|_image\/\?[^"]*)"/g, '"url":"…"');
/** The page's stylesheets as served by the server equal those of the static build, byte for byte. */
async function expectSameStylesheets(served: string, file: string) {
  const sheets = (html: string) => [...html.matchAll(STYLESHEET)].map((m) => m[0]);
  const [ours, theirs] = [sheets(served), sheets(file)];
  expect(ours.length).toBe(theirs.length);
  for (const [i, href] of ours.entries()) {
    const res = await fetch(`${server.origin}${href}`);
    expect(res.status, href).toBe(200);
    expect(await res.text(), href).toBe(readFileSync(join(staticBuild.outDir, theirs[i]!), 'utf8'));
  }
}
/** A feed without the WebSub hub the server is configured with: `<link rel="hub">` in XML, `hubs` in a JSON Feed. */
function withoutHub(text: string): string {
  if (!text.includes(hub.url)) return text;
  if (text.startsWith('{')) {
    const { hubs: _hubs, ...feed } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(feed, null, /^\{\n(\s+)/.exec(text)?.[1] ?? undefined) + (text.endsWith('\n') ? '\n' : '');
  }
  return text.replace(new RegExp(`\\n?\\s*<[^<>]*${hub.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^<>]*>`, 'g'), '');
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const viaVarnish = async (p: string) => {
  const res = await fetch(`${varnish.url}${p}`);
  return { status: res.status, cache: res.headers.get('x-cache'), text: await res.text() };
};
/** Polls Varnish until the page at `p` passes `ok` (the watcher purges within a few hundred ms). */
async function untilVarnish(p: string, ok: (r: Awaited<ReturnType<typeof viaVarnish>>) => boolean, ms = 8_000) {
  const until = Date.now() + ms;
  let last = await viaVarnish(p);
  while (!ok(last) && Date.now() < until) {
    await sleep(100);
    last = await viaVarnish(p);
  }
  return last;
}
const articleFile = (slug: string) => join(content, 'articles', `${slug}.md`);
const edit = (slug: string, change: (text: string) => string) => writeFileSync(articleFile(slug), change(readFileSync(articleFile(slug), 'utf8')));

describe('server output', () => {
  it('writes a Node server and the prerendered rest (configuration only), and no page that shows content', () => {
    expect(build.output).toContain('pages on demand');
    expect(readdirSync(join(build.outDir, 'server'))).toContain('entry.mjs');
    const client = staticFiles(join(build.outDir, 'client')).sort();
    expect(client).toEqual([
      'robots.txt',
      'zh-hans/404/index.html',
      'zh-hans/search/query-map.json',
      'zh-hant/404/index.html',
      'zh-hant/search/query-map.json',
    ]);
    expect(existsSync(join(build.outDir, 'client', 'zh-hans', 'articles'))).toBe(false);
  });

  for (const locale of ['zh-hans', 'zh-hant']) {
    for (const slug of slugs) {
      it(`/${locale}/articles/${slug}/ on demand equals the static page (CSP as a header instead of a meta)`, async () => {
        const res = await fetch(`${server.origin}/${locale}/articles/${slug}/`);
        expect(res.status).toBe(200);
        const served = await res.text();
        const file = readFileSync(join(staticBuild.outDir, locale, 'articles', slug, 'index.html'), 'utf8');
        const meta = CSP_META.exec(file);
        expect(meta, 'the static page carries its CSP as a meta').not.toBeNull();
        expect(served).not.toMatch(CSP_META);
        expect(res.headers.get('content-security-policy')).toBe(meta![1]!.replaceAll('&#39;', "'"));
        // Lead images: the same widths; each on-demand URL answers a WebP.
        const images = (html: string) => [...html.matchAll(/<img src="([^"]*)" srcset="([^"]*)"/g)];
        const servedImages = images(served);
        expect(servedImages.map((m) => m[2]!.replace(/\S+ (\d+w)/g, '$1'))).toEqual(images(file).map((m) => m[2]!.replace(/\S+ (\d+w)/g, '$1')));
        for (const [, src, srcset] of servedImages) {
          for (const url of [src!, ...srcset!.split(', ').map((c) => c.split(' ')[0]!)]) {
            expect(url).toMatch(/^\/_image\/\?href=/);
            const image = await fetch(new URL(url.replaceAll('&amp;', '&'), server.origin));
            expect(image.status, url).toBe(200);
            expect(image.headers.get('content-type'), url).toBe('image/webp');
          }
        }
        // The same for the JSON-LD crops of the lead image (16:9, 4:3, 1:1): built files in the static page, the
        // image endpoint on demand; their sizes are compared as they are.
        expect(comparable(served)).toBe(comparable(file.replace(meta![0], '')));
        await expectSameStylesheets(served, file);
      });
    }
  }

  it('serves every listing, feed and sitemap of the static build on demand, equal to the static file (CSP as a header)', async () => {
    const files = staticFiles(staticBuild.outDir);
    // The samples' listings: home, categories, tags, authors, archives, corrections, search, `/`; feeds; sitemaps.
    expect(files.length).toBeGreaterThan(60);
    for (const kind of [
      'categories/',
      'tags/',
      'authors/',
      'archive/',
      'corrections/',
      'search/',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'sitemap-news.xml',
    ])
      expect(
        files.some((f) => f.includes(kind)),
        kind,
      ).toBe(true);
    for (const file of files) {
      const path = pathOf(file);
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(200);
      // The server is told of a WebSub hub (for the purge notices) and names it in its feeds; the static build has none.
      const servedText = withoutHub(await res.text());
      const fileText = readFileSync(join(staticBuild.outDir, file), 'utf8');
      const meta = CSP_META.exec(fileText);
      if (meta && !CSP_META.test(servedText)) {
        expect(res.headers.get('content-security-policy'), path).toBe(meta[1]!.replaceAll('&#39;', "'"));
        expect(comparable(servedText), path).toBe(comparable(fileText.replace(meta[0], '')));
        await expectSameStylesheets(servedText, fileText);
      } else {
        // Prerendered in both (the 404 pages, robots.txt, the query maps): the same file.
        expect(comparable(servedText), path).toBe(comparable(fileText));
        await expectSameStylesheets(servedText, fileText);
      }
    }
  });

  it('answers unknown articles, locales, pages, feeds and paths with the site 404 page and status 404', async () => {
    const notFound = readFileSync(join(staticBuild.outDir, '404.html'), 'utf8');
    for (const path of [
      '/zh-hans/articles/no-such-article/',
      `/xx/articles/${slugs[0]}/`,
      '/no/such/path/',
      '/zh-hans/2/',
      '/zh-hant/categories/no-such-category/',
      '/zh-hans/categories/no-such-category/rss.xml',
      '/zh-hans/archive/1999/',
      '/xx/rss.xml',
    ]) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text.match(/<title>[^<]*<\/title>/)?.[0], path).toBe(notFound.match(/<title>[^<]*<\/title>/)?.[0]);
    }
  });

  it('carries cache headers and tags per kind of page', async () => {
    const expected: [string, string, RegExp][] = [
      ['/zh-hans/', 'list site', /max-age=120\b/],
      ['/zh-hant/corrections/', 'list site', /max-age=120\b/],
      ['/zh-hans/rss.xml', 'feed site', /max-age=300\b/],
      ['/sitemap-articles.xml', 'sitemap site', /max-age=600\b/],
      ['/zh-hans/search/', 'search site', /max-age=300\b/],
    ];
    for (const [path, xkey, lifetime] of expected) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.headers.get('xkey'), path).toBe(xkey);
      expect(res.headers.get('surrogate-control'), path).toMatch(lifetime);
      expect(res.headers.get('surrogate-control'), path).toContain('stale-if-error=86400');
    }
    // The search bundles, indexed in process: served with the search tags; a shard past the last is a 404.
    const entry = await fetch(`${server.origin}/pagefind/zh-hant/0/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('xkey')).toBe('search site');
    expect(Object.keys(((await entry.json()) as { languages: Record<string, unknown> }).languages)).toEqual(['zh-hant']);
    expect((await fetch(`${server.origin}/pagefind/zh-hant/0/pagefind.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${server.origin}/pagefind/zh-hant/1/pagefind.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/pagefind/xx/0/pagefind.js`)).status).toBe(404);
    const article = await fetch(`${server.origin}/zh-hans/articles/market-weekly-review/`);
    expect(article.headers.get('xkey')!.split(' ')).toEqual(expect.arrayContaining(['article:market-weekly-review', 'site']));
  });

  it('serves an edit through Varnish on its article, list, feed and sitemap pages, purged by the watcher; revalidate and the webhook purge the same tags (401/400 purge nothing)', async () => {
    const path = '/zh-hans/articles/market-weekly-review/';
    const shown = ['/zh-hans/', '/zh-hans/rss.xml', '/zh-hans/categories/finance/'];
    for (const p of [path, ...shown]) await viaVarnish(p);
    const cached = await viaVarnish(path);
    expect(cached.cache).toBe('HIT');
    expect((await fetch(`${server.origin}${path}`)).headers.get('x-astro-cache')).toBe('HIT');
    // A page that shows this article's title (related or neighbouring) carries its tag too.
    const tagged: string[] = [];
    for (const slug of slugs.filter((s) => s !== 'market-weekly-review')) {
      const res = await viaVarnish(`/zh-hant/articles/${slug}/`);
      expect(res.text).toContain('<h1');
      const xkey = (await fetch(`${server.origin}/zh-hant/articles/${slug}/`)).headers.get('xkey') ?? '';
      if (xkey.split(' ').includes('article:market-weekly-review')) tagged.push(slug);
    }
    expect(tagged.length).toBeGreaterThan(0);

    const marker = `服务器模式即时更新${Date.now()}`;
    const started = Date.now();
    edit('market-weekly-review', (t) => t.replace(/^title: .*$/m, `title: ${marker}`));
    const fresh = await untilVarnish(path, (r) => r.text.includes(marker));
    expect(fresh.text, 'the watcher purged the article').toContain(`<h1 data-pagefind-meta="title">${marker}</h1>`);
    console.log(`[tests] edit → served through Varnish in ${Date.now() - started} ms`);
    for (const p of shown) expect((await viaVarnish(p)).text, p).toContain(marker);
    for (const slug of tagged) expect((await viaVarnish(`/zh-hant/articles/${slug}/`)).text, slug).toContain('服務器模式即時更新');
    expect(server.output()).toContain('content changed (market-weekly-review): purged article:market-weekly-review list feed sitemap search');

    // The webhook: refused ones purge nothing.
    expect((await viaVarnish(path)).cache).toBe('HIT');
    const body = JSON.stringify({ _id: 'article-market-weekly-review', _type: 'article', slug: { current: 'market-weekly-review' } });
    const post = (headers: Record<string, string>, data = body) =>
      fetch(`${varnish.url}/api/revalidate/`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: data });
    expect((await post({})).status).toBe(401);
    expect((await post({ [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), 'another-secret') })).status).toBe(401);
    const notJson = '{"_type": "article", "slug": ';
    expect((await post({ [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(notJson, Date.now(), SECRET) }, notJson)).status).toBe(400);
    const noSlug = JSON.stringify({ _type: 'article' });
    const refused = await post({ [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(noSlug, Date.now(), SECRET) }, noSlug);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('slug.current');
    expect((await viaVarnish(path)).cache, 'nothing purged by refused webhooks').toBe('HIT');

    const ok = await post({ [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), SECRET) });
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as { tags: string[]; purged: number };
    expect(result.tags).toEqual(['article:market-weekly-review', 'list', 'feed', 'sitemap', 'search']);
    expect(result.purged).toBeGreaterThanOrEqual(1 + tagged.length + shown.length);
    expect((await viaVarnish(path)).cache).not.toBe('HIT');
    for (const p of shown) expect((await viaVarnish(p)).cache, p).not.toBe('HIT');

    // `npm run revalidate -- <slug>`: the same purge, through the webhook it signs.
    for (const p of [path, ...shown]) await viaVarnish(p);
    expect((await viaVarnish(path)).cache).toBe('HIT');
    const cli = spawnSync('npm', ['run', '--silent', 'revalidate', '--', 'market-weekly-review', '--url', `${varnish.url}/api/revalidate/`], {
      cwd: projectRoot,
      env: { ...buildEnvironment(), NO_COLOR: '1', SANITY_WEBHOOK_SECRET: SECRET },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('purged article:market-weekly-review list feed sitemap search');
    expect((await viaVarnish(path)).cache).not.toBe('HIT');
    for (const p of shown) expect((await viaVarnish(p)).cache, p).not.toBe('HIT');
    const badCli = spawnSync('npm', ['run', '--silent', 'revalidate', '--', 'Not A Slug'], {
      cwd: projectRoot,
      env: { ...buildEnvironment(), SANITY_WEBHOOK_SECRET: SECRET },
      encoding: 'utf8',
    });
    expect(badCli.status).toBe(2);
    expect(badCli.stderr).toContain('"Not A Slug" is not an article slug');

    // Each purge told the hub of the locales' feeds and IndexNow of the article's page in both scripts (in the
    // background of the answer: wait for them).
    const until = Date.now() + 10_000;
    while ((hub.requests.length < 3 || indexNow.requests.length < 3) && Date.now() < until) await sleep(50);
    expect(hub.requests.length).toBeGreaterThanOrEqual(3);
    const form = new URLSearchParams(hub.requests.at(-1)!.body);
    expect(form.get('hub.mode')).toBe('publish');
    const feeds = (['zh-Hans', 'zh-Hant'] as const).flatMap((l) => Object.values(paths.feeds({ kind: 'locale', locale: l })).map(absoluteUrl));
    expect(form.getAll('hub.url').sort()).toEqual(feeds.sort());
    const { urlList } = JSON.parse(indexNow.requests.at(-1)!.body) as { urlList: string[] };
    expect(urlList).toEqual(
      expect.arrayContaining([
        absoluteUrl(paths.article('zh-Hans', 'market-weekly-review')),
        absoluteUrl(paths.article('zh-Hant', 'market-weekly-review')),
      ]),
    );
  });

  it('takes an unpublished or deleted article out of its pages (404), every list, feed and sitemap', async () => {
    const gone = [
      { slug: 'advanced-tech-fair-2023', how: 'draft' as const },
      { slug: 'one-source-two-scripts', how: 'deleted' as const },
    ].filter(({ slug }) => slugs.includes(slug));
    expect(gone).toHaveLength(2);
    const lists = ['/zh-hans/', '/zh-hant/', '/', '/zh-hans/rss.xml', '/zh-hant/atom.xml', '/zh-hans/feed.json', '/sitemap-articles.xml'];
    for (const { slug } of gone) expect((await viaVarnish(`/zh-hans/articles/${slug}/`)).status).toBe(200);
    for (const p of lists) expect((await viaVarnish(p)).text, p).toMatch(new RegExp(gone.map((g) => g.slug).join('|')));
    for (const { slug, how } of gone) {
      if (how === 'draft') edit(slug, (t) => t.replace(/^---\n/, '---\ndraft: true\n'));
      else unlinkSync(articleFile(slug));
    }
    for (const { slug } of gone) {
      for (const locale of ['zh-hans', 'zh-hant']) {
        const page = await untilVarnish(`/${locale}/articles/${slug}/`, (r) => r.status === 404);
        expect(page.status, `${locale} ${slug}`).toBe(404);
      }
    }
    for (const p of lists) {
      const text = (await untilVarnish(p, (r) => !gone.some((g) => r.text.includes(`/articles/${g.slug}/`)))).text;
      for (const { slug } of gone) expect(text, `${p} ${slug}`).not.toContain(`/articles/${slug}/`);
    }
  });

  it('ends every cache lifetime by the next scheduled publishedAt', async () => {
    // An hour after the server's clock (TONGBAO_NOW): not shown yet, and no page may be kept past it.
    const at = new Date(new Date(SAMPLES_NOW).getTime() + 3_600_000 - 10_000);
    writeFileSync(
      articleFile('scheduled-one-hour'),
      readFileSync(articleFile('market-weekly-review'), 'utf8')
        .replace(/^title: .*$/m, 'title: 定时发布的文章')
        .replace(/^publishedAt: .*$/m, `publishedAt: ${at.toISOString()}`),
    );
    await untilVarnish('/zh-hans/', (r) => r.cache !== 'HIT');
    for (const p of ['/zh-hans/', '/zh-hans/rss.xml', '/sitemap-news.xml', '/zh-hans/articles/market-weekly-review/', '/zh-hant/corrections/']) {
      const res = await fetch(`${server.origin}${p}`);
      expect(await res.text(), p).not.toContain('定时发布的文章');
      const surrogate = res.headers.get('surrogate-control') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(surrogate)?.[1]);
      const swr = Number(/stale-while-revalidate=(\d+)/.exec(surrogate)?.[1] ?? 0);
      expect(maxAge + swr, `${p}: ${surrogate}`).toBeLessThanOrEqual(3_600);
      expect(maxAge, p).toBeGreaterThan(0);
    }
    expect((await fetch(`${server.origin}/zh-hans/articles/scheduled-one-hour/`)).status).toBe(404);
  });

  it('answers 503 with Retry-After and a readable page while the content cannot be read; cached pages are still served', async () => {
    const cachedPath = '/zh-hans/';
    await untilVarnish(cachedPath, (r) => r.cache === 'HIT');
    expect((await fetch(`${server.origin}${cachedPath}`)).headers.get('x-astro-cache')).toBe('HIT');
    // Half written: front matter without its end.
    writeFileSync(articleFile('half-written'), '---\ntitle: 写到一半\nsummary: [\n');
    await sleep(400);
    const res = await fetch(`${server.origin}/zh-hant/articles/market-weekly-review/`);
    const uncached = await fetch(`${server.origin}/zh-hant/archive/2026/`);
    for (const r of [res, uncached]) {
      if (r.headers.get('x-astro-cache') === 'HIT') continue;
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('30');
      expect(r.headers.get('cache-control')).toBe('no-store');
      const text = await r.text();
      expect(text).toMatch(/^<!doctype html>[\s\S]*<h1>暂时无法显示<\/h1>[\s\S]*<\/html>\n$/);
      expect(text).toContain('<section lang="zh-Hant">');
    }
    expect(uncached.status).toBe(503);
    expect(server.output()).toContain('half-written.md');
    const cached = await fetch(`${server.origin}${cachedPath}`);
    expect(cached.status).toBe(200);
    expect(await cached.text()).toContain('<h1');
    expect((await viaVarnish(cachedPath)).status).toBe(200);
    unlinkSync(articleFile('half-written'));
    await sleep(400);
    expect((await fetch(`${server.origin}/zh-hant/archive/2026/`)).status).toBe(200);
  });

  it('with TONGBAO_MEMORY_CACHE_ENTRIES=0, keeps nothing in process and lets CDN-Cache-Control and Cache-Tag through; the webhook still purges', async () => {
    // The same build: the in-process cache is sized when the server starts. Astro removes these two headers only when
    // its provider answers requests, so this is how a CDN that reads them (Cloudflare, Netlify) is put in front.
    const bare = await startServer(build.outDir, PORT + 7, {
      TONGBAO_NOW: SAMPLES_NOW,
      TONGBAO_CONTENT_DIR: content,
      SANITY_WEBHOOK_SECRET: SECRET,
      TONGBAO_MEMORY_CACHE_ENTRIES: '0',
    });
    try {
      const path = '/zh-hans/articles/market-weekly-review/';
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${bare.origin}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-astro-cache'), 'rendered each time').toBeNull();
        expect(res.headers.get('cdn-cache-control')).toBe('public, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
        expect(res.headers.get('cache-tag')!.split(',')).toEqual(expect.arrayContaining(['article:market-weekly-review', 'site']));
        expect(res.headers.get('cache-control')).toBe('public, max-age=30');
      }
      // With the cache on (the suite's server), the same two are taken for the in-process cache's own.
      const cached = await fetch(`${server.origin}${path}`);
      expect([cached.headers.get('cdn-cache-control'), cached.headers.get('cache-tag')]).toEqual([null, null]);
      const body = JSON.stringify({ _type: 'article', slug: { current: 'market-weekly-review' } });
      const ok = await fetch(`${bare.origin}/api/revalidate/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), SECRET) },
        body,
      });
      expect(ok.status, await ok.clone().text()).toBe(200);
      expect(((await ok.json()) as { purged: number }).purged).toBe(0);
    } finally {
      await bare.stop();
    }
  });

  it('makes no in-process cache entries for query strings or other Host headers', async () => {
    const path = '/zh-hans/articles/donghu-green-bond/';
    const first = await fetch(`${server.origin}${path}?utm_source=x&poison=1`, {
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    const plain = await fetch(`${server.origin}${path}`);
    // Whichever of the two came first made the one entry; the other was a hit on it.
    expect([first.headers.get('x-astro-cache'), plain.headers.get('x-astro-cache')]).toContain('HIT');
    expect(plain.headers.get('x-astro-cache')).toBe('HIT');
    const other = await fetch(`${server.origin}${path}?another=2`, { headers: { host: 'other.example' } });
    expect(other.headers.get('x-astro-cache')).toBe('HIT');
    expect(await other.text()).not.toContain('evil.example');
  });
});
