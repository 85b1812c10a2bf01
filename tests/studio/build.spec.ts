import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** All the text of a built Studio's JavaScript. */
function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

test('`sanity build` builds the same Studio for a real project with only env changed', () => {
  test.setTimeout(240_000);
  const root = join(import.meta.dirname, '..', '..');
  const out = mkdtempSync(join(tmpdir(), 'tongbao-studio-build-'));
  try {
    // What a deployment sets: the project and dataset, no API host (Sanity's own), telemetry off.
    const env = {
      ...process.env,
      SANITY_STUDIO_PROJECT_ID: 'abc123xy',
      SANITY_STUDIO_DATASET: 'production',
      SANITY_STUDIO_API_HOST: '',
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
    };
    execFileSync(process.execPath, [join(root, 'sanity', 'node_modules', '@sanity', 'cli', 'bin', 'run.js'), 'build', out, '-y'], {
      cwd: join(root, 'sanity'),
      env,
      stdio: 'pipe',
    });
    const js = bundleText(out);
    expect(js).toContain('abc123xy');
    // Nothing of the lake is left in it: no local API host, no token sign-in forced.
    expect(js).not.toContain('localhost:3334');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<div id="sanity">');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
