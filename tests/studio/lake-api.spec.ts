/**
 * The lake's Studio API with the real @sanity/client, without a browser: listen events, the actions
 * API's publish / unpublish / discard / delete, history, and image upload, as Sanity documents them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { MutationEvent } from '@sanity/client';
import { LAKE_PORT, LAKE_TOKEN } from '../../playwright.studio.config.ts';
import { lakeClient } from './support.ts';

const LAKE = `https://localhost:${LAKE_PORT}`;

const editor = lakeClient({ token: true });
const raw = { perspective: 'raw' } as const;

test('listen: a welcome, then one mutation event per changed document, chained by revision', async () => {
  const events: MutationEvent[] = [];
  const welcomed = new Promise<void>((resolve, reject) => {
    const subscription = editor
      .listen(
        '*[_type == "category" && slug.current == $slug]',
        { slug: 'lake-listen-test' },
        { events: ['welcome', 'mutation'], includeResult: true, effectFormat: 'mendoza', visibility: 'query' },
      )
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome') resolve();
          if (event.type === 'mutation') events.push(event);
        },
        error: reject,
      });
    setTimeout(() => subscription.unsubscribe(), 20_000);
  });
  await welcomed;
  const id = `category.lake-listen-${Date.now()}`;
  const created = await editor.create({ _id: id, _type: 'category', name: '测试', slug: { _type: 'slug', current: 'lake-listen-test' } });
  const patched = await editor.patch(id).set({ name: '測試' }).commit();
  await editor.delete(id);
  await expect.poll(() => events.length, { timeout: 10_000 }).toBe(3);
  expect(events.map((e) => e.transition)).toEqual(['appear', 'update', 'disappear']);
  expect(events[0]).toMatchObject({ documentId: id, resultRev: created._rev, result: { name: '测试' } });
  expect(events[0]!.previousRev).toBeUndefined();
  expect(events[1]).toMatchObject({ previousRev: created._rev, resultRev: patched._rev, result: { name: '測試' } });
  expect(events[1]!.effects?.apply).toEqual([0, expect.objectContaining({ name: '測試' })]);
  expect(events[2]).toMatchObject({ previousRev: patched._rev });
});

test('actions: create and edit a draft, publish, unpublish, discard, delete', async () => {
  const id = `article.lake-actions-${Date.now()}`;
  const draftId = `drafts.${id}`;
  await editor.action([
    { actionType: 'sanity.action.document.create', publishedId: id, attributes: { _id: draftId, _type: 'article', title: '草稿' }, ifExists: 'fail' },
    { actionType: 'sanity.action.document.edit', publishedId: id, draftId, patch: { set: { summary: '摘要' } } },
  ]);
  expect(await editor.getDocument(draftId)).toMatchObject({ title: '草稿', summary: '摘要' });
  // Creating it again fails as Sanity does.
  await expect(
    editor.action({ actionType: 'sanity.action.document.create', publishedId: id, attributes: { _id: draftId, _type: 'article' }, ifExists: 'fail' }),
  ).rejects.toThrow(/already exists/);

  const published = await editor.action({ actionType: 'sanity.action.document.publish', publishedId: id, draftId });
  expect(await editor.getDocument(draftId)).toBeUndefined();
  const doc = await lakeClient().fetch('*[_id == $id][0]', { id }, { perspective: 'published' });
  expect(doc).toMatchObject({ _id: id, title: '草稿', summary: '摘要', _rev: published.transactionId });

  await editor.action({ actionType: 'sanity.action.document.unpublish', publishedId: id, draftId });
  expect(await editor.fetch('*[_id in [$id, $draftId]]._id', { id, draftId }, raw)).toEqual([draftId]);

  await editor.action({ actionType: 'sanity.action.document.discard', draftId });
  expect(await editor.fetch('count(*[_id in [$id, $draftId]])', { id, draftId }, raw)).toBe(0);
  await expect(editor.action({ actionType: 'sanity.action.document.discard', draftId })).rejects.toThrow(/no draft/);

  await editor.createOrReplace({ _id: id, _type: 'article', title: '已发布' });
  await editor.createOrReplace({ _id: draftId, _type: 'article', title: '草稿二' });
  await editor.action({ actionType: 'sanity.action.document.delete', publishedId: id, includeDrafts: [draftId] });
  expect(await editor.fetch('count(*[_id in [$id, $draftId]])', { id, draftId }, raw)).toBe(0);

  // History: every transaction that touched the pair, newest first when asked.
  const response = await fetch(`${LAKE}/v2025-02-19/data/history/production/transactions/${id},${draftId}?reverse=true&excludeContent=true`, {
    headers: { authorization: `Bearer ${LAKE_TOKEN}` },
  });
  expect(response.headers.get('content-type')).toContain('ndjson');
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; documentIDs: string[] });
  expect(lines.length).toBe(7);
  expect(lines.at(-1)!.documentIDs).toEqual([draftId]);
});

test('asset upload: an image becomes a sanity.imageAsset with its size, served by the lake', async () => {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'images');
  const png = readdirSync(dir).find((f) => f.endsWith('.png'));
  expect(png, 'a PNG sample image in content/images').toBeDefined();
  // The sample image with bytes after its end: still a PNG, but a new asset (assets are kept by content hash).
  const bytes = Buffer.concat([readFileSync(join(dir, png!)), Buffer.from(`upload ${Date.now()}`)]);
  const asset = await editor.assets.upload('image', bytes, { filename: 'upload-test.png' });
  expect(asset._id).toMatch(/^image-[0-9a-f]{40}-\d+x\d+-png$/);
  const [, size] = /-(\d+x\d+)-png$/.exec(asset._id)!;
  const { width, height } = asset.metadata.dimensions;
  expect(`${width}x${height}`).toBe(size);
  expect(asset.url).toBe(`https://local.localhost:${LAKE_PORT}/${asset.path}`);
  const served = await fetch(`${LAKE}/${asset.path}`);
  expect(served.status).toBe(200);
  expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
});
