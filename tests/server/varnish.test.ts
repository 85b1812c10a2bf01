/**
 * Varnish for real (infra/varnish/tongbao.vcl, started by scripts/lib/varnish.ts) in front of a small
 * Node origin that emits src/server/cache-headers.ts's headers and counts what reaches it: hits, tagged
 * purges through src/server/purge-varnish.ts (batched), stale-while-revalidate, stale-if-error with the
 * origin answering 503 and with the origin down, query strings and Host / X-Forwarded-Host that must not
 * make new objects, responses that must never be cached, and PURGE from an address outside the ACL.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish.ts';
import { cacheHeaders, noStoreHeaders } from '../../src/server/cache-headers.ts';
import { purgeVarnish } from '../../src/server/purge-varnish.ts';

const SITE_HOST = 'tongbao.example';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What reached the origin: path (with query) → count; and the last request's headers per path. */
const seen = new Map<string, number>();
const lastHeaders = new Map<string, IncomingHttpHeaders>();
/** Per path: the version in the body (bumped by the test to see fresh content), and a fault. */
const version = new Map<string, number>();
let fault: 'none' | '503' | 'reset' = 'none';

function route(path: string): { status: number; headers: Record<string, string>; body: string } {
  const pathname = path.replace(/\?.*$/, '');
  const v = version.get(pathname) ?? 1;
  const body = `<p>${pathname} v${v}</p>`;
  switch (pathname) {
    case '/zh-hans/articles/a/':
      return {
        status: 200,
        headers: cacheHeaders({ maxAge: 300, swr: 30, staleIfError: 600, tags: ['article:a', 'list:home', 'tag:先进技术'] }),
        body,
      };
    case '/zh-hans/articles/b/':
      return { status: 200, headers: cacheHeaders({ maxAge: 300, tags: ['article:b', 'list:home'] }), body };
    case '/zh-hans/search/':
      return { status: 200, headers: cacheHeaders({ maxAge: 300, tags: ['search'] }), body: `${body}<p>${path}</p>` };
    case '/swr/':
      return { status: 200, headers: cacheHeaders({ maxAge: 1, swr: 60, tags: ['swr'] }), body };
    case '/sie/':
    case '/sie-down/':
      return { status: 200, headers: cacheHeaders({ maxAge: 1, staleIfError: 600, tags: ['sie'] }), body };
    case '/private/':
      return { status: 200, headers: { 'Cache-Control': 'private, max-age=300', 'Surrogate-Control': 'max-age=300' }, body };
    case '/no-store/':
      return { status: 200, headers: noStoreHeaders(), body };
    case '/cookie/':
      return { status: 200, headers: { ...cacheHeaders({ maxAge: 300 }), 'Set-Cookie': 'session=1; HttpOnly' }, body };
    default:
      return { status: 404, headers: cacheHeaders({ maxAge: 60, tags: ['404'] }), body: 'not found' };
  }
}

let origin: Server;
let originPort: number;
let varnish: RunningVarnish;

function listenOrigin(port = 0): Promise<number> {
  origin = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.set(path, (seen.get(path) ?? 0) + 1);
    lastHeaders.set(path, req.headers);
    if (fault === 'reset') return req.socket.destroy();
    if (fault === '503') {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '7', ...noStoreHeaders({ shared: true }) });
      return res.end('<h1>origin: 暂时无法访问</h1>');
    }
    const r = route(path);
    res.writeHead(r.status, { 'content-type': 'text/html; charset=utf-8', ...r.headers });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  return new Promise((resolve) => origin.listen(port, '127.0.0.1', () => resolve((origin.address() as AddressInfo).port)));
}

/** A raw HTTP request, so Host and the source address can be chosen. */
function get(path: string, options: { method?: string; headers?: Record<string, string>; localAddress?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: varnish.port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
const count = (path: string) => seen.get(path) ?? 0;
const purge = (tags: string[], extra: { maxHeaderBytes?: number; soft?: boolean } = {}) => purgeVarnish(tags, { servers: [varnish.url], ...extra });

// Without varnishd, startVarnish fails naming the fix (scripts/ensure-tools.ts installs it): never a silent skip.
describe('Varnish in front of the origin', () => {
  beforeAll(async () => {
    originPort = await listenOrigin();
    varnish = await startVarnish({ backend: { host: '127.0.0.1', port: originPort }, siteHost: SITE_HOST });
  }, 30_000);
  afterAll(async () => {
    await varnish?.stop();
    await new Promise<void>((resolve) => (origin?.listening ? origin.close(() => resolve()) : resolve()));
  });
  beforeEach(() => {
    fault = 'none';
  });

  it('caches a page: the second request is a hit and never reaches the origin; cache-only headers stay in Varnish', async () => {
    const first = await get('/zh-hans/articles/a/');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get('/zh-hans/articles/a/');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe('<p>/zh-hans/articles/a/ v1</p>');
    expect(count('/zh-hans/articles/a/')).toBe(1);
    expect(second.headers['cache-control']).toBe('public, max-age=30');
    for (const h of ['xkey', 'surrogate-key', 'surrogate-control', 'cdn-cache-control']) expect(second.headers[h], h).toBeUndefined();
    const head = await get('/zh-hans/articles/a/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(count('/zh-hans/articles/a/')).toBe(1);
  });

  it('query strings, Host and X-Forwarded-Host make no new objects; the origin sees the site host only', async () => {
    await get('/zh-hans/articles/b/');
    const before = count('/zh-hans/articles/b/');
    for (const [path, headers] of [
      ['/zh-hans/articles/b/?utm_source=x', {}],
      ['/zh-hans/articles/b/?q=1&fbclid=2', {}],
      ['/zh-hans/articles/b/#frag', {}],
      ['/zh-hans/articles/b/', { host: 'evil.example' }],
      ['/zh-hans/articles/b/', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', forwarded: 'host=evil.example' }],
      ['/zh-hans/articles/b/', { cookie: 'analytics=1' }],
    ] as const) {
      const r = await get(path, { headers: headers as Record<string, string> });
      expect(r.headers['x-cache'], `${path} ${JSON.stringify(headers)}`).toBe('HIT');
      expect(r.body).not.toContain('evil');
    }
    expect(count('/zh-hans/articles/b/')).toBe(before);
    expect([...seen.keys()].filter((k) => k.startsWith('/zh-hans/articles/b/?'))).toEqual([]);
    const h = lastHeaders.get('/zh-hans/articles/b/')!;
    expect(h.host).toBe(SITE_HOST);
    expect(h['x-forwarded-host']).toBeUndefined();
    expect(h.forwarded).toBeUndefined();
  });

  it('keeps ?q= on search pages only, dropping the rest of the query', async () => {
    const a = await get('/zh-hans/search/?utm_medium=mail&q=%E6%96%B0%E8%83%BD%E6%BA%90&page=9');
    expect(a.body).toContain('<p>/zh-hans/search/?q=%E6%96%B0%E8%83%BD%E6%BA%90</p>');
    const b = await get('/zh-hans/search/?q=%E6%96%B0%E8%83%BD%E6%BA%90');
    expect(b.headers['x-cache']).toBe('HIT');
    const c = await get('/zh-hans/search/?q=other');
    expect(c.headers['x-cache']).toBe('MISS');
    expect([...seen.keys()].filter((k) => k.startsWith('/zh-hans/search/')).sort()).toEqual([
      '/zh-hans/search/?q=%E6%96%B0%E8%83%BD%E6%BA%90',
      '/zh-hans/search/?q=other',
    ]);
  });

  it('a tagged purge drops the object (miss, fresh body); a purge of another tag leaves it', async () => {
    await get('/zh-hans/articles/a/');
    expect((await get('/zh-hans/articles/a/')).headers['x-cache']).toBe('HIT');
    expect((await purge(['article:nothing-here'])).purged).toBe(0);
    expect((await purge(['article:b'])).purged).toBe(1);
    expect((await get('/zh-hans/articles/a/')).headers['x-cache']).toBe('HIT');
    version.set('/zh-hans/articles/a/', 2);
    const hits = count('/zh-hans/articles/a/');
    expect((await purge(['article:a'])).purged).toBe(1);
    const fresh = await get('/zh-hans/articles/a/');
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.body).toBe('<p>/zh-hans/articles/a/ v2</p>');
    expect(count('/zh-hans/articles/a/')).toBe(hits + 1);
    // A shared tag drops every page that has it; a Chinese tag is encoded the same way on both sides.
    await get('/zh-hans/articles/b/');
    expect((await purge(['list:home'])).purged).toBe(2);
    await get('/zh-hans/articles/a/');
    expect((await purge(['tag:先进技术'])).purged).toBe(1);
  });

  it('batches a long tag list into several PURGE requests', async () => {
    await get('/zh-hans/articles/a/');
    const tags = [...Array.from({ length: 1500 }, (_, i) => `article:filler-${i}`), 'article:a'];
    const result = await purge(tags, { maxHeaderBytes: 2_000 });
    expect(result.requests).toBeGreaterThan(5);
    expect(result.purged).toBe(1);
    expect((await get('/zh-hans/articles/a/')).headers['x-cache']).toBe('MISS');
  });

  it('refuses PURGE from an address outside the ACL, and without tags', async () => {
    await get('/zh-hans/articles/a/');
    const refused = await get('/', { method: 'PURGE', headers: { 'xkey-purge': 'article:a' }, localAddress: '127.0.0.2' });
    expect(refused.status).toBe(403);
    expect((await get('/zh-hans/articles/a/')).headers['x-cache']).toBe('HIT');
    expect((await get('/', { method: 'PURGE' })).status).toBe(400);
    await expect(purgeVarnish(['x'], { servers: [`http://127.0.0.1:${originPort}`] })).rejects.toThrow(/answered 404/);
  });

  it('never caches private, no-store or Set-Cookie responses, nor preview requests; POST goes through', async () => {
    for (const path of ['/private/', '/no-store/', '/cookie/']) {
      await get(path);
      const again = await get(path);
      expect(again.headers['x-cache'], path).toBe('MISS');
      expect(count(path), path).toBe(2);
    }
    expect((await get('/cookie/')).headers['set-cookie']).toEqual(['session=1; HttpOnly']);
    await get('/zh-hans/articles/b/');
    const before = count('/zh-hans/articles/b/');
    version.set('/zh-hans/articles/b/', 5);
    const preview = await get('/zh-hans/articles/b/', { headers: { cookie: 'x=1; tongbao_preview=token' } });
    expect(preview.body).toContain('v5');
    expect(count('/zh-hans/articles/b/')).toBe(before + 1);
    expect(lastHeaders.get('/zh-hans/articles/b/')!.cookie).toContain('tongbao_preview=token');
    // The preview answer did not replace the cached public page.
    expect((await get('/zh-hans/articles/b/')).body).not.toContain('v5');
    await get('/zh-hans/articles/b/', { method: 'POST' });
    expect(count('/zh-hans/articles/b/')).toBe(before + 2);
  });

  it('stale-while-revalidate: past max-age the stale copy is served at once and refreshed behind it', async () => {
    await get('/swr/');
    version.set('/swr/', 2);
    await sleep(1_300);
    const stale = await get('/swr/');
    expect(stale.headers['x-cache']).toBe('HIT');
    expect(stale.body).toContain('v1');
    await expect.poll(async () => (await get('/swr/')).body, { timeout: 3_000 }).toContain('v2');
    expect(count('/swr/')).toBe(2);
  });

  it('stale-if-error: the old page when the origin answers 503 or is down; without a copy, a readable 503', async () => {
    await get('/sie/');
    await get('/sie-down/');
    await sleep(1_300);
    fault = '503';
    const on503 = await get('/sie/');
    expect(on503.status).toBe(200);
    expect(on503.body).toBe('<p>/sie/ v1</p>');
    const uncached = await get('/never-cached-before/');
    expect(uncached.status).toBe(503);
    expect(uncached.headers['retry-after']).toBe('7');
    expect(uncached.body).toContain('暂时无法访问');
    fault = 'reset';
    const onReset = await get('/sie-down/');
    expect(onReset.status).toBe(200);
    expect(onReset.body).toBe('<p>/sie-down/ v1</p>');
    // The origin really gone (nothing listening on its port).
    await new Promise<void>((resolve) => origin.close(() => resolve()));
    try {
      const down = await get('/sie/');
      expect(down.status).toBe(200);
      expect(down.body).toBe('<p>/sie/ v1</p>');
      const none = await get('/never-cached-either/');
      expect(none.status).toBe(503);
      expect(none.headers['retry-after']).toBe('5');
      expect(none.body).toContain('暂时无法访问');
    } finally {
      fault = 'none';
      await listenOrigin(originPort);
    }
    // Back up: a request past max-age fetches the new page (Varnish waits backend_remote_error_holddown,
    // 0.25 s, after a refused connection before it connects again, serving the stale copy meanwhile).
    version.set('/sie/', 3);
    await expect.poll(async () => (await get('/sie/')).body, { timeout: 3_000, interval: 100 }).toBe('<p>/sie/ v3</p>');
  });
});
