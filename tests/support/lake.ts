/** A local lake on a free port over a temporary copy of a dataset, for tests; and an async build against it. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocs } from '../../scripts/lake/generate.ts';
import { Lake, parseNdjson, type LakeOptions } from '../../scripts/lake/server.ts';
import { projectRoot, type BuildResult } from './build.ts';

export const DATASET = join(projectRoot, 'content', 'dataset.ndjson');

export async function startLake(options: Partial<LakeOptions> = {}): Promise<{ lake: Lake; origin: string }> {
  const copy = join(mkdtempSync(join(tmpdir(), 'tongbao-lake-')), 'dataset.ndjson');
  copyFileSync(options.datasetFile ?? DATASET, copy);
  const lake = new Lake({
    assetsDir: [join(projectRoot, 'content', 'images'), join(projectRoot, 'content', 'images', 'authors'), join(projectRoot, 'public', 'images')],
    ...options,
    datasetFile: copy,
  });
  const origin = await lake.listen(0);
  return { lake, origin };
}

/** Env for the site to read from a lake. */
export const lakeEnv = (origin: string, extra: Record<string, string> = {}) => ({
  SANITY_PROJECT_ID: 'local',
  SANITY_DATASET: 'production',
  SANITY_API_HOST: origin,
  ...extra,
});

/** `astro build` (or another script) without blocking this process, so an in-process lake can answer it. */
export function runAsync(args: string[], env: Record<string, string>, timeoutMs = 170_000): Promise<BuildResult> {
  const outDir = env.TONGBAO_OUT_DIR ?? mkdtempSync(join(tmpdir(), 'tongbao-dist-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env, TONGBAO_OUT_DIR: outDir },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, outDir });
    });
  });
}

export const astroBuildAsync = (env: Record<string, string>) =>
  runAsync([join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], env);

/**
 * A dataset file of the sample documents plus `articles` generated ones (scripts/lake/generate.ts: drafts
 * among them), in a temporary folder, for `startLake({ datasetFile })` at archive sizes.
 */
export function generatedDatasetFile(articles: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tongbao-lake-generated-')), 'dataset.ndjson');
  const docs = [...parseNdjson(readFileSync(DATASET, 'utf8'), DATASET), ...generateDocs(articles)];
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return file;
}
