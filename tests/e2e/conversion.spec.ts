/**
 * What a reader sees of the conversion layers: a protected name in the headline, the script
 * examples kept as written, quotes of the locale, and no override markup anywhere on the page.
 */
import { expect, test } from '@playwright/test';

test('the zh-Hant market headline keeps the fund’s name whole (雲嶺基金發佈, never 髮布)', async ({ page }) => {
  await page.goto('/zh-hant/articles/market-weekly-review/');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toContainText('雲嶺基金發佈年末市場展望');
  await expect(page.locator('body')).not.toContainText('髮');
  await expect(page).toHaveTitle(/雲嶺基金發佈/);
});

for (const [segment, quoteOpen, simplifiedKept] of [
  ['zh-hant', '「', '同一個簡體字「发」'],
  ['zh-hans', '“', '同一个简体字“发”'],
] as const) {
  test(`the explainer in ${segment}: examples as written, locale quotes, no markup`, async ({ page }) => {
    await page.goto(`/${segment}/articles/one-source-two-scripts/`);
    const body = page.locator('.article-body');
    await expect(body).toContainText(simplifiedKept);
    await expect(body).toContainText(quoteOpen);
    await expect(body).not.toContainText('轉換隻');
    const text = await page.locator('html').innerText();
    expect(text).not.toMatch(/-\{|\}-/);
  });
}
