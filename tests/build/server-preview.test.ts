/**
 * A draft's preview in server output (src/server/preview.ts), with Varnish (infra/varnish/tongbao.vcl) in front:
 *
 * - content/ as the source: a draft file with a unique marker; `npm run preview-url -- <slug>` prints the link; opening
 *   it sets the cookie (HttpOnly, SameSite=Lax, one slug) and redirects to /<locale>/preview/<slug>/, which shows the
 *   marker in both scripts with the banner, `Cache-Control: private, no-store`, `X-Robots-Tag: noindex` and the
 *   robots meta; the switcher stays within the preview; the exit link clears the cookie.
 * - Sanity as the source (the local lake): a draft document (`drafts.<id>`) with another marker; a Studio secret made by
 *   @sanity/preview-url-secret's createPreviewSecret, exchanged at /api/preview/ for the cookie; the draft's page shows
 *   the Sanity marker in both scripts.
 * - Refused (401, no draft text, no cookie): a bad or expired token, a link token used as the cookie, no cookie, a
 *   cookie for another slug, an unknown Studio secret, a Studio secret pointing at a public page.
 * - After the previews were opened (directly and through Varnish), no public response holds a marker: every page,
 *   feed, sitemap and robots.txt of the static build, every share image, the draft's public path, the search index
 *   (its page count per locale is the published articles'), directly and through Varnish, with and without the
 *   preview cookie; the preview path without the cookie is a 401 from Varnish as from the server (never a hit).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createClient } from '@sanity/client';
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { signToken } from '../../src/server/preview-token.ts';
import { buildEnvironment, projectRoot, type BuildResult } from '../support/build.ts';
import { lakeEnv, startLake } from '../support/lake.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PORTS = { local: 4364, sanity: 4365 };
const KEY = 'preview-test-key-0123456789abcdef0123';
const LAKE_TOKEN = 'preview-test-lake-token';
const MARK = `PVMARK${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
const LOCAL_MARK = `${MARK}LOCAL`;
const SANITY_MARK = `${MARK}SANITY`;
const DRAFT = 'preview-draft-marker';
const SANITY_SLUG = 'donghu-green-bond';

let staticBuild: BuildResult;
let build: BuildResult;
let content: string;
let lake: Lake;
let lakeOrigin: string;
let local: { server: RunningServer; varnish: RunningVarnish };
let sanity: { server: RunningServer; varnish: RunningVarnish };

beforeAll(async () => {
  staticBuild = scenario('samples');
  expect(staticBuild.status, staticBuild.output).toBe(0);
  build = scenario('server');
  expect(build.status, build.output).toBe(0);
  content = join(mkdtempSync(join(tmpdir(), 'tongbao-preview-')), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  writeFileSync(
    join(content, 'articles', `${DRAFT}.md`),
    `---
title: 草稿预览 ${LOCAL_MARK}
summary: 尚未发布的草稿，摘要也有标记 ${LOCAL_MARK}。
publishedAt: 2026-11-29T09:00:00+08:00
authors:
  - chen-chen
category: industry
tags:
  - 苏州
sourceLocale: zh-Hans
origin: original
riskNotice: false
draft: true
---

草稿正文：发展的后续 ${LOCAL_MARK}。
`,
  );
  ({ lake, origin: lakeOrigin } = await startLake({ token: LAKE_TOKEN }));
  const start = async (port: number, env: Record<string, string>) => {
    const varnish = await startVarnish({ backend: { host: '127.0.0.1', port } });
    const server = await startServer(build.outDir, port, {
      TONGBAO_NOW: SAMPLES_NOW,
      TONGBAO_CONTENT_DIR: content,
      TONGBAO_PREVIEW_SECRET: KEY,
      ...env,
    });
    return { server, varnish };
  };
  local = await start(PORTS.local, {});
  sanity = await start(PORTS.sanity, lakeEnv(lakeOrigin, { SANITY_READ_TOKEN: LAKE_TOKEN }));
});

afterAll(async () => {
  for (const s of [local, sanity]) {
    await s?.server.stop();
    await s?.varnish.stop();
  }
  await lake?.close();
  if (content) rmSync(dirname(content), { recursive: true, force: true });
});

/** The preview cookie's value in a Set-Cookie header. */
const cookieOf = (res: Response) => /(?:^|,\s*)tongbao_preview=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const get = (origin: string, path: string, cookie?: string) =>
  fetch(`${origin}${path}`, { redirect: 'manual', headers: cookie ? { cookie: `tongbao_preview=${cookie}` } : {} });

/** `npm run preview-url`'s link for a slug (the script, with the server's secret). */
function previewUrl(slug: string, base: string, extra: string[] = []): string {
  const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'preview-url.ts'), slug, '--base', base, ...extra], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), TONGBAO_PREVIEW_SECRET: KEY },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

/** Opens a preview link; expects the cookie and the redirect to the preview page. */
async function enter(url: string, location: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status, await res.text()).toBe(303);
  expect(res.headers.get('location')).toBe(location);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  const setCookie = res.headers.get('set-cookie')!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  expect(setCookie).toMatch(/Path=\//);
  return cookieOf(res)!;
}

/** A preview page: the marker, the banner in the page's script, no-store, noindex, the switcher within the preview. */
async function expectPreviewPage(origin: string, path: string, cookie: string, marker: string, script: 'zh-Hans' | 'zh-Hant') {
  const res = await get(origin, path, cookie);
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(200);
  expect(html).toContain(marker);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(res.headers.get('x-robots-tag')).toBe('noindex');
  expect(res.headers.get('x-astro-cache'), 'never from the in-process cache').not.toBe('HIT');
  expect(html).toMatch(/<meta name="robots" content="noindex[^"]*">/);
  expect(html).toContain(`<html lang="${script}"`);
  const banner = /<p class="preview-banner"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? '';
  expect(banner).toContain(script === 'zh-Hans' ? '预览：' : '預覽：');
  expect(banner).toContain(script === 'zh-Hans' ? '草稿' : '草稿');
  expect(banner).toMatch(
    script === 'zh-Hans'
      ? /<a href="\/api\/preview\/exit\/\?locale=zh-hans">退出预览<\/a>/
      : /<a href="\/api\/preview\/exit\/\?locale=zh-hant">退出預覽<\/a>/,
  );
  const other = script === 'zh-Hans' ? 'zh-hant' : 'zh-hans';
  expect(html).toContain(`<a href="/${other}/preview/${path.split('/')[3]}/" hreflang=`);
  return html;
}

/** Every public path the server has: the static build's pages, feeds, sitemaps and robots.txt, share images, search bundles. */
function publicPaths(): string[] {
  const files = (dir: string, base = ''): string[] =>
    readdirSync(join(dir, base)).flatMap((name) => {
      const rel = base ? `${base}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) return ['_astro', 'images'].includes(name) ? [] : files(dir, rel);
      return /\.(html|xml|json|txt|png|js|pf_meta|pf_fragment|pf_index|pf_filter)$/.test(name) && name !== '404.html' ? [rel] : [];
    });
  const paths = files(staticBuild.outDir).map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
  const drafts = [DRAFT, SANITY_SLUG].flatMap((slug) =>
    ['zh-hans', 'zh-hant'].flatMap((l) => [`/${l}/articles/${slug}/`, `/${l}/articles/${slug}/share.png`]),
  );
  return [...new Set([...paths, ...drafts, '/zh-hans/search/?q=' + MARK, '/zh-hant/search/?q=' + MARK])];
}

/** Decompressed when it is a gzip (Pagefind's files), so a marker inside is found. */
async function bodyText(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const { gunzipSync } = await import('node:zlib');
    return gunzipSync(bytes).toString('latin1') + gunzipSync(bytes).toString('utf8');
  }
  return bytes.toString('latin1') + bytes.toString('utf8');
}

describe('draft preview, content/ as the source', () => {
  it('opens the draft in both scripts with the banner, no-store and noindex; the exit clears the cookie', async () => {
    const { origin } = local.server;
    const cookie = await enter(previewUrl(DRAFT, origin), `/zh-hans/preview/${DRAFT}/`);
    await expectPreviewPage(origin, `/zh-hans/preview/${DRAFT}/`, cookie, LOCAL_MARK, 'zh-Hans');
    const hant = await expectPreviewPage(origin, `/zh-hant/preview/${DRAFT}/`, cookie, LOCAL_MARK, 'zh-Hant');
    expect(hant).toContain('發展的後續');
    // Twice: the second is not an in-process hit either.
    await expectPreviewPage(origin, `/zh-hant/preview/${DRAFT}/`, cookie, LOCAL_MARK, 'zh-Hant');
    // Through Varnish, which passes requests with the cookie.
    await expectPreviewPage(local.varnish.url, `/zh-hant/preview/${DRAFT}/`, cookie, LOCAL_MARK, 'zh-Hant');
    // The link names the locale.
    expect(await enter(previewUrl(DRAFT, local.varnish.url, ['--locale', 'zh-hant']), `/zh-hant/preview/${DRAFT}/`)).toBeTruthy();
    const exit = await get(origin, '/api/preview/exit/?locale=zh-hant', cookie);
    expect(exit.status).toBe(303);
    expect(exit.headers.get('location')).toBe('/zh-hant/');
    expect(exit.headers.get('set-cookie')).toMatch(/^tongbao_preview=; .*Max-Age=0/);
  });

  it('refuses a bad or expired link, a link used as the cookie, no cookie and a cookie for another slug', async () => {
    const { origin } = local.server;
    const refused = async (res: Response, what: string) => {
      const text = await res.text();
      expect(res.status, what).toBe(401);
      expect(text, what).not.toContain(MARK);
      expect(res.headers.get('set-cookie'), what).toBeNull();
      expect(res.headers.get('cache-control'), what).toBe('private, no-store');
    };
    const link = new URL(previewUrl(DRAFT, origin));
    const token = link.searchParams.get('token')!;
    await refused(await get(origin, `/api/preview/?token=${token.slice(0, -2)}xx`), 'a bad signature');
    await refused(await get(origin, '/api/preview/?token=garbage'), 'garbage');
    await refused(await get(origin, '/api/preview/'), 'no token');
    const expired = signToken({ purpose: 'link', slug: DRAFT, expires: new Date(Date.now() - 1000) }, KEY);
    await refused(await get(origin, `/api/preview/?token=${expired}`), 'an expired link');
    const otherKey = signToken({ purpose: 'link', slug: DRAFT, expires: new Date(Date.now() + 60_000) }, `${KEY}-other`);
    await refused(await get(origin, `/api/preview/?token=${otherKey}`), 'another key');
    await refused(await get(origin, `/zh-hans/preview/${DRAFT}/`), 'no cookie');
    await refused(await get(origin, `/zh-hans/preview/${DRAFT}/`, token), 'the link token as the cookie');
    const expiredCookie = signToken({ purpose: 'cookie', slug: DRAFT, expires: new Date(Date.now() - 1000) }, KEY);
    await refused(await get(origin, `/zh-hans/preview/${DRAFT}/`, expiredCookie), 'an expired cookie');
    const other = await enter(previewUrl('market-weekly-review', origin), '/zh-hans/preview/market-weekly-review/');
    await refused(await get(origin, `/zh-hans/preview/${DRAFT}/`, other), 'a cookie for another slug');
    await refused(await get(local.varnish.url, `/zh-hans/preview/${DRAFT}/`), 'no cookie, through Varnish');
    // A Studio secret where Sanity is not the source.
    await refused(await get(origin, `/api/preview/?sanity-preview-secret=x&sanity-preview-pathname=/zh-hans/preview/${DRAFT}/`), 'a Studio secret');
  });
});

/** The real @sanity/client against the lake with the editor's token (what the Studio holds). */
const editorClient = () =>
  createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: lakeOrigin,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    token: LAKE_TOKEN,
  });

describe('draft preview, Sanity as the source (the lake)', () => {
  let studioSecret: string;
  beforeAll(async () => {
    const client = editorClient();
    const published = await client.getDocument(`article.${SANITY_SLUG}`);
    expect(published).toBeTruthy();
    const body = [
      ...((published!.body as unknown[]) ?? []),
      {
        _type: 'block',
        _key: 'pv',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 'pvs', text: `草稿新增：发展的后续 ${SANITY_MARK}。`, marks: [] }],
      },
    ];
    await client.createOrReplace({ ...published!, _id: `drafts.article.${SANITY_SLUG}`, title: `草稿标题 ${SANITY_MARK}`, body });
    ({ secret: studioSecret } = await createPreviewSecret(client, 'tongbao-test', 'http://localhost:3333', 'test-user'));
  });

  const studioUrl = (origin: string, secret: string, pathname: string) =>
    `${origin}/api/preview/?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent(pathname)}`;

  it('opens the Sanity draft from the Studio secret in both scripts', async () => {
    const { origin } = sanity.server;
    const cookie = await enter(studioUrl(origin, studioSecret, `/zh-hant/preview/${SANITY_SLUG}/`), `/zh-hant/preview/${SANITY_SLUG}/`);
    await expectPreviewPage(origin, `/zh-hans/preview/${SANITY_SLUG}/`, cookie, SANITY_MARK, 'zh-Hans');
    const hant = await expectPreviewPage(sanity.varnish.url, `/zh-hant/preview/${SANITY_SLUG}/`, cookie, SANITY_MARK, 'zh-Hant');
    expect(hant).toContain('發展的後續');
    expect(hant).toContain(`草稿標題 ${SANITY_MARK}`);
  });

  it('refuses an unknown secret and a secret pointing outside the preview', async () => {
    const { origin } = sanity.server;
    for (const [url, what] of [
      [studioUrl(origin, 'not-the-secret', `/zh-hans/preview/${SANITY_SLUG}/`), 'an unknown secret'],
      [studioUrl(origin, studioSecret, `/zh-hans/articles/${SANITY_SLUG}/`), 'a public page'],
      [studioUrl(origin, studioSecret, `https://evil.example/zh-hans/preview/${SANITY_SLUG}/x`), 'another site'],
    ] as const) {
      const res = await get(origin, url.slice(origin.length));
      expect(res.status, what).toBe(401);
      expect(res.headers.get('set-cookie'), what).toBeNull();
      expect(await res.text(), what).not.toContain(MARK);
    }
    const res = await get(origin, `/zh-hans/preview/${SANITY_SLUG}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(MARK);
  });
});

describe('no draft in any public response', () => {
  it('every public path, directly and through Varnish, with and without the preview cookie, after the previews were opened', async () => {
    const cookies = {
      local: await enter(previewUrl(DRAFT, local.server.origin), `/zh-hans/preview/${DRAFT}/`),
      sanity: await enter(
        `${sanity.server.origin}/api/preview/?sanity-preview-secret=${encodeURIComponent(
          (await createPreviewSecret(editorClient(), 'tongbao-test', 'http://localhost:3333')).secret,
        )}&sanity-preview-pathname=${encodeURIComponent(`/zh-hans/preview/${SANITY_SLUG}/`)}`,
        `/zh-hans/preview/${SANITY_SLUG}/`,
      ),
    };
    // Opened again just before, through Varnish, so that a cache could have caught them.
    await expectPreviewPage(local.varnish.url, `/zh-hans/preview/${DRAFT}/`, cookies.local, LOCAL_MARK, 'zh-Hans');
    await expectPreviewPage(sanity.varnish.url, `/zh-hans/preview/${SANITY_SLUG}/`, cookies.sanity, SANITY_MARK, 'zh-Hans');
    const paths = publicPaths();
    expect(paths.length).toBeGreaterThan(50);
    let hits = 0;
    for (const [name, { server, varnish }] of Object.entries({ local, sanity })) {
      const cookie = cookies[name as keyof typeof cookies];
      for (const path of paths) {
        // Through Varnish three times: a miss (or hit), with the cookie (passed), and again (a hit if cacheable).
        for (const [origin, withCookie] of [
          [server.origin, false],
          [server.origin, true],
          [varnish.url, false],
          [varnish.url, true],
          [varnish.url, false],
        ] as const) {
          const res = await get(origin, path, withCookie ? cookie : undefined);
          if (res.headers.get('x-cache')?.startsWith('HIT')) hits++;
          expect(await bodyText(res), `${name} ${origin} ${path}${withCookie ? ' (with the cookie)' : ''}: ${res.status}`).not.toContain(MARK);
        }
      }
      // The search index holds the published articles only (a draft would be one page more), from either source (the
      // lake's dataset holds the same published articles as content/).
      for (const locale of ['zh-hans', 'zh-hant']) {
        const entry = (await (await get(varnish.url, `/pagefind/${locale}/0/pagefind-entry.json`)).json()) as {
          languages: Record<string, { page_count: number }>;
        };
        const published = readdirSync(join(staticBuild.outDir, locale, 'articles')).length;
        expect(entry.languages[locale]?.page_count, `${name} ${locale} search pages`).toBe(published);
      }
      // The preview path without the cookie, through Varnish after it was opened there: refused, not a cached copy.
      const slug = name === 'local' ? DRAFT : SANITY_SLUG;
      for (const l of ['zh-hans', 'zh-hant']) {
        const res = await get(varnish.url, `/${l}/preview/${slug}/`);
        expect(res.status).toBe(401);
        expect(res.headers.get('x-cache') ?? '').not.toMatch(/^HIT/);
        expect(await res.text()).not.toContain(MARK);
      }
    }
    expect(hits, 'Varnish served some public pages from its cache').toBeGreaterThan(0);
  }, 240_000);
});
