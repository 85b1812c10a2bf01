/**
 * Search in Chromium with the real Pagefind index: a two-character Chinese word finds the expected
 * article in both locales, a query in the other script finds it too, and the category filter narrows.
 * The e2e site is built with two articles a search shard, so the index is seven merged shards: the
 * newest article alone in the primary shard (6), the older ones two by two down to shard 0.
 */
import { expect, test } from '@playwright/test';

const MARKET = 'market-weekly-review';

for (const [segment, query, otherScript, category, otherCategory] of [
  // 股息 and 云岭 are in the finance outlook only (基金 and 资产 are in other finance samples too).
  ['zh-hans', '股息', '雲嶺', '财经', '科技'],
  ['zh-hant', '股息', '云岭', '財經', '科技'],
] as const) {
  test(`search in ${segment}: a two-character word, the other script, the category filter`, async ({ page }) => {
    await page.goto(`/${segment}/search/?q=${encodeURIComponent(query)}`);
    const results = page.locator('[data-results] li a');
    await expect(results.first()).toHaveAttribute('href', `/${segment}/articles/${MARKET}/`);
    await expect(results).toHaveCount(1);

    await page.getByRole('searchbox').fill(otherScript);
    await expect(results.first()).toHaveAttribute('href', `/${segment}/articles/${MARKET}/`);
    // One entry per article even when it matches in both scripts.
    await expect(results).toHaveCount(1);

    await page.getByRole('combobox').selectOption(category);
    await expect(results).toHaveCount(1);
    await page.getByRole('combobox').selectOption(otherCategory);
    await expect(results).toHaveCount(0);
  });
}

test('the search page merges every shard, newest first, and rewrites a query typed in the other script', async ({ page }) => {
  await page.goto('/zh-hant/search/');
  const bundles = JSON.parse((await page.locator('form[data-pagefind-bundles]').getAttribute('data-pagefind-bundles')) ?? '[]');
  expect(bundles).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => `/pagefind/zh-hant/${n}/`));
  // 发布 (Simplified) on the Traditional page: the report, written in Traditional (發布), is in the oldest shard.
  await page.getByRole('searchbox').fill('发布');
  const results = page.locator('[data-results] li a');
  await expect(results.filter({ hasText: '先進技術成果交易大會' })).toHaveCount(1);
  // The same word in the page's own script finds it too, once.
  await page.getByRole('searchbox').fill('發布');
  await expect(results.filter({ hasText: '先進技術成果交易大會' })).toHaveCount(1);
});
