/**
 * Search shards (src/lib/search-shards.ts) and the cross-script query map (src/zh/query-map.ts).
 */
import { describe, expect, it } from 'vitest';
import { searchBundles, searchShards, shardCount, shardWindow } from '../../src/lib/search-shards.ts';
import type { Article } from '../../src/model/article.ts';
import { queryCharacterMap } from '../../src/zh/query-map.ts';

const articles = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `a${n - i}` }) as Article); // newest first

describe('search shards', () => {
  it('cuts the articles oldest first, so a new article only touches the newest shard', () => {
    const shards = searchShards(articles(5), 2);
    expect(shards.map((s) => [s.number, s.articles.map((a) => a.slug)])).toEqual([
      [0, ['a1', 'a2']],
      [1, ['a3', 'a4']],
      [2, ['a5']],
    ]);
    // One more article: the older shards keep their articles.
    expect(searchShards(articles(6), 2).map((s) => s.articles.map((a) => a.slug))).toEqual([
      ['a1', 'a2'],
      ['a3', 'a4'],
      ['a5', 'a6'],
    ]);
  });

  it("lists a locale's bundles newest first, none for an empty site", () => {
    expect(searchBundles('zh-Hant', 3, 2)).toEqual(['/pagefind/zh-hant/1/', '/pagefind/zh-hant/0/']);
    expect(searchBundles('zh-Hans', 0, 2)).toEqual([]);
  });

  it('names the newest-first ranks of each shard (the window a source reads), none past the last', () => {
    for (const [count, size] of [
      [7, 3],
      [6, 2],
      [1, 5],
      [0, 4],
    ] as const) {
      const newestFirst = articles(count);
      const shards = searchShards(newestFirst, size);
      expect(shards.length).toBe(shardCount(count, size));
      for (const shard of shards) {
        const w = shardWindow(count, size, shard.number)!;
        expect(newestFirst.slice(w.from, w.to).toReversed()).toEqual(shard.articles);
      }
      expect(shardWindow(count, size, shards.length)).toBeUndefined();
      expect(shardWindow(count, size, -1)).toBeUndefined();
    }
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => searchShards(articles(1), 0)).toThrow(/positive whole number/);
  });
});

describe('cross-script query map', () => {
  const tw = queryCharacterMap('tw');
  const hk = queryCharacterMap('hk');
  const cn = queryCharacterMap('cn');

  it("gives every Traditional form of an ambiguous Simplified character, OpenCC's pick first", () => {
    expect(tw['发']).toEqual(['發', '髮']);
    expect(tw['干']?.slice(0, 3)).toEqual(['幹', '乾', '榦']);
    expect(tw['资']).toEqual(['資']);
    // Taiwan and Hong Kong standards differ: 里 → 裡 (tw), 裏 (hk).
    expect(tw['里']?.[0]).toBe('裡');
    expect(hk['里']?.[0]).toBe('裏');
  });

  it('maps Traditional characters of every variant to Simplified', () => {
    expect(cn['髮']).toEqual(['发']);
    expect(cn['裡']).toEqual(['里']);
    expect(cn['裏']).toEqual(['里']);
    expect(cn['資']).toEqual(['资']);
  });

  it('leaves out characters common to both scripts', () => {
    expect(cn['中']).toBeUndefined();
    expect(tw['中']).toBeUndefined();
  });
});
