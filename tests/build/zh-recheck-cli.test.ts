/** `npm run zh:recheck` in a child process (moved from tests/unit/zh-recheck.test.ts). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Snapshot } from '../../src/lib/zh-snapshot.ts';
import { buildEnvironment, projectRoot } from '../support/build.ts';

const recorded = JSON.parse(readFileSync(join(projectRoot, 'content', 'conversion-snapshot.json'), 'utf8')) as Snapshot;

describe('npm run zh:recheck', () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts', 'zh-recheck.ts'), ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...buildEnvironment(), TONGBAO_CONTENT_DIR: contentDir },
    });
  test('passes on the committed snapshot', () => {
    const r = run('content');
    expect(r.stdout).toContain('no conversion changed');
    expect(r.status).toBe(0);
  });
  test('prints the drift and exits 1; --update records it', () => {
    const content = mkdtempSync(join(tmpdir(), 'tongbao-recheck-'));
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    const older = structuredClone(recorded);
    older.articles['market-weekly-review']!['zh-Hant']!.summary = '舊的摘要';
    writeFileSync(join(content, 'conversion-snapshot.json'), JSON.stringify(older));
    const r = run(content);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('market-weekly-review · zh-Hant · summary:\n    + 雲嶺基金');
    expect(r.stdout).toContain('    - 舊的摘要');
    expect(run(content, '--update').status).toBe(0);
    expect(run(content).status).toBe(0);
  });
});
