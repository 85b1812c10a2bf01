/**
 * The pure parts of syndication: absolute URLs in feed HTML, feed scopes and limits, the News
 * sitemap window, the canonical choice, NewsArticle JSON-LD, and share-image glyph checks.
 */
import { XMLParser } from 'fast-xml-parser';
import type { NewsArticle, WithContext } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { articlesIn, feedScopes, renderFeed } from '../../src/lib/feeds/index.ts';
import { localize } from '../../src/lib/localize.ts';
import { canonicalUrl, jsonLdText, newsArticleLd } from '../../src/lib/seo.ts';
import { fontsFor, SHARE_FONTS, missingGlyphs } from '../../src/lib/share-image/fonts.ts';
import { assertDrawable, renderShareImage, ShareImageError } from '../../src/lib/share-image/render.ts';
import {
  articlesPerSitemap,
  articleSitemapCount,
  articleSitemapItems,
  articleSitemapWindow,
  newsArticles,
  newsSitemap,
} from '../../src/lib/sitemaps.ts';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import { ArticleError, ArticleSchema, parseArticle, type Article } from '../../src/model/article.ts';
import { absolutizeHtml } from '../../src/pipeline/absolutize.ts';

const desk = { slug: 'desk', name: '编辑部' };
const wang = { slug: 'wang', name: '王五', url: 'https://example.org/wang' };
const tech = { slug: 'technology', name: '科技' };
const finance = { slug: 'finance', name: '财经', riskNotice: true };

function article(slug: string, publishedAt: string, extra: Record<string, unknown> = {}): Article {
  return ArticleSchema.parse({
    slug,
    title: `标题${slug}`,
    summary: '摘要。',
    body: '正文，[相对链接](/zh-hans/articles/other/)，![图](../images/a.png)。',
    publishedAt,
    authors: [desk],
    category: tech,
    sourceLocale: 'zh-Hans',
    origin: 'original',
    ...extra,
  });
}

describe('absolute URLs in feed HTML', () => {
  const base = 'https://news.example/zh-hans/articles/a/';
  it('resolves links, images, srcset, fragments and citations against the article URL', () => {
    const html =
      '<p><a href="/zh-hant/">x</a><a href="#fn1">1</a><a href="mailto:a@b.c">m</a><a href="https://other.example/p">o</a></p>' +
      '<img src="../../images/a.png" srcset="/i/a.png 1x, /i/b.png 2x" alt="a"><blockquote cite="/src/"></blockquote>';
    const out = absolutizeHtml(html, base);
    expect(out).toContain('href="https://news.example/zh-hant/"');
    expect(out).toContain('href="https://news.example/zh-hans/articles/a/#fn1"');
    expect(out).toContain('href="mailto:a@b.c"');
    expect(out).toContain('href="https://other.example/p"');
    expect(out).toContain('src="https://news.example/zh-hans/images/a.png"');
    expect(out).toContain('srcset="https://news.example/i/a.png 1x, https://news.example/i/b.png 2x"');
    expect(out).toContain('cite="https://news.example/src/"');
    expect(out).not.toMatch(/(?:href|src|cite)="\/|srcset="\//);
  });
  it('leaves the page HTML as it was', () => {
    const a = article('page', '2026-11-20T10:00:00+08:00');
    const before = localize(a, 'zh-Hans').html;
    const feed = renderFeed('rss', { kind: 'locale', locale: 'zh-Hans' }, [a]);
    expect(localize(a, 'zh-Hans').html).toBe(before);
    expect(before).toContain('href="/zh-hans/articles/other/"');
    expect(feed).toContain(`href="${absoluteUrl('/zh-hans/articles/other/')}"`);
  });
});

describe('feed scopes', () => {
  const list = [
    article('c', '2026-11-22T10:00:00+08:00', { category: finance, authors: [wang] }),
    article('b', '2026-11-21T10:00:00+08:00', { authors: [desk, wang] }),
    article('a', '2026-11-20T10:00:00+08:00'),
  ];
  it('has a feed per locale and per category and author that has articles', () => {
    const names = feedScopes(list).map((s) => `${s.locale}:${s.kind}${'slug' in s ? `:${s.slug}` : ''}`);
    expect(names).toEqual([
      'zh-Hans:locale',
      'zh-Hans:category:finance',
      'zh-Hans:category:technology',
      'zh-Hans:author:desk',
      'zh-Hans:author:wang',
      'zh-Hant:locale',
      'zh-Hant:category:finance',
      'zh-Hant:category:technology',
      'zh-Hant:author:desk',
      'zh-Hant:author:wang',
    ]);
  });
  it('filters by category and author, keeps the order and the limit', () => {
    expect(articlesIn({ kind: 'category', locale: 'zh-Hans', slug: 'technology' }, list).map((a) => a.slug)).toEqual(['b', 'a']);
    expect(articlesIn({ kind: 'author', locale: 'zh-Hant', slug: 'wang' }, list).map((a) => a.slug)).toEqual(['c', 'b']);
    expect(articlesIn({ kind: 'locale', locale: 'zh-Hans' }, list, 2).map((a) => a.slug)).toEqual(['c', 'b']);
    const many = Array.from({ length: site.feedLimit + 5 }, (_, i) => article(`n${i}`, new Date(Date.UTC(2026, 0, 1) - i * 3_600_000).toISOString()));
    const rss = new XMLParser().parse(renderFeed('rss', { kind: 'locale', locale: 'zh-Hans' }, many));
    expect(rss.rss.channel.item).toHaveLength(site.feedLimit);
  });
});

describe('News sitemap window', () => {
  const now = new Date('2026-11-25T12:00:00+08:00');
  const list = [
    article('future', '2026-11-25T12:00:01+08:00'),
    article('now', '2026-11-25T12:00:00+08:00'),
    article('inside', '2026-11-23T12:00:01+08:00'),
    article('edge', '2026-11-23T12:00:00+08:00'),
    article('old', '2026-11-20T12:00:00+08:00'),
    article('reprint-elsewhere', '2026-11-25T09:00:00+08:00', {
      origin: 'reprint',
      source: { name: '某报', url: 'https://paper.example/1' },
      canonical: 'source',
    }),
  ];
  it('holds exactly the articles of the 48 hours up to now, not the ones canonical elsewhere', () => {
    expect(newsArticles(list, now).map((a) => a.slug)).toEqual(['now', 'inside']);
  });
  it('writes a News entry per locale with language, publication and title', async () => {
    const xml = await newsSitemap(list, now);
    const urls = new XMLParser().parse(xml).urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls.map((u) => u.loc)).toEqual([
      absoluteUrl('/zh-hans/articles/now/'),
      absoluteUrl('/zh-hant/articles/now/'),
      absoluteUrl('/zh-hans/articles/inside/'),
      absoluteUrl('/zh-hant/articles/inside/'),
    ]);
    expect(urls[1]?.['news:news']).toMatchObject({
      'news:publication': { 'news:name': '通報', 'news:language': 'zh-tw' },
      'news:title': '標題now',
    });
  });
  it('is a valid empty urlset when nothing is recent', async () => {
    const parsed = new XMLParser().parse(await newsSitemap(list, new Date('2030-01-01T00:00:00Z')));
    expect(parsed.urlset).toBe('');
  });
  it('leaves articles canonical elsewhere out of the article sitemap', () => {
    const locs = articleSitemapItems(list).map((i) => i.url);
    expect(locs).not.toContain(absoluteUrl('/zh-hans/articles/reprint-elsewhere/'));
    expect(locs).toHaveLength((list.length - 1) * 2);
  });
});

describe('canonical choice', () => {
  const source = { name: '某报', url: 'https://paper.example/1' };
  it('is our page unless the article says source', () => {
    expect(canonicalUrl('/zh-hans/articles/a/')).toBe(absoluteUrl('/zh-hans/articles/a/'));
    expect(canonicalUrl('/zh-hans/articles/a/', { canonical: 'self', source })).toBe(absoluteUrl('/zh-hans/articles/a/'));
    expect(canonicalUrl('/zh-hans/articles/a/', { canonical: 'source', source })).toBe(source.url);
  });
  it('refuses canonical: source without a source, naming the field', () => {
    expect(() => parseArticle(ArticleSchema, { ...article('x', '2026-11-20T10:00:00+08:00'), canonical: 'source' }, 'content/articles/x.md')).toThrow(
      /content\/articles\/x\.md: invalid article\n {2}- canonical: canonical: source needs source/,
    );
    try {
      parseArticle(ArticleSchema, { ...article('x', '2026-11-20T10:00:00+08:00'), canonical: 'elsewhere' }, 'doc-1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleError);
      expect((error as ArticleError).issues).toEqual([{ field: 'canonical', message: 'canonical must be one of: self, source' }]);
    }
  });
});

describe('NewsArticle JSON-LD', () => {
  const reprint = article('r', '2026-11-20T10:00:00+08:00', {
    origin: 'reprint',
    source: { name: '某报', url: 'https://paper.example/1' },
    canonical: 'source',
    authors: [wang],
    updatedAt: '2026-11-21T10:00:00+08:00',
    image: { src: '/images/x.png', alt: '图' },
  });
  it('carries what Google asks for, typed with schema-dts', () => {
    const ld: WithContext<NewsArticle> = newsArticleLd(reprint, 'zh-Hant');
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '標題r',
      datePublished: '2026-11-20T02:00:00.000Z',
      dateModified: '2026-11-21T02:00:00.000Z',
      inLanguage: 'zh-Hant',
      image: [absoluteUrl(paths.shareImage('zh-Hant', 'r')), absoluteUrl('/images/x.png')],
      author: [{ '@type': 'Person', name: '王五', url: absoluteUrl('/zh-hant/authors/wang/'), sameAs: 'https://example.org/wang' }],
      publisher: { name: '通報', logo: { '@type': 'ImageObject', url: absoluteUrl('/logo.png') } },
      mainEntityOfPage: { '@id': 'https://paper.example/1' },
      isBasedOn: { url: 'https://paper.example/1' },
    });
  });
  it('cannot be closed from inside the script element', () => {
    expect(jsonLdText({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('share images', () => {
  it('use the locale’s own CJK cut first, the other as fallback', () => {
    expect(fontsFor('zh-Hant').map((f) => f.file)).toEqual(['NotoSansHant-Bold.otf', 'NotoSansHans-Bold.otf']);
    expect(missingGlyphs('擔第一方陣 𠀀', [SHARE_FONTS['zh-Hant']])).toEqual(['𠀀']);
  });
  it('refuse a title with a character no font draws, naming the article and the character', () => {
    const card = { locale: 'zh-Hans' as const, title: '罕见字𠀀', siteName: '通报', host: 'x.example', where: 'article "rare" (zh-Hans)' };
    expect(() => assertDrawable(card)).toThrow(ShareImageError);
    expect(() => assertDrawable(card)).toThrow(/article "rare" \(zh-Hans\).*"𠀀" \(U\+20000\)/);
  });
  it('are 1200×630 PNGs', async () => {
    const png = await renderShareImage({ locale: 'zh-Hant', title: '簡繁同步', siteName: '通報', host: 'x.example', where: 't' });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe('article sitemaps past 50,000 URLs', () => {
  it('fill 25,000 articles each in two scripts, oldest first, the last one with the rest', () => {
    expect(articlesPerSitemap()).toBe(25_000);
    expect([0, 1, 25_000, 25_001, 50_000, 570_000].map((n) => articleSitemapCount(n))).toEqual([1, 1, 1, 2, 2, 23]);
    // 10 published, 4 a sitemap: indexes of the newest-first list.
    expect([1, 2, 3].map((n) => articleSitemapWindow(10, n, 4))).toEqual([
      { from: 6, to: 10 },
      { from: 2, to: 6 },
      { from: 0, to: 2 },
    ]);
    // A new article joins the last sitemap; the older ones keep theirs.
    expect(articleSitemapWindow(11, 1, 4)).toEqual({ from: 7, to: 11 });
    expect(articleSitemapWindow(0, 1, 4)).toEqual({ from: 0, to: 0 });
  });
});
