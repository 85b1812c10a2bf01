/**
 * Issue 17, points 1–4 in both scripts: the front page (lead story with image and time, newest
 * stories, a block per section with thumbnails through the image pipeline), the header (section links
 * on wide screens, a <details> menu on phones that works without JavaScript, icon buttons with names,
 * 44 px targets), the font-size control (three steps, remembered, set before the first paint, no layout
 * shift) and sharing (plain links, no third-party script, the WeChat QR code decoded back to the URL).
 * Screenshots at 390×844 and 1280×800 are kept in docs/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { VIEWPORTS, expectNoAxeViolations } from '../support/reader.ts';

const SCRIPTS = [
  {
    segment: 'zh-hans',
    lang: 'zh-Hans',
    finance: '财经',
    share: '分享',
    wechat: '微信',
    copy: '复制链接',
    large: '大字号',
    menu: '栏目',
    theme: '切换深色模式',
  },
  {
    segment: 'zh-hant',
    lang: 'zh-Hant',
    finance: '財經',
    share: '分享',
    wechat: '微信',
    copy: '複製連結',
    large: '大字級',
    menu: '欄目',
    theme: '切換深色模式',
  },
] as const;
const ARTICLE = 'articles/one-source-two-scripts/';

/** Every visible link, button and summary in the header is at least 44×44 CSS px. */
async function expectHeaderTargets(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.site-header a, .site-header button, .site-header summary')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .filter(({ el, r }) => !el.classList.contains('site-name') && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${el.outerHTML.slice(0, 60)} ${r.width}×${r.height}`),
  );
  expect(small).toEqual([]);
}

for (const s of SCRIPTS) {
  for (const vp of VIEWPORTS) {
    test(`front page ${s.segment} ${vp.name}: lead, newest, sections, header; axe 0`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`/${s.segment}/`);
      const lead = page.locator('.lead-story');
      await expect(lead.locator('h2 a')).toHaveCount(1);
      await expect(lead.locator('.summary')).not.toBeEmpty();
      // An absolute time in the HTML.
      await expect(lead.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      await expect(lead.locator('time')).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
      // One block per section, with headline and time.
      const blocks = page.locator('.section-block');
      expect(await blocks.count()).toBeGreaterThan(0);
      await expect(page.locator('.section-heading', { hasText: s.finance })).toHaveCount(1);
      for (const block of await blocks.all()) {
        await expect(block.locator('.article-list h3 a').first()).toBeVisible();
        await expect(block.locator('time').first()).toHaveAttribute('datetime', /T/);
      }
      // Thumbnails through the image pipeline: srcset, width, height, lazy.
      const thumbs = page.locator('.section-block img.thumb');
      expect(await thumbs.count()).toBeGreaterThan(0);
      for (const img of await thumbs.all()) {
        await expect(img).toHaveAttribute('srcset', /\.webp \d+w/);
        await expect(img).toHaveAttribute('width', /^\d+$/);
        await expect(img).toHaveAttribute('height', /^\d+$/);
        await expect(img).toHaveAttribute('loading', 'lazy');
        await expect(img).toHaveAttribute('alt', /.+/);
      }
      // Header: sections as links on wide screens, the menu on phones; named icon buttons.
      const nav = page.getByRole('navigation', { name: /主导航|主導覽/ });
      if (vp.width >= 1024) {
        await expect(nav.locator('.nav-wide').getByRole('link', { name: s.finance })).toBeVisible();
        await expect(page.locator('.nav-menu')).toBeHidden();
      } else {
        await expect(page.locator('.nav-wide')).toBeHidden();
        await expect(page.locator('.nav-menu summary')).toBeVisible();
      }
      await expect(page.getByRole('button', { name: s.theme })).toBeVisible();
      await expect(page.getByRole('button', { name: s.large })).toBeVisible();
      await expect(page.locator('.switcher')).toBeVisible();
      await expectHeaderTargets(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `docs/screenshots/front-${s.segment}-${vp.width}x${vp.height}.png`, fullPage: true });
    });

    test(`article ${s.segment} ${vp.name}: sharing; axe 0`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`/${s.segment}/${ARTICLE}`);
      await page.locator('.share-wechat summary').click();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `docs/screenshots/article-${s.segment}-${vp.width}x${vp.height}.png`, fullPage: true });
    });
  }

  test(`${s.segment}: reads without JavaScript; the phone menu opens and leads to a section`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`/${s.segment}/`);
    await expect(page.locator('.lead-story h2 a')).toBeVisible();
    await expect(page.locator('.section-block').first()).toBeVisible();
    await expect(page.locator('.font-step').first()).toBeHidden();
    const menu = page.locator('.nav-menu');
    const shown = () => menu.locator('a', { hasText: s.finance }).evaluate((el) => el.checkVisibility());
    expect(await shown()).toBe(false);
    await menu.locator('summary').click();
    expect(await shown()).toBe(true);
    await menu.getByRole('link', { name: s.finance }).click();
    await expect(page).toHaveURL(new RegExp(`/${s.segment}/categories/finance/$`));
    // The section page is built the same way: a lead story and teasers with times.
    await expect(page.locator('.lead-story time')).toHaveCount(1);
    await context.close();
  });

  test(`${s.segment}: font size in three steps, remembered, applied before the first paint without layout shift`, async ({ page }) => {
    await page.goto(`/${s.segment}/${ARTICLE}`);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article-body')!).fontSize));
    const medium = await size();
    const buttons = page.locator('.font-size button');
    await expect(buttons).toHaveCount(3);
    await expect(buttons.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: s.large }).click();
    await expect(page.getByRole('button', { name: s.large })).toHaveAttribute('aria-pressed', 'true');
    const large = await size();
    expect(large).toBeGreaterThan(medium);
    await buttons.nth(0).click();
    expect(await size()).toBeLessThan(medium);
    await page.getByRole('button', { name: s.large }).click();
    // Remembered on another page, and set before the first paint: the attribute is on <html> when the
    // first element is parsed (checked by a tiny observer installed before any page script), and the
    // page reports no layout shift.
    await page.addInitScript(() => {
      const w = window as unknown as { fontAtFirstBody?: string | null; shifts: number };
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.shifts += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
      // The first animation frame runs before the first paint.
      requestAnimationFrame(() => {
        w.fontAtFirstBody = document.documentElement.getAttribute('data-font');
      });
    });
    await page.goto(`/${s.segment}/`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { fontAtFirstBody?: string | null; shifts: number };
      return { font: w.fontAtFirstBody, shifts: w.shifts };
    });
    expect(seen.font).toBe('large');
    expect(seen.shifts).toBe(0);
    await expect(page.getByRole('button', { name: s.large })).toHaveAttribute('aria-pressed', 'true');
  });

  test(`${s.segment}: sharing links, no third-party script, the WeChat QR code decodes to the article's URL`, async ({ page }) => {
    await page.goto(`/${s.segment}/${ARTICLE}`);
    // This page's absolute URL, as the page announces it for its own locale.
    const url = await page.locator(`link[rel="alternate"][hreflang="${s.lang}"]`).getAttribute('href');
    expect(url).toMatch(new RegExp(`^https?://[^/]+/${s.segment}/${ARTICLE}$`));
    const share = page.getByRole('region', { name: s.share });
    const enc = encodeURIComponent(url!);
    const hrefs = await share.locator('.share-links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toEqual([
      expect.stringMatching(new RegExp(`^https://service\\.weibo\\.com/share/share\\.php\\?url=${escape(enc)}&title=`)),
      `https://social-plugins.line.me/lineit/share?url=${enc}`,
      expect.stringMatching(new RegExp(`^https://x\\.com/intent/post\\?url=${escape(enc)}&text=`)),
      `https://www.facebook.com/sharer/sharer.php?u=${enc}`,
      expect.stringMatching(new RegExp(`^mailto:\\?subject=.+&body=.*${escape(enc)}$`)),
      url,
    ]);
    // No third-party script: every script is our own.
    const scripts = await page.locator('script[src]').evaluateAll((ss) => ss.map((x) => (x as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(new URL(src).origin).toBe(new URL(page.url()).origin);
    // WeChat: closed until opened, then a QR code that a reader decodes to this URL.
    const qr = page.locator('.share-wechat .qr svg');
    await expect(qr).toBeHidden();
    await page.getByText(s.wechat, { exact: true }).click();
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('role', 'img');
    const png = await page.locator('.share-wechat .qr').screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(code?.data).toBe(url);
    // Copy-link copies where the clipboard is there (and says so).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await share.getByRole('link', { name: s.copy }).click();
    await expect(page).toHaveURL(new RegExp(`/${s.segment}/${ARTICLE}$`));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(share.locator('.share-status')).not.toBeEmpty();
  });
}

/** A string for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
