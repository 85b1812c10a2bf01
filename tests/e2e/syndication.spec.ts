/**
 * What a browser, a feed reader's autodiscovery and a link preview get from the served site:
 * the feeds named in <head> answer, and the share image named by og:image is a 1200×630 picture.
 */
import { expect, test } from '@playwright/test';

test('feeds announced in the head are served, and the share image loads at 1200×630', async ({ page, request }) => {
  await page.goto('/zh-hant/articles/advanced-tech-fair-2023/');
  const feeds = await page
    .locator('link[rel="alternate"][type^="application/"]')
    .evaluateAll((links) => links.map((l) => ({ type: l.getAttribute('type'), href: new URL(l.getAttribute('href') ?? '').pathname })));
  expect(feeds.slice(0, 3)).toEqual([
    { type: 'application/rss+xml', href: '/zh-hant/rss.xml' },
    { type: 'application/atom+xml', href: '/zh-hant/atom.xml' },
    { type: 'application/feed+json', href: '/zh-hant/feed.json' },
  ]);
  for (const feed of feeds) {
    const response = await request.get(feed.href);
    expect(response.status(), feed.href).toBe(200);
    expect(await response.text()).toContain('先進技術成果交易大會');
  }

  const image = new URL((await page.locator('meta[property="og:image"]').first().getAttribute('content')) ?? '').pathname;
  expect(image).toBe('/zh-hant/articles/advanced-tech-fair-2023/share.png');
  await page.goto(image);
  const size = await page.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([1200, 630]);
  await page.screenshot({ path: 'artifacts/e2e/share-zh-hant.png' });
});

test('robots.txt and the sitemap index are served', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Sitemap: .*\/sitemap-index\.xml$/m);
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  expect(await index.text()).toContain('/sitemap-news.xml</loc>');
});
