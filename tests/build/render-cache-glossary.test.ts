/**
 * A change to the site glossary re-renders exactly the articles it can change, when the site builds from Sanity:
 * the lake over three sample articles, the glossary edited through the real @sanity/client (the document
 * siteGlossary, as an editor publishes it in the Studio), the render cache's figures read from the stats file
 * (tests/build/render-cache.test.ts does the same from content/).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@sanity/client';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNdjson } from '../../scripts/lake/server.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { API_VERSION } from '../../src/sources/sanity/client.ts';
import { astroBuildAsync, DATASET, lakeEnv, startLake } from '../support/lake.ts';

const TOKEN = 'render-cache-glossary-test-token-0001';
const KEPT = new Set(['article.market-weekly-review', 'article.one-source-two-scripts', 'article.advanced-tech-fair-2023']);

let lake: Lake | undefined;
afterAll(() => lake?.close());

describe('render cache, site glossary from Sanity', () => {
  it('editing one entry re-renders exactly the articles that contain it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tongbao-cache-glossary-'));
    const datasetFile = join(work, 'dataset.ndjson');
    const docs = parseNdjson(readFileSync(DATASET, 'utf8'), DATASET).filter((d) => d._type !== 'article' || KEPT.has(d._id));
    writeFileSync(datasetFile, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const started = await startLake({ datasetFile, token: TOKEN });
    lake = started.lake;
    const client = createClient({
      projectId: 'local',
      dataset: 'production',
      apiHost: started.origin,
      useProjectHostname: false,
      useCdn: false,
      apiVersion: API_VERSION,
      token: TOKEN,
    });
    type Entry = { _type: string; _key: string; term: string; zhHant?: string; note?: string };
    // The whole list is set at once, as the Studio's publish replaces the document (the lake's /data/mutate applies set, not insert).
    const edit = async (change: (entries: Entry[]) => Entry[]) => {
      const doc = await client.getDocument<{ entries: Entry[] }>('siteGlossary');
      await client
        .patch('siteGlossary')
        .set({ entries: change(doc!.entries) })
        .commit();
    };
    const statsFile = join(work, 'stats.json');
    const build = async (name: string) => {
      const result = await astroBuildAsync(
        lakeEnv(started.origin, { TONGBAO_OUT_DIR: join(work, name), TONGBAO_CACHE_DIR: join(work, 'cache'), TONGBAO_STATS_FILE: statsFile }),
      );
      expect(result.status, result.output).toBe(0);
      const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Record<string, number>;
      const page = (slug: string) => readFileSync(join(result.outDir, 'zh-hant', 'articles', slug, 'index.html'), 'utf8');
      return { rendered: stats.rendered, reused: stats.reused, page };
    };

    const cold = await build('cold');
    expect(cold).toMatchObject({ rendered: 3, reused: 0 });
    expect(cold.page('market-weekly-review')).toContain('主線');

    // A new entry whose term only market-weekly-review holds (主线).
    await edit((entries) => [...entries, { _type: 'siteGlossaryEntry', _key: 'zhuxian', term: '主线', zhHant: '主軸' }]);
    const added = await build('added');
    expect(added).toMatchObject({ rendered: 1, reused: 2 });
    expect(added.page('market-weekly-review')).toContain('主軸');
    expect(added.page('market-weekly-review')).not.toContain('主線');

    // An existing entry's form: only the article that writes 通报 renders again.
    expect(cold.page('one-source-two-scripts')).toContain('通報');
    await edit((entries) => entries.map((e) => (e.term === '通报' ? { ...e, zhHant: '通報社' } : e)));
    const reformed = await build('reformed');
    expect(reformed).toMatchObject({ rendered: 1, reused: 2 });
    expect(reformed.page('one-source-two-scripts')).toContain('通報社');

    // A note is for editors, and an entry no article holds changes no conversion: nothing renders again.
    await edit((entries) => [
      ...entries.map((e) => (e.term === '通报' ? { ...e, note: 'Changed note.' } : e)),
      { _type: 'siteGlossaryEntry', _key: 'absent', term: '不存在的词', zhHant: '不存在的詞' },
    ]);
    const unchanged = await build('unchanged');
    expect(unchanged).toMatchObject({ rendered: 0, reused: 3 });

    // A bad entry stops the build, naming the document and the Studio's field.
    await edit((entries) => entries.map((e) => (e._key === 'zhuxian' ? { ...e, zhHant: '  ' } : e)));
    const bad = await astroBuildAsync(lakeEnv(started.origin, { TONGBAO_CACHE_DIR: join(work, 'cache'), TONGBAO_STATS_FILE: statsFile }));
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('Sanity document siteGlossary: invalid site glossary');
    expect(bad.output).toContain('entries[_key=="zhuxian"].zhHant ("主线"): must not be empty');
  }, 400_000);
});
