import { expect, test } from '@playwright/test';
import { recordRequests, signIn } from './support.ts';

/**
 * Requests the Studio makes to hosts other than localhost, each known and harmless offline: its own
 * static assets and probes, never our content or an API call with data. Anything else fails the test.
 */
const HARMLESS_FOREIGN = [
  { host: 'core.sanity-cdn.com', path: /^\/bridge\.js$/, what: 'the bridge script for Sanity’s dashboard' },
  { host: 'design-system-static.sanity.io', path: /\.woff2$/, what: 'the Inter font of the Studio’s UI' },
  { host: 'sanity-cdn.com', path: /^\/v1\/modules\//, what: 'the check for a newer Studio version' },
  { host: 'api.sanity.io', path: /^\/vX\/intake\/feedback$/, what: 'the help menu’s probe of the feedback form (an envelope with no content)' },
];

test('every API and content request goes to localhost; the few foreign ones are the Studio’s own assets and probes', async ({ page }) => {
  const seen = recordRequests(page);
  await signIn(page, '/structure/article');
  await expect(page.getByText('一次写作，简繁同步', { exact: false }).first()).toBeVisible({ timeout: 60_000 });
  // Open a document too: its pane asks for listen, doc, history.
  await page.getByText('一次写作，简繁同步', { exact: false }).first().click();
  await expect(page.getByTestId('field-title').locator('input')).toHaveValue(/一次写作/, { timeout: 60_000 });
  await page.waitForTimeout(3_000);

  const local = (u: URL) => u.hostname === 'localhost' || u.hostname.endsWith('.localhost') || u.hostname === '127.0.0.1';
  const foreign = seen.filter((r) => !local(r.url) && r.url.protocol !== 'data:' && r.url.protocol !== 'blob:');
  const unexplained = foreign.filter((r) => !HARMLESS_FOREIGN.some((h) => h.host === r.url.hostname && h.path.test(r.url.pathname)));
  expect(unexplained.map((r) => `${r.method} ${r.url.href}`)).toEqual([]);
  // None of them reached anything (there is no network), so none could carry content out.
  expect(foreign.filter((r) => r.status !== 'failed').map((r) => r.url.href)).toEqual([]);
  // The API requests went to the lake (the project host under localhost), and it answered them.
  const api = seen.filter((r) => local(r.url) && /^\/v(\d+|\d{4}-\d{2}-\d{2}|X)\//.test(r.url.pathname));
  expect(api.length).toBeGreaterThan(10);
  expect(new Set(api.map((r) => r.url.host))).toEqual(new Set([`local.localhost:${process.env.TONGBAO_LAKE_PORT ?? 3344}`]));
  for (const path of ['/users/me', '/data/query/production', '/data/doc/production', '/projects/local']) {
    expect(
      api.some((r) => r.url.pathname.endsWith(path) || r.url.pathname.includes(`${path}/`)),
      path,
    ).toBe(true);
  }
  console.log(
    `foreign attempts (all failed offline):\n${[...new Set(foreign.map((r) => `${r.method} ${r.url.origin}${r.url.pathname}`))].join('\n')}`,
  );
});
