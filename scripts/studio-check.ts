/**
 * The Studio's checks, part of `npm test` (the Studio has its own package in sanity/, which the
 * site's `npm ci` does not install):
 *   1. install sanity/ with `npm ci` when its node_modules is missing (one time, ~1 minute);
 *   2. `sanity build` (offline) — the schema compiles into a Studio;
 *   3. TypeGen freshness: `sanity schema extract` + `sanity typegen generate`, then fail when
 *      sanity/schema.json or src/sources/sanity/sanity.types.ts differ from what is committed.
 * 2 and 3 run at the same time: they read the same sources and write different files (sanity/dist/
 * vs schema.json and a fresh sanity.types.ts), and the build spends much of its time waiting on its bundler's
 * workers and the disk. One `sanity build` with `schemaExtraction.enabled` would extract too, but it
 * costs the same CPU as the two commands (measured: 34 s against 11 + 23 s) and runs them one after the other.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const studio = join(root, 'sanity');
const log = (message: string) => console.log(`[tongbao] ${message}`);
const env = { ...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1', SANITY_TELEMETRY_DISABLED: '1', CI: process.env.CI ?? '1' };
const GENERATED = [join(studio, 'schema.json'), join(root, 'src', 'sources', 'sanity', 'sanity.types.ts')];

function report(what: string, command: string, args: string[], status: number | null, out: string, err: string, started: number): boolean {
  if (status !== 0) {
    process.stdout.write(out);
    process.stderr.write(err);
    console.error(
      `[tongbao] ${what} failed (exit ${status}). Run it yourself in sanity/ to see why: ${[command === process.execPath ? 'npx' : command, ...args.slice(command === process.execPath ? 1 : 0)].join(' ')}`,
    );
    return false;
  }
  log(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function run(what: string, command: string, args: string[]) {
  const started = Date.now();
  log(`${what}…`);
  const r = spawnSync(command, args, { cwd: studio, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (!report(what, command, args, r.status, r.stdout ?? '', r.stderr ?? '', started)) process.exit(1);
}

/** Like run(), without blocking, so that independent steps overlap; resolves to whether it passed. */
function runAsync(what: string, command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<boolean> {
  const started = Date.now();
  log(`${what}…`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: studio, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => {
      err += `${e.message}\n`;
    });
    child.on('close', (status) => resolve(report(what, command, args, status, out, err, started)));
  });
}

const sanityBin = join(studio, 'node_modules', 'sanity', 'bin', 'sanity');
if (!existsSync(sanityBin)) {
  log('the Studio (sanity/) is not installed yet: installing it with `npm ci --prefix sanity` (one time, about a minute, ~500 MB)');
  run('npm ci in sanity/', 'npm', ['ci', '--no-audit', '--no-fund']);
}
const sanity = (...args: string[]) => [sanityBin, ...args];

// schema.json is rewritten in place (only TypeGen reads it); the types go to a temporary file first, so
// that `npm run check`, running at the same time (scripts/test.ts), never reads a half-written
// sanity.types.ts: the committed file is replaced only when it is stale, and then the check fails.
const [schemaFile, typesFile] = GENERATED as [string, string];
const before = GENERATED.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : ''));
// Inside the project (so that TypeGen's Prettier finds the project's .prettierrc.json), where no check looks.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const scratch = mkdtempSync(join(root, 'node_modules', '.cache', 'tongbao-typegen-'));
const freshTypes = join(scratch, 'sanity.types.ts');
const [built, generated] = await Promise.all([
  runAsync('sanity build (the Studio compiles, offline)', process.execPath, sanity('build', '-y', '--no-minify')),
  (async () =>
    (await runAsync('sanity schema extract', process.execPath, sanity('schema', 'extract', '--force'))) &&
    runAsync('sanity typegen generate', process.execPath, sanity('typegen', 'generate'), { TONGBAO_TYPEGEN_OUT: freshTypes }))(),
]);
if (!built || !generated) process.exit(1);
const after = [readFileSync(schemaFile, 'utf8'), readFileSync(freshTypes, 'utf8')];
rmSync(scratch, { recursive: true, force: true });
const stale = GENERATED.filter((_, i) => after[i] !== before[i]);
if (stale.length) {
  writeFileSync(typesFile, after[1]!);
  console.error(
    `[tongbao] TypeGen output was stale: ${stale.map((f) => f.slice(root.length + 1)).join(', ')} changed when regenerated from the schema and queries.\n` +
      '  They are now regenerated: review the diff (git diff) and commit them.',
  );
  process.exit(1);
}
log('Studio checks passed: it builds, and the committed TypeGen files are up to date');
