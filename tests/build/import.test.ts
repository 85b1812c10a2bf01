/**
 * `npm run import -- … --to sanity` end to end: the draft it creates in the lake appears in the preview
 * build (drafts perspective) and not in the published build.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { astroBuildAsync, lakeEnv, runAsync, startLake } from '../support/lake.ts';

const TOKEN = 'sk-import-build-token';
const SEED = join(projectRoot, 'tests', 'fixtures', 'import', '000_c91d604a664099de.txt');
const SLUG = 'fair-imported-draft';
let lake: Lake;
let published: BuildResult;
let preview: BuildResult;
const page = (b: BuildResult, segment: string) => join(b.outDir, segment, 'articles', SLUG, 'index.html');

beforeAll(async () => {
  ({ lake } = await startLake({ token: TOKEN }).then(async (started) => {
    const imported = await runAsync(
      [
        join(projectRoot, 'scripts', 'import.ts'),
        SEED,
        '--to',
        'sanity',
        '--slug',
        SLUG,
        '--category',
        'industry',
        '--fix',
        '勇擔第一方陣的使命,全力',
        '--report',
        join(mkdtempSync(join(tmpdir(), 'tongbao-report-')), 'r.json'),
      ],
      lakeEnv(started.origin, { SANITY_WRITE_TOKEN: TOKEN }),
      60_000,
    );
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.output}`);
    published = await astroBuildAsync(lakeEnv(started.origin));
    preview = await runAsync([join(projectRoot, 'scripts', 'build-preview.ts')], {
      ...lakeEnv(started.origin, { SANITY_READ_TOKEN: TOKEN }),
      TONGBAO_OUT_DIR: mkdtempSync(join(tmpdir(), 'tongbao-preview-')),
    });
    for (const b of [published, preview]) if (b.status !== 0) throw new Error(`build failed:\n${b.output}`);
    return started;
  }));
}, 400_000);
afterAll(() => lake?.close());

describe('an imported draft', () => {
  it('is in the preview build, in both scripts, with the cleaned body', () => {
    const hant = readFileSync(page(preview, 'zh-hant'), 'utf8');
    expect(hant).toContain('2023年先進技術成果交易大會成功舉辦');
    expect(hant).toContain('勇擔第一方陣的使命，全力推動');
    // The aggregator's furniture is gone from the body (the site's own 相關推薦 list is not the body).
    const body = hant.slice(hant.indexOf('class="article-body'), hant.indexOf('</aside>', hant.indexOf('class="disclaimers')));
    expect(body.length).toBeGreaterThan(100);
    expect(body).not.toMatch(/\(shù\)|lián|相關推薦/);
    expect(readFileSync(page(preview, 'zh-hans'), 'utf8')).toContain('2023年先进技术成果交易大会成功举办');
  });

  it('is not in the published build', () => {
    expect(existsSync(page(published, 'zh-hant'))).toBe(false);
    expect(existsSync(page(published, 'zh-hans'))).toBe(false);
    expect(existsSync(join(published.outDir, 'zh-hant', 'articles', 'advanced-tech-fair-2023', 'index.html'))).toBe(true);
  });
});
