/** Pure parts of the server's cache: the tags a webhook purges, and the lifetime the in-process cache reads. */
import { describe, expect, it } from 'vitest';
import { forMemory } from '../../src/server/cache-provider.ts';
import { PayloadError, tagsForPayload } from '../../src/server/cache-tags.ts';

describe('tagsForPayload', () => {
  it('tags an article by its slug (whole document or a projection), with every list, feed, sitemap and the search page', () => {
    const kinds = ['list', 'feed', 'sitemap', 'search'];
    expect(tagsForPayload({ _id: 'a1', _type: 'article', slug: { _type: 'slug', current: 'market-weekly-review' } })).toEqual([
      'article:market-weekly-review',
      ...kinds,
    ]);
    expect(tagsForPayload({ _type: 'article', slug: 'one-source-two-scripts' })).toEqual(['article:one-source-two-scripts', ...kinds]);
  });
  it('purges nothing for assets, and every page for an author, a category or the site settings', () => {
    expect(tagsForPayload({ _type: 'sanity.imageAsset', _id: 'image-1' })).toEqual([]);
    expect(tagsForPayload({ _type: 'author', _id: 'author-1' })).toEqual(['site']);
    expect(tagsForPayload({ _type: 'category', _id: 'category-1' })).toEqual(['site']);
  });
  it.each([
    [null, /not a JSON object/],
    [[{ _type: 'article' }], /not a JSON object/],
    [{ slug: { current: 'a' } }, /_type: missing/],
    [{ _type: 'article' }, /slug\.current: missing/],
    [{ _type: 'article', slug: { current: 'Not A Slug' } }, /slug\.current/],
  ])('refuses %j', (body, message) => {
    expect(() => tagsForPayload(body)).toThrow(PayloadError);
    expect(() => tagsForPayload(body)).toThrow(message);
  });
});

describe('forMemory', () => {
  it('shows the shared lifetime (s-maxage) as max-age, which Astro’s memory provider reads', () => {
    expect(forMemory('public, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400')).toBe(
      'public, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400, max-age=300',
    );
  });
  it('leaves a header with max-age, or without a lifetime, as it is', () => {
    expect(forMemory('max-age=10, s-maxage=300')).toBe('max-age=10, s-maxage=300');
    expect(forMemory('no-store')).toBe('no-store');
  });
});
