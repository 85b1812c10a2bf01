/** The CDN headers (pure) and the purge client's batching (pure). The real Varnish is in varnish.test.ts. */
import { describe, expect, it } from 'vitest';
import { cacheHeaders, noStoreHeaders, tagToken } from '../../src/server/cache-headers.ts';
import { batchTags } from '../../src/server/purge-varnish.ts';

describe('cacheHeaders', () => {
  it('writes the lifetimes for browsers and for each kind of CDN, and the tags for each provider', () => {
    expect(cacheHeaders({ maxAge: 300, swr: 60, staleIfError: 86_400, tags: ['article:a', 'list:home'] })).toEqual({
      'Cache-Control': 'public, max-age=30',
      'CDN-Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
      'Surrogate-Control': 'max-age=300, stale-while-revalidate=60, stale-if-error=86400',
      xkey: 'article:a list:home',
      'Surrogate-Key': 'article:a list:home',
      'Cache-Tag': 'article:a,list:home',
      'Vercel-Cache-Tag': 'article:a,list:home',
    });
  });

  it("leaves out what is not given, and only the chosen providers' tag headers", () => {
    expect(cacheHeaders({ maxAge: 10, browserMaxAge: 0 })).toEqual({
      'Cache-Control': 'public, max-age=0',
      'CDN-Cache-Control': 'public, s-maxage=10',
      'Surrogate-Control': 'max-age=10',
    });
    expect(Object.keys(cacheHeaders({ maxAge: 10, tags: ['a'], targets: ['varnish'] }))).toEqual([
      'Cache-Control',
      'CDN-Cache-Control',
      'Surrogate-Control',
      'xkey',
    ]);
    expect(Object.keys(cacheHeaders({ maxAge: 10, tags: ['a'], targets: ['netlify'] }))).toContain('Cache-Tag');
    // Browsers never keep a page longer than the caches do.
    expect(cacheHeaders({ maxAge: 5 })['Cache-Control']).toBe('public, max-age=5');
  });

  it('cuts the lifetime at the next scheduled change: neither fresh nor stale-while-revalidate runs past it', () => {
    const h = cacheHeaders({ maxAge: 3600, swr: 600, staleIfError: 86_400, changesIn: 120.7 });
    expect(h['CDN-Cache-Control']).toBe('public, s-maxage=120, stale-if-error=86400');
    expect(cacheHeaders({ maxAge: 60, swr: 600, changesIn: 100 })['Surrogate-Control']).toBe('max-age=60, stale-while-revalidate=40');
    // Due now: not cacheable at all.
    expect(cacheHeaders({ maxAge: 60, changesIn: 0 })).toEqual(noStoreHeaders({ shared: true }));
  });

  it('writes tags as ASCII tokens without separators, the same way the purge does', () => {
    expect(tagToken('tag:先进技术')).toBe('tag:%E5%85%88%E8%BF%9B%E6%8A%80%E6%9C%AF');
    expect(tagToken('a b,c%d')).toBe('a%20b%2Cc%25d');
    expect(tagToken("it's(1)")).toBe('it%27s%281%29');
    expect(cacheHeaders({ maxAge: 1, tags: ['x', 'x', 'y z'] }).xkey).toBe('x y%20z');
    expect(() => tagToken('')).toThrow(/empty tag/);
    expect(() => tagToken('t'.repeat(300))).toThrow(/256 at most/);
  });

  it('refuses lifetimes that are not whole seconds', () => {
    expect(() => cacheHeaders({ maxAge: -1 })).toThrow(/maxAge must be a whole number/);
    expect(() => cacheHeaders({ maxAge: 1.5 })).toThrow(/maxAge/);
    expect(() => cacheHeaders({ maxAge: 1, swr: Number.NaN })).toThrow(/swr/);
  });

  it('no-store for previews and per-visitor answers', () => {
    expect(noStoreHeaders()).toEqual({ 'Cache-Control': 'private, no-store', 'CDN-Cache-Control': 'no-store', 'Surrogate-Control': 'no-store' });
  });
});

describe('batchTags', () => {
  it('packs tags into space-joined batches no longer than the limit, in order', () => {
    expect(batchTags(['aaa', 'bb', 'cccc', 'd'], 7)).toEqual([
      ['aaa', 'bb'],
      ['cccc', 'd'],
    ]);
    expect(batchTags(['aaaaaaa'], 7)).toEqual([['aaaaaaa']]);
    expect(batchTags([], 7)).toEqual([]);
    const many = Array.from({ length: 1000 }, (_, i) => `article:${i}`);
    const batches = batchTags(many, 1000);
    expect(batches.flat()).toEqual(many);
    for (const b of batches) expect(b.join(' ').length).toBeLessThanOrEqual(1000);
    expect(() => batchTags(['x'.repeat(8)], 7)).toThrow(/longer than 7 bytes/);
  });
});
