import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.ts';
import { localCertificate } from './scripts/lake/tls.ts';

// The real Sanity Studio against the lake (`npm run studio`), in Chromium. Run with
//   npx playwright test -c playwright.studio.config.ts
// Other ports with TONGBAO_STUDIO_PORT / TONGBAO_LAKE_PORT, so that several checkouts can test at once.
export const STUDIO_PORT = Number(process.env.TONGBAO_STUDIO_PORT ?? 3343);
export const LAKE_PORT = Number(process.env.TONGBAO_LAKE_PORT ?? 3344);
export const LAKE_TOKEN = process.env.TONGBAO_LAKE_TOKEN ?? 'tongbao-studio-test-token-0123456789';
/** Where the Studio's Preview action points (SANITY_STUDIO_PREVIEW_URL, baked into the built Studio): tests/studio/preview.spec.ts listens there. */
export const PREVIEW_PORT = Number(process.env.TONGBAO_STUDIO_PREVIEW_PORT ?? 3345);
process.env.SANITY_STUDIO_PREVIEW_URL ??= `http://127.0.0.1:${PREVIEW_PORT}`;
const browser = findChromium();
// The lake speaks HTTP/2 over TLS with a self-signed certificate (scripts/lake/tls.ts): the test workers,
// which start after this file is read, trust it for @sanity/client; Chromium is told to accept it.
process.env.NODE_EXTRA_CA_CERTS = localCertificate(import.meta.dirname).file;

export default defineConfig({
  testDir: 'tests/studio',
  outputDir: 'test-results/studio',
  // One Studio, one lake: the tests share them and run one after another.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${STUDIO_PORT}`,
    viewport: { width: 1400, height: 900 },
    ignoreHTTPSErrors: true,
    browserName: 'chromium',
    launchOptions: { executablePath: browser?.path, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A built Studio (`--built`: sanity build, then sanity preview): pages load bundled chunks, and no dependency
    // optimizer reloads them on first use of the pane or the import tool. TONGBAO_STUDIO_DEV=1: `sanity dev`.
    command: `npm run studio -- --port ${STUDIO_PORT} --lake-port ${LAKE_PORT} --token ${LAKE_TOKEN}${process.env.TONGBAO_STUDIO_DEV === '1' ? '' : ' --built'}`,
    url: `http://localhost:${STUDIO_PORT}/`,
    // TONGBAO_STUDIO_REUSE=1 uses an `npm run studio` already running on those ports (while writing tests).
    reuseExistingServer: process.env.TONGBAO_STUDIO_REUSE === '1',
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
