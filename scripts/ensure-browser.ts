/**
 * First step of `npm test`: make sure a Chromium and CJK fonts are there for the end-to-end tests,
 * and say what was found or done. As root on Debian it installs `chromium` and `fonts-noto-cjk`
 * with apt-get when they are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.ts';

const log = (message: string) => console.log(`[tongbao] ${message}`);

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

function aptInstall(packages: string[]): void {
  log(`installing ${packages.join(' and ')} from Debian with apt-get (one-time; needs the Debian mirror)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${r.status}`);
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

const FAIL = `[tongbao] no Chromium for the end-to-end tests. Do one of:
  - set CHROMIUM_PATH to a Chromium or Chrome binary;
  - install Debian's browser and fonts: sudo apt-get install chromium fonts-noto-cjk;
  - on a machine that can download browsers: npx playwright install chromium.`;

try {
  let browser = findChromium();
  const missing: string[] = [];
  if (!browser) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length && isRoot && hasApt) {
    aptInstall(missing);
    browser = findChromium();
  }
  if (!browser) {
    console.error(FAIL);
    process.exit(1);
  }
  log(`end-to-end tests use ${browser.how}: ${browser.path}`);
  if (!hasCjkFont()) {
    log('warning: no CJK font found (fc-list :lang=zh); screenshots will show boxes. Install fonts-noto-cjk.');
  }
} catch (error) {
  console.error(`[tongbao] could not prepare the browser: ${(error as Error).message}\n${FAIL}`);
  process.exit(1);
}
