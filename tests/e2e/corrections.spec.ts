/**
 * Issue 17, points 5 and 7 in both scripts, in Chromium: the article's 更正 box (dated, in the page's
 * script), the corrections page (newest first, linked from the footer), the author page (photo loaded
 * through the image pipeline, name, bio). axe 0 violations; footer links are 44 px targets; nothing
 * scrolls sideways. Screenshots at 390×844 and 1280×800 are kept in docs/screenshots/.
 */
import { expect, test } from '@playwright/test';
import { VIEWPORTS, expectNoAxeViolations, expectNoHorizontalScroll } from '../support/reader.ts';

const SCRIPTS = [
  {
    segment: 'zh-hans',
    correction: '本文初版称繁体版在编辑保存稿件时生成，有误',
    article: '一次写作，简繁同步',
    author: '通报编辑部',
    bio: '通报编辑部负责要闻的编排',
    alt: '通报编辑部的标志',
  },
  {
    segment: 'zh-hant',
    correction: '本文初版稱繁體版在編輯保存稿件時生成，有誤',
    article: '一次寫作，簡繁同步',
    author: '通報編輯部',
    bio: '通報編輯部負責要聞的編排',
    alt: '通報編輯部的標誌',
  },
] as const;

for (const s of SCRIPTS) {
  for (const vp of VIEWPORTS) {
    test(`article ${s.segment} ${vp.name}: the 更正 box at the end of the text; axe 0`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`/${s.segment}/articles/one-source-two-scripts/`);
      const box = page.getByRole('region', { name: '更正' });
      await expect(box).toBeVisible();
      await expect(box.locator('time')).toHaveAttribute('datetime', '2026-11-21T01:30:00.000Z');
      await expect(box.locator('time')).toHaveText('2026年11月21日');
      await expect(box).toContainText(s.correction);
      // After the body, inside the article.
      expect(await page.evaluate(() => document.querySelector('.article-body + .corrections')?.closest('article') !== null)).toBe(true);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screenshots/correction-box-${s.segment}-${vp.width}x${vp.height}.png` });
    });

    test(`corrections page ${s.segment} ${vp.name}: listed and linked, reached from the footer; axe 0`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`/${s.segment}/`);
      const footerLink = page.locator('.site-footer').getByRole('link', { name: '更正' });
      const box = await footerLink.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await footerLink.click();
      await expect(page).toHaveURL(new RegExp(`/${s.segment}/corrections/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('更正');
      const item = page.locator('.correction-list li').first();
      await expect(item.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      await expect(item).toContainText(s.correction);
      await expect(item.getByRole('link', { name: new RegExp(s.article) })).toHaveAttribute('href', `/${s.segment}/articles/one-source-two-scripts/`);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `docs/screenshots/corrections-${s.segment}-${vp.width}x${vp.height}.png`, fullPage: true });
    });

    test(`author page ${s.segment} ${vp.name}: photo, name, bio, then the articles; axe 0`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`/${s.segment}/authors/tongbao-desk/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.author);
      const photo = page.locator('.author-intro img');
      await expect(photo).toHaveAttribute('alt', new RegExp(`^${s.alt}`));
      await expect(photo).toHaveAttribute('srcset', /\.webp 96w, .*\.webp 192w/);
      // Loaded (a lazy image may finish after the load event: waited for, up to the expect timeout), and shown as a
      // 6rem (96 px) square.
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const size = await photo.boundingBox();
      expect(Math.round(size!.width)).toBe(96);
      expect(Math.round(size!.height)).toBe(96);
      await expect(page.locator('.author-bio')).toContainText(s.bio);
      await expect(page.locator('.article-list h3 a').first()).toContainText(s.article);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `docs/screenshots/author-${s.segment}-${vp.width}x${vp.height}.png`, fullPage: true });
    });
  }
}
