/**
 * The foundations of the publish loop working together, before the site's server mode exists: a lake with
 * 5,000 generated articles sends its webhook through Varnish to a small origin that renders an article
 * per request from the lake (@sanity/client, the indexed slug query), tags it, checks the webhook's
 * signature with @sanity/webhook and purges Varnish by tag. An edit in the lake is served by Varnish
 * within a second; a bad signature purges nothing. Prints the publish-to-live times (not asserted beyond 1 s).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@sanity/client';
import { isValidSignature } from '@sanity/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSlug } from '../../scripts/lake/generate.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { cacheHeaders, noStoreHeaders } from '../../src/server/cache-headers.ts';
import { purgeVarnish } from '../../src/server/purge-varnish.ts';
import { generatedDatasetFile, startLake } from '../support/lake.ts';

const SECRET = 'loop-secret';
const TOKEN = 'loop-token';
let lake: Lake;
let lakeOrigin: string;
let origin: Server;
let varnish: RunningVarnish;
const purges: string[][] = [];

describe('lake → webhook → purge → Varnish', () => {
  beforeAll(async () => {
    origin = createServer();
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    const originPort = (origin.address() as AddressInfo).port;
    varnish = await startVarnish({ backend: { host: '127.0.0.1', port: originPort } });
    ({ lake, origin: lakeOrigin } = await startLake({
      datasetFile: generatedDatasetFile(5_000),
      token: TOKEN,
      // The webhook goes through Varnish like any other request (POST passes to the origin).
      webhooks: {
        backoffMs: 50,
        targets: [{ url: `${varnish.url}/api/revalidate`, secret: SECRET, projection: '{_id, _type, "slug": slug.current}' }],
      },
    }));
    const client = createClient({
      projectId: 'local',
      dataset: 'production',
      apiHost: lakeOrigin,
      useProjectHostname: false,
      useCdn: false,
      apiVersion: '2025-02-19',
    });
    origin.on('request', (req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://origin');
        if (req.method === 'POST' && url.pathname === '/api/revalidate') {
          const chunks: Buffer[] = [];
          for await (const c of req) chunks.push(c as Buffer);
          const body = Buffer.concat(chunks).toString('utf8');
          const signature = req.headers['sanity-webhook-signature'];
          if (typeof signature !== 'string' || !(await isValidSignature(body, signature, SECRET))) {
            res.writeHead(401, noStoreHeaders()).end('bad signature');
            return;
          }
          const doc = JSON.parse(body) as { _id: string };
          const tags = [`article:${doc._id}`];
          purges.push(tags);
          await purgeVarnish(tags, { servers: [varnish.url] });
          res.writeHead(200, noStoreHeaders()).end('purged');
          return;
        }
        const slug = /^\/zh-hans\/articles\/([^/]+)\/$/.exec(url.pathname)?.[1];
        const article = slug
          ? await client.fetch<{ _id: string; title: string } | null>('*[_type == "article" && slug.current == $slug][0]{_id, title}', { slug })
          : null;
        if (!article) {
          res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...cacheHeaders({ maxAge: 5, tags: ['missing'] }) }).end('<h1>404</h1>');
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          ...cacheHeaders({ maxAge: 3600, swr: 60, staleIfError: 86_400, tags: [`article:${article._id}`, 'list:home'] }),
        });
        res.end(`<h1>${article.title}</h1>`);
      })().catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  }, 60_000);
  afterAll(async () => {
    await lake?.close();
    await varnish?.stop();
    await new Promise<void>((resolve) => (origin ? origin.close(() => resolve()) : resolve()));
  });

  const page = async (slug: string) => {
    const res = await fetch(`${varnish.url}/zh-hans/articles/${slug}/`);
    return { status: res.status, cache: res.headers.get('x-cache'), body: await res.text() };
  };
  const patch = (id: string, title: string) =>
    fetch(`${lakeOrigin}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ mutations: [{ patch: { id, set: { title } } }] }),
    });

  it('an edit is live through Varnish within a second, every time; other pages stay cached', async () => {
    const other = generatedSlug(4_321);
    await page(other);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const slug = generatedSlug(100 + i);
      await page(slug);
      expect((await page(slug)).cache).toBe('HIT');
      const title = `改稿 ${i} ${Date.now()}`;
      const started = performance.now();
      expect((await patch(`article.${slug}`, title)).status).toBe(200);
      for (;;) {
        if ((await page(slug)).body.includes(title)) break;
        if (performance.now() - started > 5_000) throw new Error(`not live after 5 s: ${slug}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `[publish loop] lake (${lake.docs.size} docs) → webhook → purge → Varnish: p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${times.length} edits`,
    );
    expect(times.at(-1)).toBeLessThan(1_000);
    expect((await page(other)).cache).toBe('HIT');
    expect(purges).toHaveLength(8);
  }, 60_000);

  it('a webhook with a bad signature is refused and purges nothing', async () => {
    const slug = generatedSlug(200);
    await page(slug);
    const before = purges.length;
    const res = await fetch(`${varnish.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sanity-webhook-signature': 't=1700000000000,v1=forged' },
      body: JSON.stringify({ _id: `article.${slug}` }),
    });
    expect(res.status).toBe(401);
    expect(purges.length).toBe(before);
    expect((await page(slug)).cache).toBe('HIT');
  });
});
