/**
 * The output does not change by accident: the sample site and a small generated corpus are built with
 * a fixed clock and every file of dist/ is compared byte for byte (SHA-256) with a snapshot taken
 * before a restructuring (tests/fixtures/output-snapshot/). A difference names the files.
 *
 * After an intended change of the output: TONGBAO_UPDATE_FIXTURES=1 npx vitest run tests/build/output-snapshot.test.ts,
 * then review the diff of the snapshot and say why in the commit.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { projectRoot, siteBuild } from '../support/build.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';
import { snapshot } from '../support/site-build.ts';

const NOW = SAMPLES_NOW;
const update = process.env.TONGBAO_UPDATE_FIXTURES === '1';
const fixtures = join(projectRoot, 'tests', 'fixtures', 'output-snapshot');

function compare(name: string, outDir: string): void {
  const actual = snapshot(outDir);
  const file = join(fixtures, `${name}.json`);
  if (update || !existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const changed = Object.keys({ ...expected, ...actual })
    .filter((f) => expected[f] !== actual[f])
    .map((f) => `${f}: ${expected[f] === undefined ? 'new' : actual[f] === undefined ? 'missing' : 'changed'}`);
  expect(changed, `${name}: files that differ from the snapshot (${file})`).toEqual([]);
}

describe('the output is unchanged', () => {
  it('on the samples', () => {
    // The samples scenario: `npm run build` of content/ at the same clock, shared with other test files.
    const b = scenario('samples');
    expect(b.status, b.output).toBe(0);
    compare('samples', b.outDir);
  });

  it('on a small generated corpus', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tongbao-corpus-'));
    const contentDir = join(work, 'content');
    await generateCorpus({ articles: 24, dir: contentDir, sampleDir: join(projectRoot, 'content', 'articles') });
    const b = siteBuild({ TONGBAO_NOW: NOW, TONGBAO_CONTENT_DIR: contentDir, TONGBAO_PAGE_SIZE: '5', TONGBAO_SEARCH_SHARD_SIZE: '10' });
    expect(b.status, b.output).toBe(0);
    compare('corpus', b.outDir);
  });
});
