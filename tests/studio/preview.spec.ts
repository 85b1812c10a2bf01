/**
 * The article's Preview action in the real Studio (sanity/components/preview/PreviewAction.tsx): a click makes a
 * preview secret in the lake (@sanity/preview-url-secret's createPreviewSecret through the Studio's own client) and
 * opens SANITY_STUDIO_PREVIEW_URL's /api/preview/ in a new tab with the secret and the draft's preview path in the
 * article's script. A stand-in for the site's server on that address records the request; the secret is then
 * checked the way the server checks it (validatePreviewUrl with a read token against the lake).
 */
import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { validatePreviewUrl } from '@sanity/preview-url-secret';
import { PREVIEW_PORT } from '../../playwright.studio.config.ts';
import { lakeClient, signIn } from './support.ts';

test('Preview opens the draft on the site with a secret the server accepts', async ({ page }) => {
  const seen: string[] = [];
  const site = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('the site');
  });
  await new Promise<void>((resolve) => site.listen(PREVIEW_PORT, '127.0.0.1', resolve));
  try {
    await signIn(page, '/intent/edit/id=article.donghu-green-bond;type=article/', page.getByTestId('action-publish').first());
    // Publish is the footer's primary action; the others are in its menu.
    await page.getByTestId('action-menu-button').first().click();
    const popup = page.waitForEvent('popup');
    await page.getByRole('menuitem', { name: /Preview/ }).click();
    await popup;
    await expect.poll(() => seen.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const url = new URL(seen[0]!, `http://127.0.0.1:${PREVIEW_PORT}`);
    expect(url.pathname).toBe('/api/preview/');
    expect(url.searchParams.get('sanity-preview-pathname')).toBe('/zh-hans/preview/donghu-green-bond/');
    expect(await validatePreviewUrl(lakeClient({ token: true }), url.href)).toMatchObject({
      isValid: true,
      redirectTo: '/zh-hans/preview/donghu-green-bond/',
    });
    const forged = new URL(url);
    forged.searchParams.set('sanity-preview-secret', 'not-the-secret');
    expect((await validatePreviewUrl(lakeClient({ token: true }), forged.href)).isValid).toBe(false);
  } finally {
    await new Promise((resolve) => site.close(resolve));
  }
});
