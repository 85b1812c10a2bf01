/**
 * The bad-input catalogue's local error rows (tests/support/bad-input.ts) through `npm run build`'s
 * script: non-zero exit, the file and field named, the last good site untouched and nothing left beside
 * it (moved from tests/unit/bad-input.test.ts: it spawns the build).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT, type LocalCase } from '../support/bad-input.ts';
import { projectRoot } from '../support/build.ts';
import { contentFolder } from '../support/content.ts';

describe('bad input stops `npm run build` with a non-zero exit and leaves the last good site', () => {
  const stages = [
    'malformed-yaml',
    'malformed-yaml-taxonomy',
    'missing-field',
    'duplicate-slug',
    'broken-image',
    'invalid-utf8',
    'control-character-body',
    'lost-text',
  ];
  const errors = BAD_INPUT.filter((c): c is LocalCase => c.source === 'local' && c.expect.outcome === 'error' && stages.includes(c.id));

  it('covers one row of each stage', () => expect(errors.map((c) => c.id).sort()).toEqual([...stages].sort()));

  // The cases are independent (each its own content and output folder, and no Astro: the source check
  // stops them first), so they run a few at a time.
  it.concurrent.each(errors.map((c) => [c.label, c] as const))(
    '%s',
    async (_label, c) => {
      const { content } = contentFolder(c.input);
      const out = join(mkdtempSync(join(tmpdir(), 'tongbao-out-')), 'site');
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), '<!doctype html><title>last good</title>');
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(projectRoot, 'scripts', 'build.ts')],
          { cwd: projectRoot, env: { ...process.env, TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: out, NO_COLOR: '1' }, timeout: 120_000 },
          (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
        );
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(1);
      if (c.expect.outcome !== 'error') return;
      expect(run.stderr).toContain(c.expect.where);
      expect(run.stderr).toContain(`${c.expect.field}: `);
      expect(run.stderr).toMatch(/^\[tongbao\] /m);
      expect(run.stderr).toContain('the last good site');
      // Astro never started, and the old site is exactly as it was.
      expect(readdirSync(out)).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<!doctype html><title>last good</title>');
      // Nothing beside the target: not the staging folder (.site.building) nor the old site moved aside (.site.old-<pid>).
      const leftovers = readdirSync(dirname(out)).filter((n) => n !== basename(out));
      expect(
        leftovers,
        `left beside ${basename(out)}: .${basename(out)}.building is the staging folder, .${basename(out)}.old-<pid> the old site`,
      ).toEqual([]);
      expect(existsSync(out)).toBe(true);
    },
    // Room for the cases that reach Astro: beside the other build files, a build may wait its turn for
    // the content sync (src/integrations/content-sync-lock.ts).
    120_000,
  );
});
