/**
 * Pure parts of rendering on demand: our pagination (the params and pages Astro's paginate gave the static
 * build), the params key that matches a request to a route's page, when the next scheduled article comes out,
 * what a change of the content folder purges, and the tags of a change.
 */
import { describe, expect, it } from 'vitest';
import { nextScheduled } from '../../src/lib/articles.ts';
import { paginate, paramsKey } from '../../src/lib/route-paths.ts';
import type { Article } from '../../src/model/article.ts';
import { tagsForArticles } from '../../src/server/cache-tags.ts';
import { contentChange, type LiveEntry } from '../../src/server/live-content.ts';
import { loadLocalArticles } from '../support/content.ts';

describe('paginate', () => {
  it('gives page 1 without the page param, later pages as "2", "3"…, each its slice, number and count', () => {
    const pages = paginate([1, 2, 3, 4, 5], { params: { locale: 'zh-hans' }, props: { locale: 'zh-Hans' }, pageSize: 2 });
    expect(pages.map((p) => p.params)).toEqual([
      { locale: 'zh-hans', page: undefined },
      { locale: 'zh-hans', page: '2' },
      { locale: 'zh-hans', page: '3' },
    ]);
    expect(pages.map((p) => p.props.page)).toEqual([
      { data: [1, 2], currentPage: 1, lastPage: 3 },
      { data: [3, 4], currentPage: 2, lastPage: 3 },
      { data: [5], currentPage: 3, lastPage: 3 },
    ]);
    expect(pages[0]!.props.locale).toBe('zh-Hans');
  });
  it('keeps one empty first page for an empty list, as Astro does', () => {
    expect(paginate([], { params: {}, props: {}, pageSize: 20 })).toEqual([
      { params: { page: undefined }, props: { page: { data: [], currentPage: 1, lastPage: 1 } } },
    ]);
  });
});

describe('paramsKey', () => {
  it('is the same for the same params in any order, with an absent rest param as undefined', () => {
    expect(paramsKey({ page: undefined, locale: 'zh-hans' })).toBe(paramsKey({ locale: 'zh-hans', page: undefined }));
    expect(paramsKey({ locale: 'zh-hans', page: '2' })).not.toBe(paramsKey({ locale: 'zh-hans', page: undefined }));
    expect(paramsKey({ locale: 'zh-hans', page: '02' })).not.toBe(paramsKey({ locale: 'zh-hans', page: '2' }));
  });
});

describe('nextScheduled', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const at = (iso: string, draft = false) => ({ publishedAt: new Date(iso), draft });
  it('is the seconds to the nearest publishedAt after now, drafts left out', () => {
    expect(
      nextScheduled([at('2026-11-29T00:00:00Z'), at('2026-11-30T05:00:00Z'), at('2026-11-30T04:10:00Z', true), at('2026-11-30T04:30:00.500Z')], now),
    ).toBe(1801);
  });
  it('is undefined when nothing is scheduled', () => {
    expect(nextScheduled([at('2026-11-29T00:00:00Z'), at('2026-12-01T00:00:00Z', true)], now)).toBeUndefined();
  });
});

describe('contentChange and tagsForArticles', async () => {
  const articles = await loadLocalArticles();
  const entries = (list: readonly Article[]): LiveEntry[] => list.map((a) => ({ id: a.slug, data: a, digest: JSON.stringify(a) }));
  const before = entries(articles);
  const [first, second, third] = articles as [Article, Article, Article];
  it('names an edited article; what is published did not move', () => {
    const after = entries(articles.map((a) => (a === first ? { ...a, title: `${a.title}（更新）` } : a)));
    expect(contentChange(before, after)).toEqual({ slugs: [first.slug], published: false });
  });
  it('names added, removed, unpublished and rescheduled articles; what is published moved', () => {
    const after = entries([
      ...articles
        .filter((a) => a !== first)
        .map((a) => (a === second ? { ...a, draft: true } : a === third ? { ...a, publishedAt: new Date(0) } : a)),
      { ...first, slug: 'a-new-one' },
    ]);
    expect(contentChange(before, after)).toEqual({ slugs: ['a-new-one', first.slug, second.slug, third.slug].sort(), published: true });
  });
  it('purges each article and every list, feed, sitemap and the search page', () => {
    expect(tagsForArticles(['b', 'a', 'b'])).toEqual(['article:a', 'article:b', 'list', 'feed', 'sitemap', 'search']);
    expect(tagsForArticles([])).toEqual([]);
  });
});
