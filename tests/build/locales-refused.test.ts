/** A refused TONGBAO_LOCALES stops `npm run build`'s script (moved from tests/unit/locales.test.ts: it spawns the build). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment, projectRoot } from '../support/build.ts';

describe('TONGBAO_LOCALES', () => {
  it('stops `npm run build` before anything is built: exit code 1, the message on stderr', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
      cwd: projectRoot,
      env: { ...buildEnvironment(), TONGBAO_LOCALES: 'zh-Hans,zh-Hant,zh-TW', TONGBAO_OUT_DIR: join('node_modules', '.cache', 'never-built') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[tongbao] invalid environment variable(s):');
    expect(result.stderr).toContain('TONGBAO_LOCALES: "zh-TW" is not a locale Tongbao publishes');
    expect(result.stdout).not.toContain('checking the output');
  });
});
