/**
 * Every page type in both scripts, on a phone (390×844) and a laptop (1280×800): content present,
 * no horizontal scroll, the switcher keeps the page, pagination links work, axe-core finds no
 * violation. Screenshots go to artifacts/pages/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { VIEWPORTS, expectNoAxeViolations, expectNoHorizontalScroll } from '../support/reader.ts';

const SHOTS = 'artifacts/pages';
mkdirSync(SHOTS, { recursive: true });

/** A page type: its path after the locale segment and what its main content must hold (per locale). */
const PAGES: { type: string; path: string; text: Record<'zh-hans' | 'zh-hant', string | RegExp> }[] = [
  { type: 'home', path: '', text: { 'zh-hans': '云岭基金', 'zh-hant': '雲嶺基金' } },
  { type: 'home-page-2', path: '2/', text: { 'zh-hans': '东湖马拉松', 'zh-hant': '東湖馬拉松' } },
  { type: 'article', path: 'articles/market-weekly-review/', text: { 'zh-hans': '资产配置', 'zh-hant': '資產配置' } },
  { type: 'category', path: 'categories/finance/', text: { 'zh-hans': '财经', 'zh-hant': '財經' } },
  { type: 'tag', path: `tags/${encodeURIComponent('资产配置')}/`, text: { 'zh-hans': '#资产配置', 'zh-hant': '#資產配置' } },
  { type: 'author', path: 'authors/yunling-research/', text: { 'zh-hans': '云岭基金研究部', 'zh-hant': '雲嶺基金研究部' } },
  { type: 'archive-year', path: 'archive/2026/', text: { 'zh-hans': '2026 年', 'zh-hant': '2026 年' } },
  { type: 'archive-month', path: 'archive/2026-11/', text: { 'zh-hans': '2026 年 11 月', 'zh-hant': '2026 年 11 月' } },
  { type: 'search', path: 'search/', text: { 'zh-hans': '搜索', 'zh-hant': '搜尋' } },
  { type: 'not-found', path: '404/', text: { 'zh-hans': '找不到该页面', 'zh-hant': '找不到該頁面' } },
];

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.name === 'phone' });
    for (const p of PAGES) {
      for (const [segment, other] of [
        ['zh-hans', 'zh-hant'],
        ['zh-hant', 'zh-hans'],
      ] as const) {
        test(`${p.type} in ${segment}`, async ({ page }) => {
          const response = await page.goto(`/${segment}/${p.path}`);
          expect(response?.status()).toBe(200);
          await expect(page.locator('main')).toContainText(p.text[segment]);
          await expectNoHorizontalScroll(page);
          // The switcher leads to the same page in the other script.
          const switchTo = page.locator(`.switcher a[data-locale]`);
          await expect(switchTo).toHaveAttribute('href', `/${other}/${p.path}`);
          await expectNoAxeViolations(page);
          // At CSS pixels: a record to look at, not a docs image (a quarter of the pixels to encode at DPR 2).
          await page.screenshot({ path: `${SHOTS}/${p.type}-${segment}-${viewport.name}.png`, fullPage: true, scale: 'css' });
          await switchTo.click();
          await expect(page).toHaveURL(new RegExp(`/${other}/${p.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
          await expect(page.locator('main')).toContainText(p.text[other]);
        });
      }
    }
  });
}

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/zh-hans/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('找不到');
});

test('keyboard: the skip link is first and moves focus to the main content, focus is visible', async ({ page }) => {
  await page.goto('/zh-hant/articles/market-weekly-review/');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
  expect(focused).toBe(true);
});

test('article: byline, tags, related and neighbours link where they should', async ({ page }) => {
  await page.goto('/zh-hant/articles/one-source-two-scripts/');
  await expect(page.locator('.byline a').first()).toHaveAttribute('href', /\/zh-hant\/authors\/[^/]+\/$/);
  await expect(page.locator('.reading-time')).toContainText(/閱讀約 \d+ 分鐘/);
  const nav = page.getByRole('navigation', { name: '上一篇與下一篇' });
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', '/zh-hant/articles/beibin-ferry-night-service/');
  await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', '/zh-hant/articles/donghu-marathon-traffic/');
  const tag = page.locator('.tags a').first();
  const href = await tag.getAttribute('href');
  await tag.click();
  await expect(page).toHaveURL(href!);
  await expect(page.locator('.article-list a[href="/zh-hant/articles/one-source-two-scripts/"]')).toHaveCount(1);
});

test('dark mode follows the system and the toggle is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh-hans/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(20, 20, 20)');
  const toggle = page.locator('.theme-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  expect(await bg()).toBe('rgb(253, 252, 250)');
  await page.goto('/zh-hans/articles/market-weekly-review/');
  expect(await bg()).toBe('rgb(253, 252, 250)');
  await expect(page.locator('.theme-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/zh-hans/articles/market-weekly-review/');
  await expect(page.locator('.article-body')).toContainText('资产配置');
  await expect(page.locator('.theme-toggle')).toBeHidden();
  await context.close();
});

test('the home leads into categories and month archives', async ({ page }) => {
  await page.goto('/zh-hant/');
  const categories = page.getByRole('navigation', { name: '欄目' });
  await categories.getByRole('link', { name: '財經' }).click();
  await expect(page).toHaveURL(/\/zh-hant\/categories\/finance\/$/);
  // The section page leads with its newest article.
  await expect(page.locator('.lead-story a[href="/zh-hant/articles/market-weekly-review/"]')).toHaveCount(1);
  await page.goto('/zh-hant/');
  await page.getByRole('navigation', { name: '歸檔' }).getByRole('link', { name: '2023 年 3 月' }).click();
  await expect(page).toHaveURL(/\/zh-hant\/archive\/2023-03\/$/);
  await expect(page.locator('.article-list a[href="/zh-hant/articles/advanced-tech-fair-2023/"]')).toHaveCount(1);
});
