/**
 * npm run zh:recheck: re-converts every article and prints what changed against the committed
 * snapshot (content/conversion-snapshot.json). Exit 1 when something changed, so an opencc-js
 * upgrade or a glossary edit is reviewed before it is published. `-- --update` records the current
 * output as the new snapshot (commit it with the change that caused it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { env } from '../src/config/env.ts';
import { compareSnapshots, SNAPSHOT_FILE, takeSnapshot, type Snapshot } from '../src/lib/zh-snapshot.ts';
import { readArticlesOrExit } from './lib/local-articles.ts';

const update = process.argv.includes('--update');
const file = resolve(process.cwd(), env.TONGBAO_CONTENT_DIR, SNAPSHOT_FILE);
const shown = relative(process.cwd(), file);
const articles = await readArticlesOrExit();
console.log(`[tongbao] re-converting ${articles.length} article(s)…`);
const fresh = takeSnapshot(articles);
if (update) {
  writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n');
  console.log(`[tongbao] recorded ${shown}; review and commit it.`);
  process.exit(0);
}
if (!existsSync(file)) {
  console.error(`[tongbao] no snapshot at ${shown}; record one with npm run zh:recheck -- --update and commit it.`);
  process.exit(1);
}
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
if (recorded.hantVariant !== fresh.hantVariant) {
  console.error(
    `[tongbao] ${shown} was recorded with TONGBAO_ZH_HANT_VARIANT=${recorded.hantVariant}, this run uses ${fresh.hantVariant}; run with the same variant, or record again with --update.`,
  );
  process.exit(1);
}
const changes = compareSnapshots(recorded, fresh);
if (changes.length === 0) {
  console.log(`[tongbao] no conversion changed against ${shown} (opencc-js ${fresh.opencc}).`);
  process.exit(0);
}
console.log(changes.join('\n'));
console.log(
  `[tongbao] conversions changed against ${shown}. Review them; if they are right, npm run zh:recheck -- --update and commit the snapshot.`,
);
process.exit(1);
