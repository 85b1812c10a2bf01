/**
 * The lake answers what @sanity/preview-url-secret asks of Sanity (the Studio makes a secret, the site's server
 * checks it: src/server/preview-sanity.ts): createPreviewSecret's transaction (createOrReplace of a
 * `drafts.<uuid>` of type sanity.previewUrlSecret, then a patch) and its delete by query of the secrets older than
 * an hour; validatePreviewUrl's query (raw perspective, `dateTime(_updatedAt) > dateTime(now()) - 3600`, with a
 * token). A delete by query removes exactly what the query returns.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SanityClient } from '@sanity/client';
import { validatePreviewUrl } from '@sanity/preview-url-secret';
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { DATASET, startLake } from '../support/lake.ts';

const TOKEN = 'preview-secret-test-token';
const OLD = {
  _id: 'drafts.old-secret',
  _type: 'sanity.previewUrlSecret',
  secret: 'old-secret-value',
  studioUrl: 'http://studio',
  _updatedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
};
let lake: Lake;
let client: SanityClient;
const raw = (query: string) => client.fetch<unknown>(query, {}, { perspective: 'raw' });
const url = (secret: string) =>
  `http://site/api/preview/?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=/zh-hans/preview/a/`;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tongbao-lake-secret-')), 'dataset.ndjson');
  writeFileSync(file, `${readFileSync(DATASET, 'utf8').trimEnd()}\n${JSON.stringify(OLD)}\n`);
  let origin: string;
  ({ lake, origin } = await startLake({ datasetFile: file, token: TOKEN }));
  client = createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: origin,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    token: TOKEN,
  });
});
afterAll(() => lake?.close());

describe('@sanity/preview-url-secret against the lake', () => {
  it('an hour-old secret is refused; a new one is valid; making it deletes the expired ones', async () => {
    expect((await validatePreviewUrl(client, url(OLD.secret))).isValid).toBe(false);
    const { secret } = await createPreviewSecret(client, 'tongbao-test', 'http://studio', 'user');
    expect(await validatePreviewUrl(client, url(secret))).toMatchObject({
      isValid: true,
      redirectTo: '/zh-hans/preview/a/',
      studioOrigin: 'http://studio',
    });
    expect((await validatePreviewUrl(client, url(`${secret}x`))).isValid).toBe(false);
    expect(await raw('*[_type == "sanity.previewUrlSecret"].secret')).toEqual([secret]);
  });

  it('deletes by query exactly the documents the query returns', async () => {
    await client
      .transaction()
      .createOrReplace({ _id: 'q.1', _type: 'q', n: 1 })
      .createOrReplace({ _id: 'q.2', _type: 'q', n: 2 })
      .createOrReplace({ _id: 'drafts.q.3', _type: 'q', n: 3 })
      .commit();
    const result = await client.delete({ query: '*[_type == "q" && n >= $min]', params: { min: 2 } });
    expect(result.results.map((r) => r.id).sort()).toEqual(['drafts.q.3', 'q.2']);
    expect(await raw('*[_type == "q"]._id')).toEqual(['q.1']);
  });
});
