/**
 * Search shards (src/lib/search-shards.ts) and the cross-script query map (src/zh/query-map.ts).
 */
import { describe, expect, it } from 'vitest';
import { searchBundles, searchShards } from '../../src/lib/search-shards.ts';
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
    expect(searchBundles('zh-Hant', articles(3), 2)).toEqual(['/pagefind/zh-hant/1/', '/pagefind/zh-hant/0/']);
    expect(searchBundles('zh-Hans', [], 2)).toEqual([]);
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
