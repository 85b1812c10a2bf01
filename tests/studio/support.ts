/**
 * What the Studio tests share: signing in with the lake token, and a record of every request the
 * page makes (origin, method, path, status or failure), to check that nothing leaves localhost.
 */
import { createClient, type SanityClient } from '@sanity/client';
import { expect, type Locator, type Page } from '@playwright/test';
import { LAKE_PORT, LAKE_TOKEN } from '../../playwright.studio.config.ts';

export interface SeenRequest {
  url: URL;
  method: string;
  status: number | 'failed';
  failure?: string | undefined;
}

export function recordRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('requestfinished', (request) => {
    // The response can no longer be read once the test has closed the page (a request that finished as the
    // test ended): record it as finished without a status rather than fail the test after it passed.
    request
      .response()
      .then((response) => seen.push({ url: new URL(request.url()), method: request.method(), status: response?.status() ?? 'failed' }))
      .catch((error: unknown) => seen.push({ url: new URL(request.url()), method: request.method(), status: 'failed', failure: String(error) }));
  });
  page.on('requestfailed', (request) => {
    seen.push({ url: new URL(request.url()), method: request.method(), status: 'failed', failure: request.failure()?.errorText });
  });
  return seen;
}

/** Opens the Studio signed in (the `#token=` fragment) and waits for the desk, or for `ready` (another tool). */
export async function signIn(page: Page, path = '/', ready?: Locator) {
  await page.goto(`${path}#token=${LAKE_TOKEN}`);
  await expect(
    ready ??
      page
        .getByRole('link', { name: 'Article' })
        .or(page.getByText('Article', { exact: true }))
        .first(),
  ).toBeVisible({ timeout: 90_000 });
}

/** The real @sanity/client against the lake, as the site's build uses it. */
export function lakeClient(options: { token?: boolean } = {}): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: `https://localhost:${LAKE_PORT}`,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    ...(options.token ? { token: LAKE_TOKEN } : {}),
  });
}

/**
 * A screenshot of the desk for the docs (docs/screenshots/<name>.png) when TONGBAO_UPDATE_SCREENSHOTS=1, else
 * into test-results/studio/, so that a test run does not rewrite committed files.
 */
export async function deskScreenshot(page: Page, name: string) {
  const dir = process.env.TONGBAO_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/studio';
  await page.screenshot({ path: `${dir}/${name}.png` });
}
