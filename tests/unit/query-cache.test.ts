/**
 * Sanity's answers per content version (src/server/query-cache.ts): an answer is reused by later requests of the
 * same version and never after it ends — at a publish (forget), at the next scheduled article's time, after the
 * maximum age — and a failed query, or one beyond the bound, is asked again.
 */
import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../src/server/query-cache.ts';

const T0 = Date.parse('2026-12-03T08:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString();

/** A source whose answer to every query is a counter: a reused answer keeps its number. */
function source(nextScheduled: string | null = null) {
  let runs = 0;
  let scheduledAsks = 0;
  return {
    get runs() {
      return runs;
    },
    get scheduledAsks() {
      return scheduledAsks;
    },
    next: () => {
      scheduledAsks++;
      return Promise.resolve(nextScheduled);
    },
    run: (length = 1) => {
      runs++;
      return Promise.resolve(Array.from({ length }, () => runs));
    },
  };
}

describe('the query cache', () => {
  it('answers a query once for every request of a content version, whatever their clocks', async () => {
    const cache = new QueryCache({ maxAgeMs: 60_000, maxDocuments: 100 });
    const s = source();
    const first = await cache.version(at(0), s.next);
    expect(await first.answer('q', () => s.run())).toEqual([1]);
    const second = await cache.version(at(30), s.next);
    expect(second).toBe(first);
    expect(await second.answer('q', () => s.run())).toEqual([1]);
    expect(await second.answer('other', () => s.run())).toEqual([2]);
    expect(s.runs).toBe(2);
    expect(s.scheduledAsks, 'the next scheduled article is asked once per version').toBe(1);
  });

  it('ends a version at the next scheduled article: a request at its publishedAt asks again', async () => {
    const cache = new QueryCache({ maxAgeMs: 3_600_000, maxDocuments: 100 });
    const s = source(iso(10));
    const before = await cache.version(at(0), s.next);
    await before.answer('q', () => s.run());
    expect(await (await cache.version(at(9.999), s.next)).answer('q', () => s.run())).toEqual([1]);
    const after = await cache.version(at(10), s.next);
    expect(after).not.toBe(before);
    expect(await after.answer('q', () => s.run())).toEqual([2]);
  });

  it('ends a version after the maximum age, and a request before its start does not use it', async () => {
    const cache = new QueryCache({ maxAgeMs: 60_000, maxDocuments: 100 });
    const s = source();
    const v = await cache.version(at(0), s.next);
    expect(await cache.version(at(59.9), s.next)).toBe(v);
    expect(await cache.version(at(60), s.next)).not.toBe(v);
    expect(v.covers(T0 - 1)).toBe(false);
  });

  it('forgets every answer at a publish, also a version still being made', async () => {
    const cache = new QueryCache({ maxAgeMs: 60_000, maxDocuments: 100 });
    const s = source();
    const v = await cache.version(at(0), s.next);
    await v.answer('q', () => s.run());
    cache.forget();
    const fresh = await cache.version(at(1), s.next);
    expect(fresh).not.toBe(v);
    expect(await fresh.answer('q', () => s.run())).toEqual([2]);

    // A publish while a version is being made (its next-scheduled query in flight): that version is not kept.
    let release: (value: string | null) => void = () => {};
    const slow = new Promise<string | null>((resolve) => (release = resolve));
    cache.forget();
    const making = cache.version(at(2), () => slow);
    cache.forget();
    release(null);
    const made = await making;
    expect(await cache.version(at(3), s.next)).not.toBe(made);
  });

  it('keeps no failed answer', async () => {
    const cache = new QueryCache({ maxAgeMs: 60_000, maxDocuments: 100 });
    const v = await cache.version(at(0), () => Promise.resolve(null));
    await expect(v.answer('q', () => Promise.reject(new Error('Sanity answered 503')))).rejects.toThrow('503');
    expect(await v.answer('q', () => Promise.resolve('second try'))).toBe('second try');
  });

  it('holds at most maxDocuments documents: a window weighs its length, the least recently used goes first', async () => {
    const cache = new QueryCache({ maxAgeMs: 60_000, maxDocuments: 10 });
    const s = source();
    const v = await cache.version(at(0), s.next);
    await v.answer('a', () => s.run(6));
    await v.answer('b', () => s.run(3));
    expect(await v.answer('a', () => s.run(6))).toEqual(Array(6).fill(1));
    await v.answer('c', () => s.run(4)); // 6 + 3 + 4 > 10: b, the least recently used, is dropped
    expect(s.runs).toBe(3);
    expect(await v.answer('a', () => s.run(6))).toEqual(Array(6).fill(1));
    expect(await v.answer('b', () => s.run(3))).toEqual(Array(3).fill(4));
    for (let i = 0; i < 30; i++) v.articles.set(`article.${i}`, {} as never);
    expect(v.articles.size).toBe(10);
  });
});
