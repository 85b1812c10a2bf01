/**
 * Server output (TONGBAO_OUTPUT=server): `npm run build` with @astrojs/node, `npm run serve`, article pages
 * rendered on demand from content/ (read at start, watched).
 *
 * - For the same source and clock, every article page served on demand equals the static build's page
 *   byte for byte, with two differences that Astro makes: on demand the Content-Security-Policy is a
 *   response header, not a `<meta http-equiv>` (the same policy, checked here); and a lead image's
 *   `src`/`srcset` point at Astro's image endpoint (`/_image/?href=…&w=…&f=webp`, transformed at the first
 *   request) instead of the files the static build wrote (`/_astro/<name>_<hash>.webp`), and so do the lead image's JSON-LD
 *   crops: the same widths,
 *   each URL checked to answer a WebP.
 * - Unknown articles, locales and paths answer the site's 404 page with status 404.
 * - Route caching and the revalidate webhook, with a real Varnish (infra/varnish/tongbao.vcl) in front:
 *   pages are cached in process (X-Astro-Cache) and in Varnish (X-Cache) under their tags; an edit of the
 *   content folder stays unseen until a signed webhook to /api/revalidate/ purges the tags of the article
 *   (its own pages, and the pages that show its title) in both; then the new text is served through Varnish.
 *   A missing or wrong signature is refused with 401 and purges nothing; a malformed body is refused with 400.
 * - Query strings and the Host header create no in-process cache entries.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { recorder, type Recorder } from '../support/recorder.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';
import { serverBuild, startServer, type RunningServer } from '../support/server.ts';

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
  build = serverBuild({ TONGBAO_NOW: SAMPLES_NOW });
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
  if (build?.outDir) rmSync(dirname(build.outDir), { recursive: true, force: true });
  if (content) rmSync(dirname(content), { recursive: true, force: true });
});

describe('server output', () => {
  it('writes a Node server and the prerendered rest, and no article pages', () => {
    expect(build.output).toContain('pages on demand');
    expect(readdirSync(join(build.outDir, 'server'))).toContain('entry.mjs');
    expect(readFileSync(join(build.outDir, 'client', 'zh-hans', 'index.html'), 'utf8')).toContain('<html');
    for (const slug of slugs) expect(readdirSync(join(build.outDir, 'client', 'zh-hans', 'articles', slug))).not.toContain('index.html');
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
        const sameImages = (html: string) =>
          html
            .replace(/<img src="[^"]*" srcset="[^"]*"/g, '<img src="…" srcset="…"')
            .replace(/"url":"[^"]*\/(?:_astro\/[^"]*\.webp|_image\/\?[^"]*)"/g, '"url":"…"');
        expect(sameImages(served)).toBe(sameImages(file.replace(meta![0], '')));
      });
    }
  }

  it('answers unknown articles, locales and paths with the site 404 page and status 404', async () => {
    const notFound = readFileSync(join(staticBuild.outDir, '404.html'), 'utf8');
    for (const path of ['/zh-hans/articles/no-such-article/', `/xx/articles/${slugs[0]}/`, '/no/such/path/']) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text, path).toContain('<title>');
      expect(text.match(/<title>[^<]*<\/title>/)?.[0], path).toBe(notFound.match(/<title>[^<]*<\/title>/)?.[0]);
    }
  });

  it('caches in process and in Varnish; a signed webhook purges both and the edit is served (401/400 purge nothing)', async () => {
    const path = '/zh-hans/articles/market-weekly-review/';
    const viaVarnish = async (p = path) => {
      const res = await fetch(`${varnish.url}${p}`);
      return { cache: res.headers.get('x-cache'), text: await res.text() };
    };
    await viaVarnish();
    const cached = await viaVarnish();
    expect(cached.cache).toBe('HIT');
    const direct = await fetch(`${server.origin}${path}`);
    expect(direct.headers.get('x-astro-cache')).toBe('HIT');
    expect(direct.headers.get('xkey')).toContain('article:market-weekly-review');
    // A page that shows this article's title (related or neighbouring) carries its tag too.
    const showing = slugs.filter((s) => s !== 'market-weekly-review');
    const tagged: string[] = [];
    for (const slug of showing) {
      const res = await viaVarnish(`/zh-hant/articles/${slug}/`);
      expect(res.text).toContain('<h1');
      const xkey = (await fetch(`${server.origin}/zh-hant/articles/${slug}/`)).headers.get('xkey') ?? '';
      if (xkey.split(' ').includes('article:market-weekly-review')) tagged.push(slug);
    }

    const file = join(content, 'articles', 'market-weekly-review.md');
    const marker = `服务器模式即时更新${Date.now()}`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${marker}`));
    await new Promise((r) => setTimeout(r, 300));
    expect((await viaVarnish()).text, 'cached until purged').not.toContain(marker);

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
    const stillCached = await viaVarnish();
    expect(stillCached.cache, 'nothing purged by refused webhooks').toBe('HIT');
    expect(stillCached.text).not.toContain(marker);

    const ok = await post({ [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), SECRET) });
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as { tags: string[]; purged: number };
    expect(result.tags).toEqual(['article:market-weekly-review']);
    expect(result.purged).toBeGreaterThanOrEqual(1 + tagged.length);
    const fresh = await viaVarnish();
    expect(fresh.cache).not.toBe('HIT');
    expect(fresh.text).toContain(`<h1 data-pagefind-meta="title">${marker}</h1>`);
    for (const slug of tagged) expect((await viaVarnish(`/zh-hant/articles/${slug}/`)).text, slug).toContain('服務器模式即時更新');

    // Then the hub hears of the locales' feeds and IndexNow of the article's page in both scripts (in the
    // background of the answer: wait for them); refused webhooks told nobody anything.
    const until = Date.now() + 10_000;
    while ((hub.requests.length === 0 || indexNow.requests.length === 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(hub.requests).toHaveLength(1);
    const form = new URLSearchParams(hub.requests[0]!.body);
    expect(form.get('hub.mode')).toBe('publish');
    const feeds = (['zh-Hans', 'zh-Hant'] as const).flatMap((l) => Object.values(paths.feeds({ kind: 'locale', locale: l })).map(absoluteUrl));
    expect(form.getAll('hub.url').sort()).toEqual(feeds.sort());
    expect(indexNow.requests).toHaveLength(1);
    const { urlList } = JSON.parse(indexNow.requests[0]!.body) as { urlList: string[] };
    expect(urlList).toEqual(
      expect.arrayContaining([
        absoluteUrl(paths.article('zh-Hans', 'market-weekly-review')),
        absoluteUrl(paths.article('zh-Hant', 'market-weekly-review')),
      ]),
    );
  });

  it('makes no in-process cache entries for query strings or other Host headers', async () => {
    const path = '/zh-hans/articles/advanced-tech-fair-2023/';
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
