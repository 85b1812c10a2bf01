/**
 * A step of `npm test`, beside ensure-browser.ts: make sure Varnish with the xkey module is there for
 * the server-mode tests (tests/server/varnish.test.ts and the publish loop), and say what was found or
 * done. As root on Debian it installs `varnish` and `varnish-modules` with apt-get when they are missing
 * (no daemon is started: the tests run their own varnishd in the foreground).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findVarnishd } from './lib/varnish.ts';

const log = (message: string) => console.log(`[tongbao] ${message}`);

/** True when varnishd compiles a VCL that imports xkey (so varnish-modules is installed for this Varnish). */
function hasXkey(varnishd: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-xkey-'));
  chmodSync(dir, 0o755); // as root, varnishd compiles as its own user
  try {
    const vcl = join(dir, 'check.vcl');
    writeFileSync(vcl, 'vcl 4.1;\nimport xkey;\nbackend b { .host = "127.0.0.1"; .port = "9"; }\n');
    return spawnSync(varnishd, ['-C', '-f', vcl, '-n', join(dir, 'n')], { stdio: 'ignore' }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function aptInstall(packages: string[]): void {
  log(`installing ${packages.join(' and ')} from Debian with apt-get (one-time; needs the Debian mirror)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${r.status}`);
  }
}

const FAIL = `[tongbao] no Varnish with the xkey module for the server tests. Do one of:
  - on Debian or Ubuntu: sudo apt-get install varnish varnish-modules;
  - elsewhere: install Varnish 7 and varnish-modules (https://github.com/varnish/varnish-modules) so that
    \`varnishd\` is on PATH and \`import xkey;\` compiles.`;

try {
  let varnishd = findVarnishd();
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if ((!varnishd || !hasXkey(varnishd)) && isRoot && hasApt) {
    aptInstall(['varnish', 'varnish-modules']);
    varnishd = findVarnishd();
  }
  if (!varnishd || !hasXkey(varnishd)) {
    console.error(FAIL);
    process.exit(1);
  }
  const version = spawnSync(varnishd, ['-V'], { encoding: 'utf8' });
  log(`server tests use ${(version.stderr || version.stdout).split('\n')[0]?.trim()} (${varnishd}) with xkey`);
} catch (error) {
  console.error(`[tongbao] could not prepare Varnish: ${(error as Error).message}\n${FAIL}`);
  process.exit(1);
}
