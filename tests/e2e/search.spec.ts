/**
 * Search in Chromium with the real Pagefind index: a two-character Chinese word finds the expected
 * article in both locales, a query in the other script finds it too, and the category filter narrows.
 */
import { expect, test } from '@playwright/test';

const MARKET = 'market-weekly-review';

for (const [segment, query, otherScript, category, otherCategory] of [
  ['zh-hans', '基金', '資產', '财经', '科技'],
  ['zh-hant', '基金', '资产', '財經', '科技'],
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
