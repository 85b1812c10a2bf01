/**
 * Named builds shared by the test files of one `vitest run`: a scenario (content + environment) is
 * built once, by the first test file that asks for it, into this run's scenario folder
 * (tests/support/global-setup.ts); every later file that asks gets the same result and output folder.
 *
 * A shared output is read-only by agreement: a test that changes, deletes or builds over its output
 * (a failed build that must leave the last good site, an incremental rebuild) makes its own build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { siteBuild, type BuildResult } from './build.ts';

/** The samples' clock: after every sample article, so every one is published whatever today is. */
export const SAMPLES_NOW = '2026-11-30T12:00:00+08:00';

export const SCENARIOS = {
  /**
   * `npm run build` of content/ at SAMPLES_NOW (default cache, default site URL), with a secret-like
   * variable in the environment that the output check must scan for and not find. Read by
   * build.test.ts, site-quality.test.ts, output-snapshot.test.ts, sanity.test.ts (local side of the
   * parity), syndication.test.ts (its build "later"), server-output.test.ts (the static side) and
   * simplified-only.test.ts.
   */
  samples: { TONGBAO_NOW: SAMPLES_NOW, TONGBAO_TEST_SECRET_KEY: 'not-in-any-page-9f8e7d6c' },
  /**
   * `TONGBAO_OUTPUT=server npm run build` of content/ at SAMPLES_NOW (a server reads the content at request
   * time: each test starts `npm run serve` over its own copy). Read by server-output.test.ts and server-load.test.ts.
   */
  server: { TONGBAO_OUTPUT: 'server', TONGBAO_NOW: SAMPLES_NOW },
} satisfies Record<string, Record<string, string>>;

export type ScenarioName = keyof typeof SCENARIOS;

const POLL_MS = 200;
const WAIT_MS = 10 * 60_000;

/** The build of a named scenario: made at the first call of this run, the same result afterwards. */
export function scenario(name: ScenarioName): BuildResult {
  const dir = join(inject('scenarioDir'), name);
  const resultFile = join(dir, 'result.json');
  try {
    // The folder is the lock: whoever creates it builds; everyone else waits for result.json.
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return waitFor(resultFile, name);
  }
  const started = Date.now();
  const result = siteBuild({ ...SCENARIOS[name], TONGBAO_OUT_DIR: join(dir, 'dist') });
  writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
  renameSync(`${resultFile}.tmp`, resultFile);
  console.log(`[tests] scenario ${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${result.status}), shared by this run`);
  return result;
}

function waitFor(resultFile: string, name: string): BuildResult {
  const until = Date.now() + WAIT_MS;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(resultFile)) {
    if (Date.now() > until)
      throw new Error(`[tests] scenario ${name}: no result after ${WAIT_MS / 60_000} minutes; did the test file building it crash?`);
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
}
