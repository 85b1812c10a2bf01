/**
 * The remembered script choice (public/theme.js): picking 繁體/简体 in the switcher is remembered,
 * and a later visit to `/` goes to that script's home before anything is drawn. Only `/` redirects:
 * a link to the other script's pages still opens them, nothing loops, and clearing the choice (or
 * turning JavaScript off) leaves `/` showing both scripts.
 */
import { expect, test, type Page } from '@playwright/test';

const KEY = 'tongbao-script';

async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}

test('choose 繁體 on an article, then / opens the zh-Hant home; 简体 likewise; cleared → both scripts', async ({ page }) => {
  await page.goto('/zh-hans/articles/one-source-two-scripts/');
  await page.getByRole('navigation', { name: '阅读语言' }).getByRole('link', { name: '繁體' }).click();
  await expect(page).toHaveURL(/\/zh-hant\/articles\/one-source-two-scripts\/$/);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('zh-Hant');

  const before = await page.evaluate(() => history.length);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(new URL(frame.url()).pathname);
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh-hant\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('h1')).toContainText('通報');
  // One hop, then it stays: the home never redirects.
  await page.waitForTimeout(500);
  expect(navigations.filter((p) => p === '/zh-hant/').length).toBe(1);
  await expect(page).toHaveURL(/\/zh-hant\/$/);
  expect(await layoutShift(page)).toBe(0);
  // Back does not return to `/` only to be sent on again (replace, not push).
  expect(await page.evaluate(() => history.length)).toBe(before + 1);

  // An explicit link to the other script is followed, not overruled.
  await page.goto('/zh-hans/');
  await expect(page).toHaveURL(/\/zh-hans\/$/);
  await page.goto('/zh-hans/articles/market-weekly-review/');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/zh-hans\/articles\/market-weekly-review\/$/);

  // Choosing 简体 from a zh-Hant page remembers that instead.
  await page.goto('/zh-hant/articles/market-weekly-review/');
  await page.getByRole('navigation', { name: '閱讀語言' }).getByRole('link', { name: '简体' }).click();
  await expect(page).toHaveURL(/\/zh-hans\/articles\/market-weekly-review\/$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh-hans\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

  // Cleared: `/` is the page of both scripts again.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/$/);
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.locator('section[lang="zh-Hans"]')).toBeVisible();
  await expect(page.locator('section[lang="zh-Hant"]')).toBeVisible();
});

test('picking a script on / itself is remembered', async ({ page }) => {
  await page.goto('/');
  await page.locator('section[lang="zh-Hant"] h2 a').click();
  await expect(page).toHaveURL(/\/zh-hant\/$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh-hant\/$/);
});

test('a stored value that is no script of the site is ignored', async ({ page }) => {
  await page.goto('/zh-hans/');
  await page.evaluate((k) => localStorage.setItem(k, 'javascript:alert(1)'), KEY);
  await page.goto('/');
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe('/');
});

test('without JavaScript / shows both scripts and every link works', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/');
  await page.locator('section[lang="zh-Hant"] h2 a').click();
  await expect(page).toHaveURL(/\/zh-hant\/$/);
  await expect(page.locator('main')).toContainText('雲嶺基金');
  await page.getByRole('navigation', { name: '閱讀語言' }).getByRole('link', { name: '简体' }).click();
  await expect(page).toHaveURL(/\/zh-hans\/$/);
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/');
  await context.close();
});
