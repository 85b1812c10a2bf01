/** `npm run zh:review` as a reader of its output runs it: a child process (moved from tests/unit/zh-review.test.ts). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

describe('npm run zh:review', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts', 'zh-review.ts'), ...args], { cwd: projectRoot, encoding: 'utf8' });
  test('prints the conference report’s ambiguities with context', () => {
    const r = run('advanced-tech-fair-2023');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('advanced-tech-fair-2023 (written in zh-Hans');
    expect(r.stdout).toContain('→ zh-Hant');
  });
  test('an unknown slug is an error naming it', () => {
    const r = run('no-such-article');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[tongbao] no article "no-such-article"');
  });
});
