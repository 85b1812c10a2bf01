/** Dictionary drift (src/lib/zh-snapshot.ts, npm run zh:recheck): the committed snapshot is current; a change is shown and fails. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareSnapshots, takeSnapshot, type Snapshot } from '../../src/lib/zh-snapshot.ts';
import { projectRoot } from '../support/build.ts';
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
