/**
 * A reader's view of the site built from the local lake with the real client: the article with its
 * body image pipeline, lead image served through the lake's image URL, the draft never visible.
 * Self-contained: starts a lake on a free port, builds into a temporary folder, serves it.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Lake } from '../../scripts/lake/server.ts';
import { astroBuildAsync, lakeEnv, startLake } from '../support/lake.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
};
let lake: Lake;
let site: Server;
let base: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const started = await startLake();
  lake = started.lake;
  // A draft that must never reach the published site.
  lake.docs.set('drafts.article.secret-draft', {
    ...lake.docs.get('article.market-weekly-review')!,
    _id: 'drafts.article.secret-draft',
    title: '未发布的草稿',
    slug: { _type: 'slug', current: 'secret-draft' },
  });
  const build = await astroBuildAsync(lakeEnv(started.origin));
  if (build.status !== 0) throw new Error(`build from the lake failed:\n${build.output}`);
  site = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(build.outDir, path.endsWith('/') ? join(path, 'index.html') : path);
    void readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((r) => site?.close(r));
  await lake?.close();
});

test('an article from Sanity reads as the Markdown one does, lead image included', async ({ page }) => {
  await page.goto(`${base}/zh-hant/articles/one-source-two-scripts/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('一次寫作，簡繁同步');
  await expect(page.locator('.article-body table th').first()).toHaveText('簡體');
  await expect(page.locator('.article-body code').first()).toHaveText('opencc -c s2twp.json');
  const lead = page.locator('.lead-image img');
  await expect(lead).toHaveAttribute('alt', /示意圖/);
  // The image really loads from the lake's image URL.
  await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator('[data-disclaimer="original"]')).toContainText('原創文章，作者：通報編輯部');
});

test('the draft is nowhere on the published site', async ({ page }) => {
  await page.goto(`${base}/zh-hans/`);
  await expect(page.locator('main')).toContainText('云岭基金发布年末市场展望');
  await expect(page.locator('main')).not.toContainText('未发布的草稿');
  const res = await page.goto(`${base}/zh-hans/articles/secret-draft/`);
  expect(res?.status()).toBe(404);
});
