/**
 * The lake's Sanity-style webhooks, received by a local server that checks the signature with
 * @sanity/webhook's own isValidSignature: create, update, publishing a draft, delete; drafts alone do
 * not fire; the projection shapes the body; a failing receiver is retried with the same idempotency
 * key; a slow receiver never delays the mutation's answer.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSignature } from '@sanity/webhook';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { webhookEvents } from '../../scripts/lake/webhooks.ts';
import { startLake } from '../support/lake.ts';

const TOKEN = 'sk-webhooks';
const SECRET = 'whsec-舍得-test';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  valid: boolean;
}

/** A receiver: records every request; `answer` decides the status (per request). */
async function receiver(answer: (n: number, path: string) => number | Promise<number>) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['sanity-webhook-signature'];
      const valid = typeof signature === 'string' && (await isValidSignature(body, signature, SECRET));
      received.push({ path: req.url ?? '', headers: req.headers, body, valid });
      res.writeHead(await answer(received.length, req.url ?? ''));
      res.end();
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const article = (id: string, title: string) => ({
  _id: id,
  _type: 'article',
  title,
  slug: { _type: 'slug', current: id.replace(/^(drafts\.)?article\./, '') },
  publishedAt: '2026-11-01T00:00:00Z',
});

describe('which changes fire (pure)', () => {
  it('published ids only: create, update, delete; drafts and versions never', () => {
    const d = article('article.x', 'x') as never;
    expect(
      webhookEvents([
        { id: 'article.x', before: undefined, after: d },
        { id: 'article.y', before: d, after: d },
        { id: 'article.z', before: d, after: undefined },
        { id: 'drafts.article.x', before: undefined, after: d },
        { id: 'versions.r1.article.x', before: undefined, after: d },
      ]).map((e) => [e.id, e.operation]),
    ).toEqual([
      ['article.x', 'create'],
      ['article.y', 'update'],
      ['article.z', 'delete'],
    ]);
  });
});

describe('webhooks from the lake', () => {
  let lake: Lake;
  let origin: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let projected: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver(() => 200);
    projected = await receiver(() => 200);
    ({ lake, origin } = await startLake({
      token: TOKEN,
      webhooks: {
        projectId: 'tongbao-test',
        dataset: 'production',
        backoffMs: 20,
        targets: [
          { url: `${hook.url}/api/revalidate`, secret: SECRET },
          {
            url: `${projected.url}/hook`,
            secret: SECRET,
            projection: '{_id, _type, "slug": slug.current, "was": before().title, "now": after().title, "project": sanity::projectId()}',
            filter: '_type == "article"',
            id: 'articles-only',
          },
        ],
      },
    }));
  });
  afterAll(async () => {
    await lake?.close();
    await hook?.close();
    await projected?.close();
  });
  beforeEach(() => {
    hook.received.length = 0;
    projected.received.length = 0;
  });

  const mutate = async (mutations: unknown[]) => {
    const res = await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ mutations }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { transactionId: string };
  };
  const settle = () => lake.webhooks!.idle();

  it("create: the whole document, signed, with Sanity's headers", async () => {
    const { transactionId } = await mutate([{ create: article('article.hook-new', '新文章') }]);
    await settle();
    expect(hook.received).toHaveLength(1);
    const [r] = hook.received;
    expect(r!.valid).toBe(true);
    expect(r!.path).toBe('/api/revalidate');
    expect(r!.headers).toMatchObject({
      'content-type': 'application/json',
      'sanity-operation': 'create',
      'sanity-document-id': 'article.hook-new',
      'sanity-transaction-id': transactionId,
      'sanity-dataset': 'production',
      'sanity-project-id': 'tongbao-test',
      'sanity-webhook-id': 'lake-webhook-1',
    });
    expect(r!.headers['idempotency-key']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Date.parse(String(r!.headers['sanity-transaction-time']))).not.toBeNaN();
    const body = JSON.parse(r!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ _id: 'article.hook-new', _type: 'article', title: '新文章' });
    expect(typeof body._rev).toBe('string');
    // The projection and filter of the second webhook.
    expect(projected.received).toHaveLength(1);
    expect(projected.received[0]!.valid).toBe(true);
    expect(JSON.parse(projected.received[0]!.body)).toEqual({
      _id: 'article.hook-new',
      _type: 'article',
      slug: 'hook-new',
      was: null,
      now: '新文章',
      project: 'tongbao-test',
    });
  });

  it('update (patch): the document after the change; before() in the projection', async () => {
    await mutate([{ patch: { id: 'article.hook-new', set: { title: '改过的标题' } } }]);
    await settle();
    expect(hook.received.map((r) => [r.headers['sanity-operation'], r.headers['sanity-document-id'], r.valid])).toEqual([
      ['update', 'article.hook-new', true],
    ]);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ title: '改过的标题' });
    expect(JSON.parse(projected.received[0]!.body)).toMatchObject({ was: '新文章', now: '改过的标题' });
  });

  it('a draft alone fires nothing; publishing it fires one update of the published id', async () => {
    await mutate([{ createOrReplace: article('drafts.article.hook-new', '草稿里的标题') }]);
    await settle();
    expect(hook.received).toHaveLength(0);
    await mutate([{ createOrReplace: article('article.hook-new', '草稿里的标题') }, { delete: { id: 'drafts.article.hook-new' } }]);
    await settle();
    expect(hook.received.map((r) => [r.headers['sanity-operation'], r.headers['sanity-document-id'], r.valid])).toEqual([
      ['update', 'article.hook-new', true],
    ]);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ _id: 'article.hook-new', title: '草稿里的标题' });
  });

  it('publishing a new document from its draft is a create', async () => {
    await mutate([{ create: article('drafts.article.hook-fresh', '首发') }]);
    await mutate([{ create: article('article.hook-fresh', '首发') }, { delete: { id: 'drafts.article.hook-fresh' } }]);
    await settle();
    expect(hook.received.map((r) => [r.headers['sanity-operation'], r.headers['sanity-document-id']])).toEqual([['create', 'article.hook-fresh']]);
  });

  it('delete: the document as it was; the filter skips other types', async () => {
    await mutate([
      { delete: { id: 'article.hook-new' } },
      { createOrReplace: { _id: 'category.hooks', _type: 'category', name: '钩子', slug: { _type: 'slug', current: 'hooks' } } },
    ]);
    await settle();
    // One webhook per document, sent concurrently: they may arrive in either order.
    const byId = (a: readonly unknown[], b: readonly unknown[]) => String(a[1]).localeCompare(String(b[1]));
    expect(hook.received.map((r) => [r.headers['sanity-operation'], r.headers['sanity-document-id'], r.valid]).sort(byId)).toEqual([
      ['delete', 'article.hook-new', true],
      ['create', 'category.hooks', true],
    ]);
    const deleted = hook.received.find((r) => r.headers['sanity-operation'] === 'delete');
    expect(JSON.parse(deleted!.body)).toMatchObject({ _id: 'article.hook-new', title: '草稿里的标题' });
    expect(projected.received.map((r) => r.headers['sanity-operation'])).toEqual(['delete']);
    expect(JSON.parse(projected.received[0]!.body)).toMatchObject({ _id: 'article.hook-new', was: '草稿里的标题', now: null });
  });

  it('a signature made with another secret does not verify (the receiver really checks)', async () => {
    await mutate([{ patch: { id: 'category.hooks', set: { name: '钩子二' } } }]);
    await settle();
    const [r] = hook.received;
    expect(await isValidSignature(r!.body, String(r!.headers['sanity-webhook-signature']), 'another-secret')).toBe(false);
    expect(await isValidSignature(r!.body.replace('钩子二', '钩子三'), String(r!.headers['sanity-webhook-signature']), SECRET)).toBe(false);
  });
});

describe('delivery', () => {
  it('retries a failing receiver with backoff, the same idempotency key, and never delays the mutation', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    // First answer 503, then 500, then hold the third request until released, then 200.
    const hook = await receiver(async (n) => {
      if (n === 1) return 503;
      if (n === 2) return 500;
      if (n === 3) await slow;
      return 200;
    });
    const { lake, origin } = await startLake({ token: TOKEN, webhooks: { backoffMs: 30, targets: [{ url: hook.url, secret: SECRET }] } });
    try {
      const started = performance.now();
      const res = await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ mutations: [{ create: article('article.retry-me', '重试') }] }),
      });
      expect(res.status).toBe(200);
      const answered = performance.now() - started;
      await expect.poll(() => hook.received.length, { timeout: 5_000 }).toBe(3);
      expect(lake.webhooks!.deliveries[0]).toMatchObject({ state: 'pending', attempts: 3 });
      release();
      await lake.webhooks!.idle();
      expect(answered).toBeLessThan(1_000);
      expect(hook.received.every((r) => r.valid)).toBe(true);
      expect(new Set(hook.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
      expect(lake.webhooks!.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 3, last: 200, documentId: 'article.retry-me' });
    } finally {
      await lake.close();
      await hook.close();
    }
  });

  it('gives up after the last attempt, and a 400 is final', async () => {
    const hook = await receiver((_n, path) => (path === '/refuse' ? 400 : 502));
    const { lake, origin } = await startLake({
      token: TOKEN,
      log: () => {},
      webhooks: {
        attempts: 3,
        backoffMs: 10,
        targets: [
          { url: `${hook.url}/down`, secret: SECRET },
          { url: `${hook.url}/refuse`, secret: SECRET },
        ],
      },
    });
    try {
      await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ mutations: [{ create: article('article.never', '不达') }] }),
      });
      await lake.webhooks!.idle();
      expect(lake.webhooks!.deliveries.map((d) => [d.url.endsWith('/down') ? 'down' : 'refuse', d.state, d.attempts, d.last])).toEqual([
        ['down', 'failed', 3, 502],
        ['refuse', 'failed', 1, 400],
      ]);
    } finally {
      await lake.close();
      await hook.close();
    }
  });
});
