/**
 * Where the end-to-end tests find Chromium: $CHROMIUM_PATH, then the system's Chromium (Debian's
 * `chromium`), then Playwright's own download (on a developer laptop). Playwright cannot download
 * browsers on our build machines, so the system browser comes first.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface FoundBrowser {
  path: string;
  how: string;
}

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** Flags for headless Chromium as root in a container with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium(): FoundBrowser | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`[tongbao] CHROMIUM_PATH=${fromEnv} does not exist; fix or unset it.`);
    return { path: fromEnv, how: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return { path: system, how: 'system Chromium' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, how: "Playwright's own Chromium" };
  } catch {
    // playwright-core missing or no browser downloaded: fall through.
  }
  return undefined;
}
