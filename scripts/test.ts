/**
 * `npm test`: every test, with what each needs prepared first, as fast as two cores allow.
 *
 *   1. at the same time (their output prefixed by their name, as it comes):
 *      - tools:  Chromium and CJK fonts (ensure-browser.ts), then Varnish with xkey (ensure-tools.ts),
 *                installed from Debian as root when missing — mostly waiting on the mirror;
 *      - studio: the Studio's install, build and TypeGen freshness (studio-check.ts) — mostly waiting on
 *                the registry and the disk;
 *      - check:  `npm run check` (astro check, tsc, ESLint, Prettier, knip) — CPU.
 *      They touch different files: the Studio check writes sanity/dist/ and regenerates TypeGen into a
 *      temporary folder (it overwrites the committed files only when they are stale, and then fails).
 *   2. `vitest run`: unit, Studio schema, server (the lake, Varnish) and build tests.
 *   3. `playwright test`: the reader's end-to-end tests in Chromium.
 *   4. `playwright test -c playwright.studio.config.ts`: the editor's desk — the real Studio (`npm run studio`: one
 *      lake, one `sanity dev`, started once for the whole suite) in Chromium: sign-in, the conversion pane and its
 *      fix, validation that refuses bad input, publishing, the import tool, requests that stay on localhost.
 * A failure stops the run after its step with a non-zero exit; every step says how long it took.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const log = (message: string) => console.log(`[tongbao] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

interface Step {
  name: string;
  commands: string[][];
}

/** Runs one command; its output prefixed with the step's name when steps run side by side. */
function runCommand(name: string, [command, ...args]: string[], prefix: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command!, args, { cwd: root, stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'] });
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
  for (const command of step.commands) if (ok) ok = await runCommand(step.name, command, prefix);
  log(`${step.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds(started)}`);
  return ok;
}

const node = process.execPath;
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
  ].map((step) => run(step, true)),
);
const passed =
  prepared.every(Boolean) &&
  (await run({ name: 'vitest', commands: [['npx', 'vitest', 'run']] }, false)) &&
  (await run({ name: 'playwright', commands: [['npx', 'playwright', 'test']] }, false)) &&
  (await run({ name: 'studio e2e', commands: [['npx', 'playwright', 'test', '-c', 'playwright.studio.config.ts']] }, false));
log(`npm test: ${passed ? 'every test passed' : 'FAILED (see the step named above)'} in ${seconds(started)}`);
process.exit(passed ? 0 : 1);
