/**
 * The pages of every route that shows content, each a pure function of a build context
 * (src/lib/route-paths.ts): a route's getStaticPaths in a static build, its match on demand in server
 * output (src/server/on-demand.ts). The order of each list is the order getStaticPaths has always had.
 */
import { localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import type { Author, Category } from '../model/taxonomy.ts';
import { feedScopes } from './feeds/index.ts';
import { parseMonthKey } from './indexes.ts';
import { paginate, type ListPage, type RoutePaths } from './route-paths.ts';
import { searchBundles } from './search-shards.ts';
import { articleSitemapCount, articleSitemapWindow, type SitemapArticle } from './sitemaps.ts';
import { localeParams, periodSegment, tagSegment, type FeedScope } from './urls.ts';

type Paged<P> = P & { page: ListPage<Article> };

/*
 * Each route has its own RoutePaths, even when two list the same pages: with Sanity as the server's source the
 * function is the route's key to its per-request queries (src/server/sanity-request.ts sanityPageOf).
 */

/** How many of the newest articles `/` lists (src/pages/index.astro). */
export const ROOT_HEADLINES = 10;

/** `/`: one page. */
export const rootPage: RoutePaths<Record<string, never>> = () => [{ params: {}, props: {} }];

/** The corrections page of each locale. */
export const correctionsPages: RoutePaths<{ locale: Locale }> = () =>
  localeOrder.map((locale) => ({ params: localeParams(locale), props: { locale } }));

/** The search page of each locale, with the Pagefind bundles it loads (newest shard first). */
export const searchPages: RoutePaths<{ locale: Locale; bundles: string[] }> = ({ published, options }) =>
  localeOrder.map((locale) => ({
    params: localeParams(locale),
    props: { locale, bundles: searchBundles(locale, published.length, options.searchShardSize) },
  }));

/**
 * The sitemaps (src/lib/sitemaps.ts): one file each, over the published articles. The props hold the articles so that
 * a source may hand over only the fields a sitemap reads (Sanity: a slim projection, no bodies; the news sitemap its
 * recent window of whole articles).
 */
const slimSitemap =
  (): RoutePaths<{ articles: readonly SitemapArticle[] }> =>
  ({ published }) => [{ params: {}, props: { articles: published } }];
/** Article sitemap n's articles (src/lib/sitemaps.ts articleSitemapWindow). */
const sitemapPart = (published: readonly Article[], n: number) => {
  const { from, to } = articleSitemapWindow(published.length, n);
  return published.slice(from, to);
};
export const sitemapPages: Record<'pages', RoutePaths<{ articles: readonly SitemapArticle[] }>> & {
  /** The index: dated by the newest article, naming every article sitemap. */
  index: RoutePaths<{ articles: readonly SitemapArticle[]; articleSitemaps: number }>;
  /** Article sitemap 1 (`sitemap-articles.xml`), and 2… (`sitemap-articles-<n>.xml`) past SITEMAP_MAX_URLS. */
  articles: RoutePaths<{ articles: readonly SitemapArticle[] }>;
  articleParts: RoutePaths<{ articles: readonly SitemapArticle[] }>;
  news: RoutePaths<{ articles: readonly Article[] }>;
} = {
  index: ({ published }) => [{ params: {}, props: { articles: published.slice(0, 1), articleSitemaps: articleSitemapCount(published.length) } }],
  pages: slimSitemap(),
  articles: ({ published }) => [{ params: {}, props: { articles: sitemapPart(published, 1) } }],
  articleParts: ({ published }) =>
    Array.from({ length: articleSitemapCount(published.length) - 1 }, (_, i) => ({
      params: { part: String(i + 2) },
      props: { articles: sitemapPart(published, i + 2) },
    })),
  news: ({ published }) => [{ params: {}, props: { articles: published } }],
};

/** Home of each locale, paginated. */
export const homePages: RoutePaths<Paged<{ locale: Locale }>> = ({ published, options }) =>
  localeOrder.flatMap((locale) => paginate(published, { params: localeParams(locale), props: { locale }, pageSize: options.pageSize }));

/** Year and month archives in each locale, paginated. */
export const archivePages: RoutePaths<Paged<{ locale: Locale; year: number; month?: number | undefined }>> = ({ indexes, options }) => {
  const periods: { year: number; month?: number; list: Article[] }[] = [
    ...[...indexes.byYear].map(([year, list]) => ({ year, list })),
    ...[...indexes.byMonth].map(([key, list]) => ({ ...parseMonthKey(key), list })),
  ];
  return periods.flatMap(({ year, month, list }) =>
    localeOrder.flatMap((locale) =>
      paginate(list, {
        params: localeParams(locale, { period: periodSegment(year, month) }),
        props: { locale, year, month },
        pageSize: options.pageSize,
      }),
    ),
  );
};

/** Each author's articles in each locale, paginated. */
export const authorPages: RoutePaths<Paged<{ locale: Locale; author: Author }>> = ({ indexes, options }) =>
  [...indexes.byAuthor].flatMap(([slug, list]) =>
    localeOrder.flatMap((locale) =>
      paginate(list, {
        params: localeParams(locale, { slug }),
        props: { locale, author: list[0]!.authors.find((a) => a.slug === slug)! },
        pageSize: options.pageSize,
      }),
    ),
  );

/** Each category's articles in each locale, paginated. */
export const categoryPages: RoutePaths<Paged<{ locale: Locale; category: Category }>> = ({ indexes, options }) =>
  [...indexes.byCategory].flatMap(([slug, list]) =>
    localeOrder.flatMap((locale) =>
      paginate(list, { params: localeParams(locale, { slug }), props: { locale, category: list[0]!.category }, pageSize: options.pageSize }),
    ),
  );

/** Each tag's articles in each locale, paginated (the URL holds the tag's zh-Hans form). */
export const tagPages: RoutePaths<Paged<{ locale: Locale; key: string }>> = ({ indexes, options }) =>
  [...indexes.byTag].flatMap(([key, list]) =>
    localeOrder.flatMap((locale) =>
      paginate(list, { params: localeParams(locale, { tag: tagSegment(key) }), props: { locale, key }, pageSize: options.pageSize }),
    ),
  );

const feedPagesOf = (kind: FeedScope['kind']): RoutePaths<{ scope: FeedScope }> => {
  return ({ published }) =>
    feedScopes(published)
      .filter((s) => s.kind === kind)
      .map((scope) => ({ params: localeParams(scope.locale, 'slug' in scope ? { slug: scope.slug } : undefined), props: { scope } }));
};

/** The feeds of each locale, category and author (one function per kind, shared by its three formats). */
export const feedPages: Record<FeedScope['kind'], RoutePaths<{ scope: FeedScope }>> = {
  locale: feedPagesOf('locale'),
  category: feedPagesOf('category'),
  author: feedPagesOf('author'),
};

/** The share images of the newest articles (the build context's choice), in each locale. */
export const articleSharePages: RoutePaths<{ article: Article; locale: Locale }> = ({ published, shareImages }) =>
  published
    .filter((article) => shareImages.has(article.slug))
    .flatMap((article) => localeOrder.map((locale) => ({ params: localeParams(locale, { slug: article.slug }), props: { article, locale } })));
