/**
 * What a reader on a phone sees: the conference report in both scripts, the right disclaimers,
 * the script switcher, no sideways scrolling.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/reader.ts';

const REPORT = 'advanced-tech-fair-2023';
mkdirSync('artifacts/e2e', { recursive: true });

for (const [segment, lang, tech, other, reprint] of [
  ['zh-hant', 'zh-Hant', '技術', '技术', '本內容屬於網絡轉載，文中涉及圖片等內容如有侵權，請聯繫編輯刪除。'],
  ['zh-hans', 'zh-Hans', '技术', '技術', '本内容属于网络转载，文中涉及图片等内容如有侵权，请联系编辑删除。'],
] as const) {
  test(`the report in ${lang}`, async ({ page }) => {
    await page.goto(`/${segment}/articles/${REPORT}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toContainText(tech);
    await expect(h1).not.toContainText(other);
    await expect(page).toHaveTitle(new RegExp(tech));

    const disclaimers = page.getByRole('complementary', { name: lang === 'zh-Hant' ? '聲明' : '声明' });
    await expect(disclaimers.locator('[data-disclaimer]')).toHaveCount(1);
    await expect(disclaimers.locator('[data-disclaimer="reprint"]')).toContainText(reprint);
    await expect(disclaimers.getByRole('link', { name: 'm.2079x.cn' })).toHaveAttribute('href', 'http://m.2079x.cn/article/570544.html');
    // The aggregator's own notices and furniture never come through the body.
    await expect(page.locator('.article-body')).not.toContainText('相關推薦');
    await expect(page.locator('.article-body')).not.toContainText('(shù)');
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `artifacts/e2e/report-${segment}.png`, fullPage: true });
  });
}

test('the switcher lands on the same article in the other script', async ({ page }) => {
  await page.goto(`/zh-hans/articles/${REPORT}/`);
  await page.getByRole('navigation', { name: '阅读语言' }).getByRole('link', { name: '繁體' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-hant/articles/${REPORT}/$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('先進技術成果交易大會');
  await page.getByRole('navigation', { name: '閱讀語言' }).getByRole('link', { name: '简体' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-hans/articles/${REPORT}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('先进技术成果交易大会');
});

test('hreflang alternates name both scripts', async ({ page }) => {
  await page.goto(`/zh-hant/articles/${REPORT}/`);
  const hrefs = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`));
  expect(hrefs).toEqual([`zh-Hans /zh-hans/articles/${REPORT}/`, `zh-Hant /zh-hant/articles/${REPORT}/`, `x-default /zh-hans/articles/${REPORT}/`]);
});

test('each origin and category gets its own disclaimers', async ({ page }) => {
  await page.goto('/zh-hant/articles/market-weekly-review/');
  const risk = page.locator('[data-disclaimer]');
  await expect(risk).toHaveCount(1);
  await expect(risk).toHaveText('市場有風險，選擇需謹慎！此文僅供參考，不作買賣及投資依據。');

  await page.goto('/zh-hans/articles/one-source-two-scripts/');
  const original = page.locator('[data-disclaimer]');
  await expect(original).toHaveCount(1);
  await expect(original).toContainText('原创文章，作者：通报编辑部，如若转载，请注明出处：');
  await expect(original.getByRole('link')).toHaveAttribute('href', /\/zh-hans\/articles\/one-source-two-scripts\/$/);
  // The lead image's alt text is converted with the page.
  await page.goto('/zh-hant/articles/one-source-two-scripts/');
  await expect(page.locator('.lead-image img')).toHaveAttribute('alt', /繁體版/);
  await expectNoHorizontalScroll(page);
});

test('homes list the articles newest first, and / is a real page', async ({ page }) => {
  for (const [segment, lang] of [
    ['zh-hans', 'zh-Hans'],
    ['zh-hant', 'zh-Hant'],
  ] as const) {
    await page.goto(`/${segment}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // The lead story, then the latest; two a page in the e2e build (playwright.config.ts).
    const links = page.locator('.lead-story h2 a, main > .article-list h3 a');
    await expect(links).toHaveCount(2);
    await expect(links.first()).toHaveAttribute('href', `/${segment}/articles/market-weekly-review/`);
    await expectNoHorizontalScroll(page);
    await page
      .getByRole('navigation', { name: /分[页頁]/ })
      .getByRole('link', { name: /下一[页頁]/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${segment}/2/$`));
    // Page 2: the third and fourth newest samples.
    await expect(page.locator('main > .article-list h3 a').last()).toHaveAttribute('href', `/${segment}/articles/donghu-marathon-traffic/`);
  }
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(page.url()).toMatch(/\/$/);
  // The newest article, in each section's script.
  await expect(page.locator('section[lang="zh-Hant"]')).toContainText('雲嶺基金');
  await expect(page.locator('section[lang="zh-Hans"]')).toContainText('云岭基金');
  await page.screenshot({ path: 'artifacts/e2e/root.png', fullPage: true });
});
