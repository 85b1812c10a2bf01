import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.ts';
import { E2E_BUILD_ENV, E2E_SITE } from './tests/support/e2e-site.ts';

// Another port with TONGBAO_E2E_PORT, so that several checkouts can test at once.
const PORT = Number(process.env.TONGBAO_E2E_PORT ?? 4330);
const browser = findChromium();
const prebuilt = process.env[E2E_SITE];
const preview = `npm run preview -- --host 127.0.0.1 --port ${PORT}`;
const build = `${Object.entries(E2E_BUILD_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(' ')} npm run build`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  // Two workers: the tests spend much of their time waiting on Chromium and the preview server, so two
  // at once on a 2-core machine take about half the time of one (TONGBAO_E2E_WORKERS to change it).
  workers: Number(process.env.TONGBAO_E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A phone first: readers mostly arrive on one.
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    browserName: 'chromium',
    launchOptions: { executablePath: browser?.path, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'reader', testIgnore: /lighthouse\.spec\.ts$/ },
    // Lighthouse's performance score scales the CPU time it observes: it runs after every other test, alone,
    // so that no other test's Chromium slows the pages it measures.
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['reader'] },
  ],
  webServer: {
    // Build the embedded sample content (tests/support/e2e-site.ts) and serve it as `npm start` does; only
    // serve it when `npm test` has built it already (scripts/test.ts, beside its other preparations).
    command: prebuilt ? preview : `${build} && ${preview}`,
    ...(prebuilt && { env: { TONGBAO_OUT_DIR: prebuilt } }),
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
