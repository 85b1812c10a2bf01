/** Runs `npm run build` (scripts/build.ts: temporary folder, output check, swap) with the Node of the tests. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildEnvironment, projectRoot } from './build.ts';

export function siteBuild(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every file of a folder with the SHA-256 of its bytes. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** A content folder with the sample's authors, categories and images and the given articles. */
export function contentFolder(dir: string, articles: Record<string, string>): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  for (const file of ['authors.yaml', 'categories.yaml']) writeFileSync(join(dir, file), readFileSync(join(projectRoot, 'content', file)));
  // Lead images live in the content folder (they move with TONGBAO_CONTENT_DIR): the samples' come along.
  cpSync(join(projectRoot, 'content', 'images'), join(dir, 'images'), { recursive: true });
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(dir, 'articles', name), text);
}
