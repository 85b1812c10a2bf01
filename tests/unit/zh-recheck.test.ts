/** Dictionary drift (src/lib/zh-snapshot.ts, npm run zh:recheck): the committed snapshot is current; a change is shown and fails. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareSnapshots, takeSnapshot, type Snapshot } from '../../src/lib/zh-snapshot.ts';
import { buildEnvironment, projectRoot } from '../support/build.ts';
import { loadLocalArticles } from '../support/content.ts';

const recorded = JSON.parse(readFileSync(join(projectRoot, 'content', 'conversion-snapshot.json'), 'utf8')) as Snapshot;

describe('the conversion snapshot', async () => {
  const fresh = takeSnapshot(await loadLocalArticles());
  test('is current (else run npm run zh:recheck, review, and record with -- --update)', () => {
    // Articles added since the snapshot (by other work) are the CLI's business, not drift.
    expect(compareSnapshots(recorded, fresh).filter((l) => !l.endsWith('new article (not in the snapshot)'))).toEqual([]);
  });
  test('a changed conversion is listed by article, locale and field, line by line', () => {
    const older = structuredClone(recorded);
    const market = older.articles['market-weekly-review']!['zh-Hant']!;
    market.title = '雲嶺基金髮布年末市場展望：關注科技製造與高股息資產';
    (market.body as string[])[0] = '舊的段落';
    older.opencc = '1.0.0';
    expect(compareSnapshots(older, fresh)).toEqual([
      `opencc-js: 1.0.0 → ${fresh.opencc}`,
      'market-weekly-review · zh-Hant · title:',
      '    + 雲嶺基金發佈年末市場展望：關注科技製造與高股息資產',
      '    - 雲嶺基金髮布年末市場展望：關注科技製造與高股息資產',
      'market-weekly-review · zh-Hant · body:',
      `    + ${(fresh.articles['market-weekly-review']!['zh-Hant']!.body as string[])[0]}`,
      '    - 舊的段落',
    ]);
  });
});

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
