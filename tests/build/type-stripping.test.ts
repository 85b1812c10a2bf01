/**
 * The render workers and the scripts load src/ directly with Node's type stripping, which rejects
 * TypeScript-only syntax (parameter properties, enums, namespaces). Load their module graphs the same way.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it.each(['src/lib/render-worker.ts', 'src/sources/local/files.ts', 'scripts/bench/corpus.ts'])('%s loads under Node type stripping', (module) => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(`./${module}`)})`], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.stderr).not.toMatch(/ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX|SyntaxError/);
  expect(result.status, result.stderr).toBe(0);
});
