/**
 * Server output (TONGBAO_OUTPUT=server): `npm run build` with @astrojs/node, `npm run serve`, article pages
 * rendered on demand from content/ (read at start, watched).
 *
 * - For the same source and clock, every article page served on demand equals the static build's page
 *   byte for byte, with two differences that Astro makes: on demand the Content-Security-Policy is a
 *   response header, not a `<meta http-equiv>` (the same policy, checked here); and a lead image's
 *   `src`/`srcset` point at Astro's image endpoint (`/_image/?href=…&w=…&f=webp`, transformed at the first
 *   request) instead of the files the static build wrote (`/_astro/<name>_<hash>.webp`): the same widths,
 *   each URL checked to answer a WebP.
 * - Unknown articles, locales and paths answer the site's 404 page with status 404.
 * - Editing a file of the content folder the server reads changes the page at the next request.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type BuildResult } from '../support/build.ts';
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

beforeAll(async () => {
  staticBuild = scenario('samples');
  expect(staticBuild.status, staticBuild.output).toBe(0);
  build = serverBuild({ TONGBAO_NOW: SAMPLES_NOW });
  expect(build.status, build.output).toBe(0);
  // The server reads a copy of content/, so the test can edit it.
  content = join(mkdtempSync(join(tmpdir(), 'tongbao-live-')), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  server = await startServer(build.outDir, PORT, { TONGBAO_NOW: SAMPLES_NOW, TONGBAO_CONTENT_DIR: content });
});

afterAll(async () => {
  await server?.stop();
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
        const sameImages = (html: string) => html.replace(/<img src="[^"]*" srcset="[^"]*"/g, '<img src="…" srcset="…"');
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

  it('serves an edited article at the next request (the content folder is watched)', async () => {
    const file = join(content, 'articles', 'market-weekly-review.md');
    const marker = `服务器模式即时更新${Date.now()}`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${marker}`));
    let text = '';
    for (let i = 0; i < 50 && !text.includes(marker); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await (await fetch(`${server.origin}/zh-hans/articles/market-weekly-review/`)).text();
    }
    expect(text).toContain(`<h1 data-pagefind-meta="title">${marker}</h1>`);
  });
});
