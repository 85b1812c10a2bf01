/** Runs `astro build` in a child process with the Node that runs the tests (Node 24 through npm). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * The environment a build gets from npm: without what vitest puts into process.env (NODE_ENV=test,
 * DEV=1, MODE, VITEST_*), which would make Astro build in development mode.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestVariables = /^(NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL|TEST|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestVariables.test(name)));
}

export function astroBuild(env: Record<string, string> = {}): BuildResult {
  const outDir = env.TONGBAO_OUT_DIR ?? mkdtempSync(join(tmpdir(), 'tongbao-dist-'));
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env, TONGBAO_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/**
 * Runs `npm run build`'s script (scripts/build.ts: source check, astro build into a staging folder,
 * nothing-lost and secret checks, atomic swap) with the Node that runs the tests.
 * `TONGBAO_OUT_DIR` is the target; by default a fresh temporary folder that does not exist yet.
 */
export function siteBuild(env: Record<string, string> = {}): BuildResult {
  const outDir = env.TONGBAO_OUT_DIR ?? join(mkdtempSync(join(tmpdir(), 'tongbao-site-')), 'dist');
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env, TONGBAO_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 170_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
