/**
 * The bad-input catalogue's local error rows (tests/support/bad-input.ts) through `npm run build`'s
 * script: non-zero exit, the file and field named, the last good site untouched and nothing left beside
 * it (moved from tests/unit/bad-input.test.ts: it spawns the build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT, type LocalCase } from '../support/bad-input.ts';
import { projectRoot } from '../support/build.ts';
import { contentFolder } from '../support/content.ts';

describe('bad input stops `npm run build` with a non-zero exit and leaves the last good site', () => {
  const errors = BAD_INPUT.filter((c): c is LocalCase => c.source === 'local' && c.expect.outcome === 'error');

  it.each(errors.map((c) => [c.label, c] as const))(
    '%s',
    (_label, c) => {
      const { content } = contentFolder(c.input);
      const out = join(mkdtempSync(join(tmpdir(), 'tongbao-out-')), 'site');
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), '<!doctype html><title>last good</title>');
      const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
        cwd: projectRoot,
        env: { ...process.env, TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: out, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
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
    60_000,
  );
});
