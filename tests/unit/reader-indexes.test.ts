/** Indexes, related articles, neighbours, tag keys and reading time over real Article values. */
import { describe, expect, it } from 'vitest';
import { ArticleSchema, type Article } from '../../src/model/article.ts';
import { buildIndexes, neighbours, related, yearMonth } from '../../src/lib/indexes.ts';
import { countReadingUnits, readingMinutes } from '../../src/lib/reading-time.ts';
import { tagKey, tagName } from '../../src/lib/tags.ts';
import { selectPublished } from '../../src/lib/articles.ts';

const author = { slug: 'desk', name: '编辑部', nameLocale: 'zh-Hans' };
const cat = (slug: string) => ({ slug, name: slug, nameLocale: 'zh-Hans' });
function article(slug: string, publishedAt: string, category: string, tags: string[], sourceLocale: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): Article {
  return ArticleSchema.parse({
    slug,
    title: `标题${slug}`,
    summary: '摘要',
    body: '正文',
    publishedAt,
    tags,
    sourceLocale,
    origin: 'original',
    authors: [author],
    category: cat(category),
  });
}

const list = selectPublished(
  [
    article('a', '2026-11-01T10:00:00+08:00', 'finance', ['基金', '市场']),
    article('b', '2026-10-31T23:30:00+08:00', 'finance', []),
    article('c', '2026-10-20T10:00:00+08:00', 'tech', ['基金']),
    article('d', '2026-09-01T10:00:00+08:00', 'tech', ['資產配置'], 'zh-Hant'),
    article('e', '2025-12-31T17:00:00+00:00', 'news', ['资产配置', '基金', '市场']),
  ],
  new Date('2027-01-01T00:00:00Z'),
);
const ix = buildIndexes(list, 'Asia/Shanghai');
const slugs = (xs: readonly Article[] | undefined) => (xs ?? []).map((x) => x.slug);

describe('indexes', () => {
  it('groups by category, tag (zh-Hans key) and month in the site time zone, newest first', () => {
    expect(slugs(ix.byCategory.get('finance'))).toEqual(['a', 'b']);
    expect(slugs(ix.byTag.get('资产配置'))).toEqual(['d', 'e']);
    expect(ix.byTag.has('資產配置')).toBe(false);
    // 2026-10-31T23:30+08:00 is October in Shanghai; 2025-12-31T17:00Z is already 2026-01 there.
    expect(slugs(ix.byMonth.get('2026-10'))).toEqual(['b', 'c']);
    expect(slugs(ix.byMonth.get('2026-01'))).toEqual(['e']);
    expect(slugs(ix.byYear.get(2026))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(yearMonth(new Date('2025-12-31T16:00:00Z'), 'UTC')).toEqual({ year: 2025, month: 12 });
  });

  it('ranks related articles by shared tags, then category, newest first, never the article itself', () => {
    expect(slugs(related(ix, list[0]!))).toEqual(['e', 'c', 'b']);
    expect(slugs(related(ix, list[3]!))).toEqual(['e', 'c']);
    for (const a of list) expect(slugs(related(ix, a))).not.toContain(a.slug);
    expect(related(ix, list[0]!, 1)).toHaveLength(1);
  });

  it('gives the newer and older neighbour, none past the ends', () => {
    expect(neighbours(ix, list[0]!)).toEqual({ newer: undefined, older: list[1] });
    expect(neighbours(ix, list[4]!)).toEqual({ newer: list[3], older: undefined });
  });
});

describe('tags', () => {
  it('keys a tag by its zh-Hans form and shows it in each script', () => {
    expect(tagKey(' 資產配置 ', 'zh-Hant')).toBe('资产配置');
    expect(tagKey('资产配置', 'zh-Hans')).toBe('资产配置');
    expect(tagName('资产配置', 'zh-Hant')).toBe('資產配置');
  });
});

describe('reading time', () => {
  it('counts Chinese characters, not words; Latin words count one each; markup and punctuation do not count', () => {
    expect(countReadingUnits('通报是一个新闻系统。')).toBe(9);
    expect(countReadingUnits('Astro 7 与 OpenCC 1.0')).toBe(1 + 1 + 1 + 1 + 2);
    expect(readingMinutes('<p>短</p>')).toBe(1);
    expect(readingMinutes(`<p>${'字'.repeat(401)}</p><script>${'字'.repeat(5000)}</script>`)).toBe(2);
    expect(readingMinutes(`<p>${'字'.repeat(1200)}</p>`)).toBe(3);
  });
});
