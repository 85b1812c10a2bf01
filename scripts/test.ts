/**
 * `npm test`: every test, with what each needs prepared first, as fast as two cores allow.
 *
 *   1. at the same time (their output prefixed by their name, as it comes):
 *      - tools:  Chromium and CJK fonts (ensure-browser.ts), then Varnish with xkey (ensure-tools.ts),
 *                installed from Debian as root when missing — mostly waiting on the mirror;
 *      - studio: the Studio's install, build and TypeGen freshness (studio-check.ts) — mostly waiting on
 *                the registry and the disk;
 *      - check:  `npm run check` (astro check, tsc, ESLint, Prettier, knip) — CPU;
 *      - site:   the site the end-to-end tests read (tests/support/e2e-site.ts), built into .test-work/ —
 *                CPU too, but much of a build is single-threaded: it fills the second core beside check.
 *      They touch different files: the Studio check writes sanity/dist/ and regenerates TypeGen into a
 *      temporary folder (it overwrites the committed files only when they are stale, and then fails); the
 *      site is built where the checks do not look (.test-work/ is ignored by all five), and its content
 *      sync into .astro/ waits for astro check's (src/integrations/content-sync-lock.ts).
 *   2. `vitest run`: unit, Studio schema, server (the lake, Varnish) and build tests.
 *   3. `playwright test`: the reader's end-to-end tests in Chromium, on the site of step 1.
 *   4. `playwright test -c playwright.studio.config.ts`: the editor's desk — the real Studio (`npm run studio`: one
 *      lake, one `sanity dev`, started once for the whole suite) in Chromium: sign-in, the conversion pane and its
 *      fix, validation that refuses bad input, publishing, the import tool, requests that stay on localhost.
 * A failure stops the run after its step with a non-zero exit; every step says how long it took.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { E2E_BUILD_ENV, E2E_SITE } from '../tests/support/e2e-site.ts';

const root = join(import.meta.dirname, '..');
const log = (message: string) => console.log(`[tongbao] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

interface Step {
  name: string;
  commands: string[][];
  /** Added to this process's environment for the step's commands. */
  env?: Record<string, string>;
}

/** Runs one command; its output prefixed with the step's name when steps run side by side. */
function runCommand(name: string, [command, ...args]: string[], prefix: boolean, env: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command!, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'],
    });
    if (prefix) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        let rest = '';
        stream!.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) out.write(`${name} │ ${line}\n`);
        });
        stream!.on('end', () => rest && out.write(`${name} │ ${rest}\n`));
      }
    }
    child.on('error', (error) => {
      console.error(`[tongbao] ${name}: could not start ${command}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => {
      if (code !== 0) console.error(`[tongbao] ${name}: \`${[command, ...args].join(' ')}\` failed (exit ${code})`);
      resolve(code === 0);
    });
  });
}

/** Runs a step's commands one after the other; resolves to whether all passed. */
async function run(step: Step, prefix: boolean): Promise<boolean> {
  const started = Date.now();
  log(`${step.name}: started`);
  let ok = true;
  for (const command of step.commands) if (ok) ok = await runCommand(step.name, command, prefix, step.env);
  log(`${step.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds(started)}`);
  return ok;
}

const node = process.execPath;
// Inside the project, where Astro bundles the pages into the output folder rather than the shared .astro/.
const e2eSite = join(root, '.test-work', 'e2e-site', 'dist');
const started = Date.now();
const prepared = await Promise.all(
  [
    {
      name: 'tools',
      commands: [
        [node, 'scripts/ensure-browser.ts'],
        [node, 'scripts/ensure-tools.ts'],
      ],
    },
    { name: 'studio', commands: [[node, 'scripts/studio-check.ts']] },
    { name: 'check', commands: [['npm', 'run', 'check']] },
    { name: 'site', commands: [[node, 'scripts/build.ts']], env: { ...E2E_BUILD_ENV, TONGBAO_OUT_DIR: e2eSite } },
  ].map((step) => run(step, true)),
);
const passed =
  prepared.every(Boolean) &&
  (await run({ name: 'vitest', commands: [['npx', 'vitest', 'run']] }, false)) &&
  (await run({ name: 'playwright', commands: [['npx', 'playwright', 'test']], env: { [E2E_SITE]: e2eSite } }, false)) &&
  (await run({ name: 'studio e2e', commands: [['npx', 'playwright', 'test', '-c', 'playwright.studio.config.ts']] }, false));
log(`npm test: ${passed ? 'every test passed' : 'FAILED (see the step named above)'} in ${seconds(started)}`);
process.exit(passed ? 0 : 1);
