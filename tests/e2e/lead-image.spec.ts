/**
 * The lead image as a reader's browser gets it, on a phone (390×844) and a laptop (1280×800): a
 * srcset of several widths from Astro's image pipeline, the browser picks the candidate that fits
 * the column and loads it, width and height keep its box before it loads, the caption and alt
 * are there, nothing scrolls sideways, axe-core finds no violation. Without JavaScript it is the same.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from '../support/reader.ts';

const ARTICLE = 'one-source-two-scripts';
const SHOTS = 'artifacts/e2e';
mkdirSync(SHOTS, { recursive: true });

interface Candidate {
  url: string;
  width: number;
}
const candidates = (srcset: string): Candidate[] =>
  srcset.split(',').map((part) => {
    const [url = '', descriptor = ''] = part.trim().split(/\s+/);
    return { url, width: Number(/^(\d+)w$/.exec(descriptor)?.[1] ?? Number.NaN) };
  });

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.name === 'phone' });

    test('the lead image: srcset of several widths, the fitting one loaded, no layout shift', async ({ page, request }) => {
      await page.goto(`/zh-hant/articles/${ARTICLE}/`);
      const figure = page.locator('figure.lead-image');
      const img = figure.locator('img');
      await expect(img).toHaveAttribute('alt', /示意圖.*繁體版/);
      await expect(figure.locator('figcaption')).toContainText('一篇稿件，兩種文字');

      const srcset = (await img.getAttribute('srcset')) ?? '';
      const offered = candidates(srcset);
      expect(offered.length).toBeGreaterThanOrEqual(3);
      for (const c of offered) {
        expect(c.url).toMatch(/^\/_astro\/.+\.webp$/);
        expect(Number.isInteger(c.width)).toBe(true);
      }
      expect(new Set(offered.map((c) => c.width)).size).toBe(offered.length);
      // Every candidate is a real WebP file of the site.
      for (const c of [...offered, { url: (await img.getAttribute('src')) ?? '', width: 0 }]) {
        const res = await request.get(c.url);
        expect(res.status(), c.url).toBe(200);
        expect(res.headers()['content-type']).toContain('image/webp');
      }

      const width = Number(await img.getAttribute('width'));
      const height = Number(await img.getAttribute('height'));
      expect(width).toBeGreaterThan(0);
      expect(height).toBeGreaterThan(0);

      // The browser chose a candidate and decoded it.
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      const chosen = await img.evaluate((el: HTMLImageElement) => ({
        currentSrc: new URL(el.currentSrc).pathname,
        needed: el.getBoundingClientRect().width * devicePixelRatio,
        box: el.getBoundingClientRect().toJSON() as DOMRect,
      }));
      const sorted = [...offered].sort((a, b) => a.width - b.width);
      const fitting = sorted.find((c) => c.width >= chosen.needed) ?? sorted.at(-1)!;
      expect(chosen.currentSrc).toBe(fitting.url);
      // The box has the image's own proportions (set from width/height before anything loads).
      expect(Math.abs(chosen.box.height - (chosen.box.width * height) / width)).toBeLessThan(1.5);
      expect(chosen.box.width).toBeLessThanOrEqual(viewport.width);

      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/lead-image-${viewport.name}.png` });
    });

    test('the lead image keeps its box while it loads (no layout shift)', async ({ page }) => {
      // Hold every image back: the page lays out with the attributes alone.
      await page.route('**/_astro/*.webp', () => undefined);
      await page.goto(`/zh-hans/articles/${ARTICLE}/`, { waitUntil: 'domcontentloaded' });
      const img = page.locator('.lead-image img');
      const box = await img.evaluate((el: HTMLImageElement) => ({
        w: el.getBoundingClientRect().width,
        h: el.getBoundingClientRect().height,
        loaded: el.complete && el.naturalWidth > 0,
      }));
      expect(box.loaded).toBe(false);
      const ratio = Number(await img.getAttribute('height')) / Number(await img.getAttribute('width'));
      expect(Math.abs(box.h - box.w * ratio)).toBeLessThan(1.5);
      expect(box.h).toBeGreaterThan(50);
    });
  });
}

test('without JavaScript the lead image is there and loads', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/zh-hans/articles/${ARTICLE}/`);
  const img = page.locator('.lead-image img');
  await expect(img).toHaveAttribute('srcset', /400w.*800w.*1200w/);
  await expect(page.locator('.article-body')).toContainText('OpenCC');
  // naturalWidth is read by Playwright, not by the page's scripts (which are off).
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await context.close();
});

// The README's phone screenshot (docs/). Always kept in artifacts/; written to docs/ with TONGBAO_UPDATE_DOCS=1.
test('screenshot of the article page on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`/zh-hant/articles/${ARTICLE}/`);
  const img = page.locator('.lead-image img');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const shot = await page.screenshot();
  expect(shot.length).toBeLessThan(200_000);
  writeFileSync(`${SHOTS}/article-phone-zh-hant.png`, shot);
  if (process.env.TONGBAO_UPDATE_DOCS === '1') writeFileSync('docs/article-phone-zh-hant.png', shot);
  await context.close();
});
